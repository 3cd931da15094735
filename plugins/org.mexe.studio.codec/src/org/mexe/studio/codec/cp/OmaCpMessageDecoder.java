package org.mexe.studio.codec.cp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.mexe.studio.codec.CodecWarning;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.WireFormat;
import org.mexe.studio.codec.sms.DataCodingScheme;
import org.mexe.studio.codec.sms.SmsDeliver;
import org.mexe.studio.codec.sms.SmsDeliverCodec;
import org.mexe.studio.codec.sms.SmsReassembler;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.wsp.PushSignature;
import org.mexe.studio.codec.wsp.SecurityMethod;
import org.mexe.studio.codec.wsp.WspPush;
import org.mexe.studio.codec.wsp.WspPushCodec;

/**
 * Reads a provisioning message in whichever form it comes: SMS-SUBMIT or SMS-DELIVER TPDUs (hex,
 * one per line, reassembled), a WSP push, or a bare WBXML document, each either binary or hex. The
 * inverse of {@link OmaCpMessageEncoder}; {@link PushMessageDecoder} unwraps the same layers for SI,
 * SL and Nokia OTA too.
 */
public final class OmaCpMessageDecoder {

    /** The layers a message was found to have, outermost first. */
    public enum Form {
        SMS_SUBMIT, SMS_DELIVER, WSP_PUSH, WBXML
    }

    /**
     * Reads the document out of the unwrapped layers; throws DecodeException when it is not one it
     * knows. {@code warnings} holds what the outer layers tolerated; the reader adds its own.
     */
    @FunctionalInterface
    interface DocumentReader<R> {
        R read(Form form, Optional<WspPush> push, byte[] wbxml, int smsCount, List<CodecWarning> warnings);
    }

    /** Whether the MAC of a signed push matched the key material that was given. */
    public enum MacStatus {
        VALID, INVALID, NOT_CHECKED
    }

    /**
     * A decoded message: the document, its WBXML exactly as received (which the MAC covers), the
     * push's signature if it had one, and what the decoders tolerated on the way.
     */
    public record Decoded(Form form, ProvisioningDocument document, byte[] wbxml, Optional<PushSignature> signature,
            int smsCount, List<CodecWarning> warnings) {

        public Decoded {
            wbxml = wbxml.clone();
            warnings = List.copyOf(warnings);
        }

        public Decoded(Form form, ProvisioningDocument document, byte[] wbxml, Optional<PushSignature> signature,
                int smsCount) {
            this(form, document, wbxml, signature, smsCount, List.of());
        }

        @Override
        public byte[] wbxml() {
            return wbxml.clone();
        }

        /**
         * Checks the MAC with the key material given. A USERPIN push needs the PIN, a NETWPIN push the
         * IMSI, a USERNETWPIN push both, a USERPINMAC push the full PIN the user was given (whose
         * second half is checked against the document); without it, or for an unsigned message,
         * nothing is checked.
         */
        public MacStatus checkMac(Optional<String> pin, Optional<String> imsi) {
            if (signature.isEmpty()) {
                return MacStatus.NOT_CHECKED;
            }
            if (signature.get().method() == SecurityMethod.USERPINMAC && pin.isPresent()
                    && !CpSecurity.UserPinMac.isWellFormed(pin.get())) {
                // Whatever the user types is a guess at the PIN: a malformed one is simply wrong.
                return MacStatus.INVALID;
            }
            Optional<CpSecurity> security = switch (signature.get().method()) {
                case USERPIN -> pin.map(CpSecurity.UserPin::new);
                case NETWPIN -> imsi.map(CpSecurity.NetworkPin::new);
                case USERNETWPIN -> imsi.flatMap(i -> pin.map(p -> new CpSecurity.UserNetworkPin(i, p)));
                case USERPINMAC -> pin.map(CpSecurity.UserPinMac::new);
            };
            return security.map(s -> s.verify(wbxml, signature.get().mac()) ? MacStatus.VALID : MacStatus.INVALID)
                    .orElse(MacStatus.NOT_CHECKED);
        }
    }

    private static final Pattern HEX_TEXT = Pattern.compile("[0-9A-Fa-f\\s]+");
    private static final int WSP_PDU_TYPE_PUSH = 0x06;

    private OmaCpMessageDecoder() {
    }

    /**
     * Decodes {@code input}, recognising its form.
     *
     * @throws DecodeException when no form fits; the offset is that of the layer that failed
     */
    public static Decoded decode(byte[] input) {
        return decode(input, OmaCpMessageDecoder::provisioning);
    }

    static <R> R decode(byte[] input, DocumentReader<R> reader) {
        if (input.length == 0) {
            throw new DecodeException(WireFormat.WBXML, 0, "a message", "no bytes");
        }
        String text = new String(input, StandardCharsets.ISO_8859_1);
        if (HEX_TEXT.matcher(text).matches()) {
            List<byte[]> lines = text.strip().lines().map(String::strip).filter(l -> !l.isEmpty())
                    .map(OmaCpMessageDecoder::hex).toList();
            if (lines.isEmpty()) {
                throw new DecodeException(WireFormat.SMS_TPDU, 0, "a message", "only white space");
            }
            if (lines.size() > 1) {
                return fromTpdus(lines, reader);
            }
            if (looksLikeTpdu(lines.get(0))) {
                // A WSP push whose transaction id happens to look like a TPDU's first octet is still possible.
                try {
                    return fromTpdus(lines, reader);
                } catch (DecodeException notATpdu) {
                    try {
                        return decodeBinary(lines.get(0), reader);
                    } catch (DecodeException notBinary) {
                        throw notATpdu;
                    }
                }
            }
            return decodeBinary(lines.get(0), reader);
        }
        return decodeBinary(input, reader);
    }

    /**
     * A push TPDU's first octet has TP-UDHI set (its ports are in a header) and TP-MTI 01 (SUBMIT)
     * or 00 (DELIVER).
     */
    private static boolean looksLikeTpdu(byte[] bytes) {
        return bytes.length > 2 && (bytes[0] & 0x02) == 0 && (bytes[0] & 0x40) != 0;
    }

    private static boolean isDeliver(byte[] tpdu) {
        return (tpdu[0] & 0x03) == 0x00;
    }

    private static byte[] hex(String line) {
        String digits = line.replaceAll("\\s", "");
        if (digits.length() % 2 != 0) {
            throw new DecodeException(WireFormat.SMS_TPDU, digits.length() / 2, "hex digits in pairs", "a lone digit");
        }
        return Hex.decode(digits);
    }

    /** All lines are SUBMITs or all DELIVERs, as the first one says. */
    private static <R> R fromTpdus(List<byte[]> tpdus, DocumentReader<R> reader) {
        boolean deliver = isDeliver(tpdus.get(0));
        SmsReassembler reassembler = new SmsReassembler();
        List<byte[]> complete = new ArrayList<>();
        for (byte[] tpdu : tpdus) {
            if (deliver) {
                SmsDeliver sms = SmsDeliverCodec.decode(tpdu);
                if (sms.dataCodingScheme().alphabet() != DataCodingScheme.Alphabet.EIGHT_BIT) {
                    // TP-DCS follows first octet, TP-OA (length in semi-octets, type, digits) and TP-PID.
                    int dcsOffset = 4 + ((tpdu[1] & 0xFF) + 1) / 2;
                    throw new DecodeException(WireFormat.SMS_TPDU, dcsOffset, "8-bit data", sms.dataCodingScheme().toString());
                }
                reassembler.accept(sms).ifPresent(message -> complete.add(message.userData()));
            } else {
                reassembler.accept(SmsSubmitCodec.decode(tpdu)).ifPresent(message -> complete.add(message.payload()));
            }
        }
        if (complete.size() != 1) {
            throw new DecodeException(WireFormat.SMS_TPDU, 0, "the segments of exactly one message",
                    complete.size() + " complete message(s) and " + reassembler.incompleteMessages() + " incomplete");
        }
        WspPush push = WspPushCodec.decode(complete.get(0));
        List<CodecWarning> warnings = new ArrayList<>(reassembler.drainWarnings());
        return reader.read(deliver ? Form.SMS_DELIVER : Form.SMS_SUBMIT, Optional.of(push), push.body(), tpdus.size(),
                warnings);
    }

    private static <R> R decodeBinary(byte[] bytes, DocumentReader<R> reader) {
        if (bytes.length > 1 && bytes[1] == WSP_PDU_TYPE_PUSH) {
            try {
                WspPush push = WspPushCodec.decode(bytes);
                return reader.read(Form.WSP_PUSH, Optional.of(push), push.body(), 0, new ArrayList<>());
            } catch (DecodeException notAPush) {
                // "xx 06" also starts WBXML with public id 6 (SL 1.0): let the WBXML decoder have its say.
                try {
                    return reader.read(Form.WBXML, Optional.empty(), bytes, 0, new ArrayList<>());
                } catch (DecodeException notWbxml) {
                    throw notAPush;
                }
            }
        }
        return reader.read(Form.WBXML, Optional.empty(), bytes, 0, new ArrayList<>());
    }

    static Decoded provisioning(Form form, Optional<WspPush> push, byte[] wbxml, int smsCount, List<CodecWarning> warnings) {
        ProvisioningDocument document = ProvWbxml.decode(wbxml, warnings);
        return new Decoded(form, document, wbxml, push.flatMap(WspPush::signature), smsCount, warnings);
    }
}
