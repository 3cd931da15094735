package org.mexe.studio.codec.wsp;

import static org.mexe.studio.codec.internal.ByteReader.describe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.WireFormat;
import org.mexe.studio.codec.internal.ByteReader;
import org.mexe.studio.codec.internal.Uintvar;

/**
 * Writes and reads connectionless WSP Push PDUs:
 *
 * <pre>
 * unsigned: TID 06 01 B6 body
 * signed:   TID 06 2F 1F 2D B6 91 81 92 &lt;40 hex digits&gt; 00 body
 * </pre>
 *
 * In the signed form the headers length (0x2F = 47) counts the content-type field: the
 * Length-quote 1F, the value length 2D (45) and those 45 octets, i.e. media B6, SEC 91 81 and
 * MAC 92 with 40 digits and the terminating NUL.
 */
public final class WspPushCodec {

    private static final int PDU_TYPE_PUSH = 0x06;
    private static final int SHORT_INTEGER = 0x80;
    /** Value lengths up to 30 fit the length octet itself; longer ones follow a Length-quote. */
    private static final int MAX_SHORT_LENGTH = 30;
    private static final int LENGTH_QUOTE = 0x1F;
    private static final int PARAMETER_SEC = 0x11 | SHORT_INTEGER;
    private static final int PARAMETER_MAC = 0x12 | SHORT_INTEGER;
    /** Text values beginning with an octet of 0x80 or more carry this quote first. */
    private static final int TEXT_QUOTE = 0x7F;

    private WspPushCodec() {
    }

    public static byte[] encode(WspPush push) {
        byte[] contentType = contentType(push);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(push.transactionId());
        out.write(PDU_TYPE_PUSH);
        Uintvar.write(out, contentType.length);
        out.writeBytes(contentType);
        out.writeBytes(push.body());
        return out.toByteArray();
    }

    private static byte[] contentType(WspPush push) {
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        int media = SHORT_INTEGER | push.contentType();
        if (push.signature().isEmpty()) {
            field.write(media);
            return field.toByteArray();
        }
        PushSignature signature = push.signature().get();
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        value.write(media);
        value.write(PARAMETER_SEC);
        value.write(SHORT_INTEGER | signature.method().code());
        value.write(PARAMETER_MAC);
        value.writeBytes(signature.mac().getBytes(StandardCharsets.US_ASCII));
        value.write(0);

        if (value.size() <= MAX_SHORT_LENGTH) {
            field.write(value.size());
        } else {
            field.write(LENGTH_QUOTE);
            Uintvar.write(field, value.size());
        }
        field.writeBytes(value.toByteArray());
        return field.toByteArray();
    }

    /**
     * Headers after the content type (e.g. X-Wap-Application-Id) are skipped: nothing in a
     * provisioning push depends on them.
     *
     * @throws DecodeException with the offset within the PDU of the first unexpected octet
     */
    public static WspPush decode(byte[] pdu) {
        ByteReader in = new ByteReader(WireFormat.WSP, pdu);
        int transactionId = in.readByte("transaction id");
        int typeOffset = in.offset();
        int type = in.readByte("PDU type");
        if (type != PDU_TYPE_PUSH) {
            throw in.errorAt(typeOffset, "PDU type 0x06 (Push)", describe(type));
        }
        int headersLength = in.readUintvar("headers length");
        ByteReader headers = in.slice(headersLength, "headers of " + headersLength + " bytes");
        int first = headers.peek("content type");
        if (first >= SHORT_INTEGER) {
            headers.skip();
            return new WspPush(transactionId, first & 0x7F, Optional.empty(), in.readRemaining());
        }
        if (first > LENGTH_QUOTE) {
            throw headers.error("well-known content type (short-integer or general form)", "text media type");
        }
        headers.skip();
        int valueLength = first == LENGTH_QUOTE ? headers.readUintvar("content type value length") : first;
        ByteReader value = headers.slice(valueLength, "content type value of " + valueLength + " bytes");
        int mediaOffset = value.offset();
        int media = value.readByte("well-known media type");
        if (media < SHORT_INTEGER) {
            throw value.errorAt(mediaOffset, "well-known media type (short-integer)", describe(media));
        }
        return new WspPush(transactionId, media & 0x7F, signature(value), in.readRemaining());
    }

    private static Optional<PushSignature> signature(ByteReader parameters) {
        SecurityMethod method = null;
        String mac = null;
        while (parameters.hasRemaining()) {
            int parameterOffset = parameters.offset();
            int parameter = parameters.readByte("content type parameter");
            switch (parameter) {
                case PARAMETER_SEC -> {
                    int valueOffset = parameters.offset();
                    int code = parameters.readByte("SEC value");
                    Optional<SecurityMethod> known = (code & SHORT_INTEGER) == 0
                            ? Optional.empty()
                            : SecurityMethod.fromCode(code & 0x7F);
                    method = known.orElseThrow(
                            () -> parameters.errorAt(valueOffset, "SEC short-integer 0x80-0x83", describe(code)));
                }
                case PARAMETER_MAC -> {
                    int valueOffset = parameters.offset();
                    if (parameters.peek("MAC value") == TEXT_QUOTE) {
                        parameters.skip();
                    }
                    mac = parameters.readTerminatedUtf8("MAC text");
                    if (!PushSignature.isMac(mac)) {
                        throw parameters.errorAt(valueOffset, "MAC of 40 upper-case hex digits", "\"" + mac + "\"");
                    }
                }
                default -> throw parameters.errorAt(parameterOffset, "SEC (0x91) or MAC (0x92) parameter", describe(parameter));
            }
        }
        if (method == null && mac == null) {
            return Optional.empty();
        }
        if (method == null || mac == null) {
            throw parameters.error("both SEC and MAC parameters", method == null ? "MAC without SEC" : "SEC without MAC");
        }
        return Optional.of(new PushSignature(method, mac));
    }
}
