package org.mexe.studio.codec.sms;

import static org.mexe.studio.codec.internal.ByteReader.describe;

import java.io.ByteArrayOutputStream;

import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.WireFormat;
import org.mexe.studio.codec.internal.ByteReader;

/**
 * SMS-SUBMIT TPDU octets (3GPP TS 23.040 clause 9.2.2.2): first octet, TP-MR, TP-DA, TP-PID,
 * TP-DCS, TP-VP (as TP-VPF says), TP-UDL, TP-UD.
 */
public final class SmsSubmitCodec {

    private static final int MTI_SUBMIT = 0x01;
    private static final int MTI_MASK = 0x03;
    private static final int UDHI = 0x40;
    private static final int VPF_MASK = 0x18;
    private static final int VPF_ENHANCED = 0x08;
    private static final int VPF_RELATIVE = 0x10;
    private static final int VPF_ABSOLUTE = 0x18;

    private SmsSubmitCodec() {
    }

    public static byte[] encode(SmsSubmit submit) {
        byte[] header = submit.header().encode();
        byte[] payload = submit.payload();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int validityFormat = switch (submit.validityPeriod()) {
            case ValidityPeriod.None none -> 0;
            case ValidityPeriod.Enhanced enhanced -> VPF_ENHANCED;
            case ValidityPeriod.Relative relative -> VPF_RELATIVE;
            case ValidityPeriod.Absolute absolute -> VPF_ABSOLUTE;
        };
        out.write(MTI_SUBMIT | validityFormat | (submit.header().isPresent() ? UDHI : 0));
        out.write(submit.messageReference());
        AddressCodec.write(out, submit.destination());
        out.write(submit.protocolIdentifier());
        out.write(submit.dataCodingScheme());
        switch (submit.validityPeriod()) {
            case ValidityPeriod.None none -> {
            }
            case ValidityPeriod.Enhanced enhanced -> out.writeBytes(enhanced.octets());
            case ValidityPeriod.Relative relative -> out.write(relative.octet());
            case ValidityPeriod.Absolute absolute -> out.writeBytes(SmsTimestamp.encode(absolute.expiry()));
        }
        out.write(header.length + payload.length);
        out.writeBytes(header);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** @throws DecodeException with the offset within the TPDU of the first unexpected octet */
    public static SmsSubmit decode(byte[] tpdu) {
        ByteReader in = new ByteReader(WireFormat.SMS_TPDU, tpdu);
        int first = in.readByte("first octet");
        if ((first & MTI_MASK) != MTI_SUBMIT) {
            throw in.errorAt(0, "SMS-SUBMIT (TP-MTI 01)", "TP-MTI " + (first & MTI_MASK));
        }
        int messageReference = in.readByte("TP-MR");
        SmsAddress destination = AddressCodec.read(in, "TP-DA", false);
        int protocolIdentifier = in.readByte("TP-PID");
        int dcsOffset = in.offset();
        int dataCodingScheme = in.readByte("TP-DCS");
        if (!SmsSubmit.isEightBitData(dataCodingScheme)) {
            throw in.errorAt(dcsOffset, "TP-DCS for 8-bit data", describe(dataCodingScheme));
        }
        ValidityPeriod validityPeriod = switch (first & VPF_MASK) {
            case VPF_ENHANCED -> new ValidityPeriod.Enhanced(in.readBytes(SmsTimestamp.LENGTH, "enhanced TP-VP"));
            case VPF_RELATIVE -> new ValidityPeriod.Relative(in.readByte("relative TP-VP"));
            case VPF_ABSOLUTE -> new ValidityPeriod.Absolute(SmsTimestamp.read(in, "absolute TP-VP"));
            default -> ValidityPeriod.NONE;
        };
        int udlOffset = in.offset();
        int userDataLength = in.readByte("TP-UDL");
        if (userDataLength > SmsSubmit.MAX_USER_DATA) {
            throw in.errorAt(udlOffset, "TP-UDL of at most " + SmsSubmit.MAX_USER_DATA, String.valueOf(userDataLength));
        }
        if (in.remaining() != userDataLength) {
            throw in.error(userDataLength + " octets of TP-UD up to the end of the TPDU", in.remaining() + " octets");
        }
        UserDataHeader header = (first & UDHI) != 0 ? UserDataHeader.read(in) : UserDataHeader.NONE;
        return new SmsSubmit(messageReference, destination, protocolIdentifier, dataCodingScheme, header,
                in.readRemaining(), validityPeriod);
    }
}
