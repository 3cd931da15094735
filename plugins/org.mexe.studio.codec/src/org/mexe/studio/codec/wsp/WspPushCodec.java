package org.mexe.studio.codec.wsp;

import static org.mexe.studio.codec.internal.ByteReader.describe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;

import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.WireFormat;
import org.mexe.studio.codec.internal.ByteReader;
import org.mexe.studio.codec.internal.Uintvar;

/**
 * Writes and reads connectionless WSP Push PDUs:
 *
 * <pre>
 * unsigned:  TID 06 01 B6 body
 * signed:    TID 06 2F 1F 2D B6 91 81 92 &lt;40 hex digits&gt; 00 body
 * SI:        TID 06 03 AE AF 82 body                       (X-Wap-Application-Id wml.ua)
 * Nokia OTA: TID 06 2C 1F 2A "application/x-wap-prov.browser-settings" 00 81 EA body
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
    /** Octets 0x20-0x7F start a NUL-terminated text value. */
    private static final int FIRST_TEXT_OCTET = 0x20;
    private static final int PARAMETER_CHARSET = 0x01 | SHORT_INTEGER;
    private static final int PARAMETER_SEC = 0x11 | SHORT_INTEGER;
    private static final int PARAMETER_MAC = 0x12 | SHORT_INTEGER;
    private static final int HEADER_X_WAP_APPLICATION_ID = 0x2F | SHORT_INTEGER;
    /** Text values beginning with an octet of 0x80 or more carry this quote first. */
    private static final int TEXT_QUOTE = 0x7F;

    private WspPushCodec() {
    }

    public static byte[] encode(WspPush push) {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        headers.writeBytes(contentType(push));
        push.applicationId().ifPresent(id -> {
            headers.write(HEADER_X_WAP_APPLICATION_ID);
            headers.write(SHORT_INTEGER | id);
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(push.transactionId());
        out.write(PDU_TYPE_PUSH);
        Uintvar.write(out, headers.size());
        out.writeBytes(headers.toByteArray());
        out.writeBytes(push.body());
        return out.toByteArray();
    }

    private static byte[] contentType(WspPush push) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        boolean parameters = push.signature().isPresent();
        switch (push.contentType()) {
            case WspContentType.WellKnown known -> value.write(SHORT_INTEGER | known.number());
            case WspContentType.Text text -> {
                value.writeBytes(text.mediaType().getBytes(StandardCharsets.US_ASCII));
                value.write(0);
                text.charset().ifPresent(charset -> {
                    value.write(PARAMETER_CHARSET);
                    value.write(SHORT_INTEGER | charset);
                });
                parameters |= text.charset().isPresent();
            }
        }
        push.signature().ifPresent(signature -> {
            value.write(PARAMETER_SEC);
            value.write(SHORT_INTEGER | signature.method().code());
            value.write(PARAMETER_MAC);
            value.writeBytes(signature.mac().getBytes(StandardCharsets.US_ASCII));
            value.write(0);
        });
        if (!parameters) {
            // Constrained form: the media alone, no value length.
            return value.toByteArray();
        }
        ByteArrayOutputStream field = new ByteArrayOutputStream();
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
     * Of the headers after the content type only X-Wap-Application-Id with a short-integer value is
     * kept; the others are skipped: nothing in a provisioning push depends on them.
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
        WspContentType contentType;
        Optional<PushSignature> signature = Optional.empty();
        if (first >= SHORT_INTEGER) {
            headers.skip();
            contentType = new WspContentType.WellKnown(first & 0x7F);
        } else if (first >= FIRST_TEXT_OCTET) {
            contentType = new WspContentType.Text(mediaText(headers), OptionalInt.empty());
        } else {
            headers.skip();
            int valueLength = first == LENGTH_QUOTE ? headers.readUintvar("content type value length") : first;
            ByteReader value = headers.slice(valueLength, "content type value of " + valueLength + " bytes");
            int media = value.peek("media type");
            if (media >= SHORT_INTEGER) {
                value.skip();
                contentType = new WspContentType.WellKnown(media & 0x7F);
                signature = signature(value, false).signature();
            } else if (media >= FIRST_TEXT_OCTET) {
                String text = mediaText(value);
                Parameters parameters = signature(value, true);
                contentType = new WspContentType.Text(text, parameters.charset());
                signature = parameters.signature();
            } else {
                throw value.error("media type (short-integer or text)", describe(media));
            }
        }
        OptionalInt applicationId = applicationId(headers);
        return new WspPush(transactionId, contentType, signature, applicationId, in.readRemaining());
    }

    private static String mediaText(ByteReader in) {
        int offset = in.offset();
        String text = in.readTerminatedUtf8("media type text");
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= FIRST_TEXT_OCTET && c < TEXT_QUOTE)) {
            throw in.errorAt(offset, "media type of printable ASCII", "\"" + text + "\"");
        }
        return text;
    }

    private record Parameters(OptionalInt charset, Optional<PushSignature> signature) {
    }

    private static Parameters signature(ByteReader parameters, boolean textMedia) {
        OptionalInt charset = OptionalInt.empty();
        SecurityMethod method = null;
        String mac = null;
        while (parameters.hasRemaining()) {
            int parameterOffset = parameters.offset();
            int parameter = parameters.readByte("content type parameter");
            if (parameter == PARAMETER_CHARSET && textMedia) {
                int valueOffset = parameters.offset();
                int code = parameters.readByte("charset value");
                if (code < SHORT_INTEGER) {
                    throw parameters.errorAt(valueOffset, "charset short-integer", describe(code));
                }
                charset = OptionalInt.of(code & 0x7F);
                continue;
            }
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
                default -> throw parameters.errorAt(parameterOffset,
                        textMedia ? "Charset (0x81), SEC (0x91) or MAC (0x92) parameter" : "SEC (0x91) or MAC (0x92) parameter",
                        describe(parameter));
            }
        }
        if (method == null && mac == null) {
            return new Parameters(charset, Optional.empty());
        }
        if (method == null || mac == null) {
            throw parameters.error("both SEC and MAC parameters", method == null ? "MAC without SEC" : "SEC without MAC");
        }
        return new Parameters(charset, Optional.of(new PushSignature(method, mac)));
    }

    /** Walks the remaining headers by their encoding (WAP-230 8.4.1.2) so any of them can be skipped. */
    private static OptionalInt applicationId(ByteReader headers) {
        OptionalInt applicationId = OptionalInt.empty();
        while (headers.hasRemaining()) {
            int field = headers.readByte("header field name");
            if (field < SHORT_INTEGER) {
                // Application-header: Token-text name (its first octet already read), then a text value.
                if (field != 0) {
                    headers.readTerminatedUtf8("header name");
                }
                headers.readTerminatedUtf8("header value");
                continue;
            }
            int first = headers.peek("header value");
            if (field == HEADER_X_WAP_APPLICATION_ID && first >= SHORT_INTEGER) {
                headers.skip();
                applicationId = OptionalInt.of(first & 0x7F);
            } else if (first >= SHORT_INTEGER) {
                headers.skip();
            } else if (first >= FIRST_TEXT_OCTET) {
                headers.readTerminatedUtf8("header value text");
            } else {
                headers.skip();
                int length = first == LENGTH_QUOTE ? headers.readUintvar("header value length") : first;
                headers.readBytes(length, "header value of " + length + " bytes");
            }
        }
        return applicationId;
    }
}
