package org.mexe.studio.codec.cp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.WireFormat;
import org.mexe.studio.codec.sms.ReassembledMessage;
import org.mexe.studio.codec.sms.SmsReassembler;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.wsp.PushSignature;
import org.mexe.studio.codec.wsp.SecurityMethod;
import org.mexe.studio.codec.wsp.WspPush;
import org.mexe.studio.codec.wsp.WspPushCodec;

/**
 * Reads a provisioning message in whichever form it comes: SMS-SUBMIT TPDUs (hex, one per line,
 * reassembled), a WSP push, or a bare WBXML document, each either binary or hex. The inverse of
 * {@link OmaCpMessageEncoder}.
 */
public final class OmaCpMessageDecoder {

    /** The layers a message was found to have, outermost first. */
    public enum Form {
        SMS_SUBMIT, WSP_PUSH, WBXML
    }

    /** Whether the MAC of a signed push matched the key material that was given. */
    public enum MacStatus {
        VALID, INVALID, NOT_CHECKED
    }

    /** A decoded message: the document, its WBXML, and the push's signature if it had one. */
    public record Decoded(Form form, ProvisioningDocument document, byte[] wbxml, Optional<PushSignature> signature, int smsCount) {

        public Decoded {
            wbxml = wbxml.clone();
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
                return fromSubmits(lines);
            }
            if (looksLikeSubmit(lines.get(0))) {
                // A WSP push whose transaction id happens to look like an SMS-SUBMIT first octet is still possible.
                try {
                    return fromSubmits(lines);
                } catch (DecodeException notASubmit) {
                    try {
                        return decodeBinary(lines.get(0));
                    } catch (DecodeException notBinary) {
                        throw notASubmit;
                    }
                }
            }
            return decodeBinary(lines.get(0));
        }
        return decodeBinary(input);
    }

    /** A provisioning SMS-SUBMIT's first octet has TP-MTI 01 and TP-UDHI set (its ports are in a header). */
    private static boolean looksLikeSubmit(byte[] bytes) {
        return bytes.length > 2 && (bytes[0] & 0x03) == 0x01 && (bytes[0] & 0x40) != 0;
    }

    private static byte[] hex(String line) {
        String digits = line.replaceAll("\\s", "");
        if (digits.length() % 2 != 0) {
            throw new DecodeException(WireFormat.SMS_TPDU, digits.length() / 2, "hex digits in pairs", "a lone digit");
        }
        return Hex.decode(digits);
    }

    private static Decoded fromSubmits(List<byte[]> tpdus) {
        SmsReassembler reassembler = new SmsReassembler();
        List<ReassembledMessage> complete = new ArrayList<>();
        for (byte[] tpdu : tpdus) {
            reassembler.accept(SmsSubmitCodec.decode(tpdu)).ifPresent(complete::add);
        }
        if (complete.size() != 1) {
            throw new DecodeException(WireFormat.SMS_TPDU, 0, "the segments of exactly one message",
                    complete.size() + " complete message(s) and " + reassembler.incompleteMessages() + " incomplete");
        }
        Decoded push = decodePush(complete.get(0).payload());
        return new Decoded(Form.SMS_SUBMIT, push.document(), push.wbxml(), push.signature(), tpdus.size());
    }

    private static Decoded decodeBinary(byte[] bytes) {
        if (bytes.length > 1 && bytes[1] == WSP_PDU_TYPE_PUSH) {
            try {
                return decodePush(bytes);
            } catch (DecodeException notAPush) {
                // "xx 06" also starts WBXML with public id 6 (SL 1.0): let the WBXML decoder have its say.
                try {
                    return wbxml(bytes);
                } catch (DecodeException notWbxml) {
                    throw notAPush;
                }
            }
        }
        return wbxml(bytes);
    }

    private static Decoded decodePush(byte[] pdu) {
        WspPush push = WspPushCodec.decode(pdu);
        byte[] wbxml = push.body();
        return new Decoded(Form.WSP_PUSH, ProvWbxml.decode(wbxml), wbxml, push.signature(), 0);
    }

    private static Decoded wbxml(byte[] wbxml) {
        return new Decoded(Form.WBXML, ProvWbxml.decode(wbxml), wbxml, Optional.empty(), 0);
    }
}
