package org.mexe.studio.codec.wsp;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.mexe.studio.codec.Hex;

/**
 * A connectionless WSP Push PDU (WAP-230 clause 8.2.4.1): the content type, optionally with the
 * SEC/MAC parameters of a signed provisioning document, and optionally an X-Wap-Application-Id.
 *
 * @param transactionId TID octet, chosen by the caller so that output is reproducible
 * @param contentType   well-known number (WAP-230 Appendix A), e.g. {@link #CONNECTIVITY_WBXML}, or text
 * @param applicationId well-known push application id (WINA), e.g. {@link #WML_UA}, sent as a short-integer
 */
public record WspPush(int transactionId, WspContentType contentType, Optional<PushSignature> signature,
        OptionalInt applicationId, byte[] body) {

    /** application/vnd.wap.connectivity-wbxml, written as 0xB6. */
    public static final int CONNECTIVITY_WBXML = 0x36;
    /** x-wap-application:wml.ua, the application SI and SL are pushed to (written as AF 82). */
    public static final int WML_UA = 0x02;

    public WspPush {
        requireRange(transactionId, 0xFF, "transaction id");
        Objects.requireNonNull(contentType, "content type");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(applicationId, "application id");
        applicationId.ifPresent(id -> requireRange(id, 0x7F, "application id"));
        body = body.clone();
    }

    /** A push with a well-known content type and no application id, as OMA CP sends it. */
    public WspPush(int transactionId, int contentType, Optional<PushSignature> signature, byte[] body) {
        this(transactionId, new WspContentType.WellKnown(contentType), signature, OptionalInt.empty(), body);
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
                && contentType.equals(push.contentType)
                && signature.equals(push.signature)
                && applicationId.equals(push.applicationId)
                && Arrays.equals(body, push.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(transactionId, contentType, signature, applicationId, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "WspPush[transactionId=%d, contentType=%s, signature=%s, applicationId=%s, body=%s]"
                .formatted(transactionId, contentType, signature, applicationId, Hex.encode(body));
    }
}
