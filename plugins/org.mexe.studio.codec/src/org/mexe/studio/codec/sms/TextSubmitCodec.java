package org.mexe.studio.codec.sms;

import java.io.ByteArrayOutputStream;

import org.mexe.studio.codec.WireFormat;
import org.mexe.studio.codec.internal.ByteReader;
import org.mexe.studio.codec.text.GsmAlphabet;
import org.mexe.studio.codec.text.Septets;

/**
 * A single SMS-SUBMIT of text in the GSM 7-bit default alphabet (3GPP TS 23.040 clause 9.2.2.2,
 * TS 23.038): the mobile-originated message a subscriber, or a SIM Toolkit application's SEND
 * SHORT MESSAGE, sends to ask for provisioning ("SETUP" to 2000). {@link SmsSubmitCodec} writes
 * the 8-bit data messages of WAP push; this is its text counterpart, for one message only.
 */
public final class TextSubmitCodec {

    /** TP-MTI SMS-SUBMIT, no validity period, no user data header. */
    private static final int FIRST_OCTET = 0x01;
    /** General data coding, GSM 7-bit default alphabet, no message class. */
    public static final int DCS_GSM_7BIT = 0x00;
    /** One message holds 160 septets. */
    public static final int MAX_SEPTETS = SmsSubmit.MAX_USER_DATA * 8 / 7;

    private TextSubmitCodec() {
    }

    /**
     * The TPDU of {@code text} to {@code destination}.
     *
     * @throws org.mexe.studio.codec.text.UnencodableCharacterException naming the first character outside the GSM alphabet
     * @throws IllegalArgumentException when the text needs more than 160 septets, or the destination is alphanumeric
     */
    public static byte[] encode(int messageReference, SmsAddress destination, String text) {
        if (messageReference < 0 || messageReference > 0xFF) {
            throw new IllegalArgumentException("message reference must be 0..255: " + messageReference);
        }
        if (destination.typeOfNumber() == TypeOfNumber.ALPHANUMERIC) {
            throw new IllegalArgumentException("an SMS-SUBMIT goes to a number, not to " + destination);
        }
        byte[] septets = GsmAlphabet.toSeptets(text);
        if (septets.length > MAX_SEPTETS) {
            throw new IllegalArgumentException("the text needs " + septets.length + " septets; one SMS holds " + MAX_SEPTETS);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(FIRST_OCTET);
        out.write(messageReference);
        AddressCodec.write(out, destination);
        out.write(SmsSubmit.PID_DEFAULT);
        out.write(DCS_GSM_7BIT);
        // TP-UDL counts septets for the 7-bit alphabet.
        out.write(septets.length);
        out.writeBytes(Septets.pack(septets, 0));
        return out.toByteArray();
    }

    /** A text message as sent: where it goes and what it says. */
    public record Text(SmsAddress destination, String text) {
    }

    /**
     * Reads a single GSM 7-bit SMS-SUBMIT as an SMSC reads a subscriber's request: what {@link #encode}
     * writes, and what phones send besides (a validity period of any format, a status report
     * request, reply path); a user data header or another alphabet is not a request's text.
     *
     * @throws org.mexe.studio.codec.DecodeException naming the offset of the first octet that is not so
     */
    public static Text decode(byte[] tpdu) {
        ByteReader in = new ByteReader(WireFormat.SMS_TPDU, tpdu);
        int first = in.readByte("first octet");
        if ((first & 0x03) != 0x01 || (first & 0x40) != 0) {
            throw in.errorAt(0, "SMS-SUBMIT (TP-MTI 01) without a user data header", ByteReader.describe(first));
        }
        in.readByte("TP-MR");
        SmsAddress destination = AddressCodec.read(in, "TP-DA", false);
        in.readByte("TP-PID");
        int dcsOffset = in.offset();
        int dataCodingScheme = in.readByte("TP-DCS");
        if (dataCodingScheme != DCS_GSM_7BIT) {
            throw in.errorAt(dcsOffset, "TP-DCS 0x00 (GSM 7-bit)", ByteReader.describe(dataCodingScheme));
        }
        switch ((first >> 3) & 0x03) {
            case 0x02 -> in.readByte("relative TP-VP");
            case 0x01, 0x03 -> in.readBytes(SmsTimestamp.LENGTH, "TP-VP");
            default -> {
            }
        }
        int udlOffset = in.offset();
        int septets = in.readByte("TP-UDL");
        if (septets > MAX_SEPTETS) {
            throw in.errorAt(udlOffset, "TP-UDL of at most " + MAX_SEPTETS + " septets", String.valueOf(septets));
        }
        int octets = Septets.packedLength(septets, 0);
        if (in.remaining() != octets) {
            throw in.error(octets + " octets of TP-UD up to the end of the TPDU", in.remaining() + " octets");
        }
        return new Text(destination, GsmAlphabet.fromSeptets(Septets.unpack(in.readRemaining(), septets, 0)));
    }
}
