package org.mexe.studio.codec.wsp;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.mexe.studio.codec.Hex;

/**
 * A connectionless WSP Push PDU (WAP-230 clause 8.2.4.1) whose only header is the content type,
 * optionally with the SEC/MAC parameters of a signed provisioning document.
 *
 * @param transactionId       TID octet, chosen by the caller so that output is reproducible
 * @param contentType         well-known content type number (WAP-230 Appendix A), e.g. {@link #CONNECTIVITY_WBXML}
 */
public record WspPush(int transactionId, int contentType, Optional<PushSignature> signature, byte[] body) {

    /** application/vnd.wap.connectivity-wbxml, written as 0xB6. */
    public static final int CONNECTIVITY_WBXML = 0x36;

    public WspPush {
        requireRange(transactionId, 0xFF, "transaction id");
        requireRange(contentType, 0x7F, "well-known content type");
        Objects.requireNonNull(signature, "signature");
        body = body.clone();
    }

    private static void requireRange(int value, int maximum, String what) {
        if (value < 0 || value > maximum) {
            throw new IllegalArgumentException(what + " must be 0..%d: %d".formatted(maximum, value));
        }
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WspPush push
                && transactionId == push.transactionId
                && contentType == push.contentType
                && signature.equals(push.signature)
                && Arrays.equals(body, push.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(transactionId, contentType, signature, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "WspPush[transactionId=%d, contentType=0x%02X, signature=%s, body=%s]"
                .formatted(transactionId, contentType, signature, Hex.encode(body));
    }
}
