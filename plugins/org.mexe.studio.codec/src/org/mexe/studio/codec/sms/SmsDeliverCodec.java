package org.mexe.studio.codec.sms;

import static org.mexe.studio.codec.internal.ByteReader.describe;

import java.io.ByteArrayOutputStream;

import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.WireFormat;
import org.mexe.studio.codec.internal.ByteReader;
import org.mexe.studio.codec.sms.DataCodingScheme.Alphabet;
import org.mexe.studio.codec.text.Septets;

/**
 * SMS-DELIVER TPDU octets (3GPP TS 23.040 clause 9.2.2.1): first octet, TP-OA, TP-PID, TP-DCS,
 * TP-SCTS, TP-UDL, TP-UD. For GSM 7-bit TP-UDL counts septets, header and fill bits included,
 * and the text starts on the first septet boundary after the header.
 */
public final class SmsDeliverCodec {

    private static final int MTI_DELIVER = 0x00;
    private static final int MTI_MASK = 0x03;
    /** TP-MMS: set when no more messages are waiting. */
    private static final int NO_MORE_MESSAGES = 0x04;
    private static final int UDHI = 0x40;

    private SmsDeliverCodec() {
    }

    public static byte[] encode(SmsDeliver deliver) {
        byte[] header = deliver.header().encode();
        byte[] userData = deliver.userData();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(MTI_DELIVER | (deliver.moreMessagesToSend() ? 0 : NO_MORE_MESSAGES)
                | (deliver.header().isPresent() ? UDHI : 0));
        AddressCodec.write(out, deliver.originator());
        out.write(deliver.protocolIdentifier());
        out.write(deliver.dataCodingScheme().value());
        out.writeBytes(SmsTimestamp.encode(deliver.timestamp()));
        if (deliver.dataCodingScheme().alphabet() == Alphabet.GSM_7BIT) {
            out.write(Septets.headerSeptets(header.length) + userData.length);
            out.writeBytes(header);
            out.writeBytes(Septets.pack(userData, Septets.fillBits(header.length)));
        } else {
            out.write(header.length + userData.length);
            out.writeBytes(header);
            out.writeBytes(userData);
        }
        return out.toByteArray();
    }

    /**
     * The SMS-DELIVER a handset receives for a message an SMSC interface (SMPP deliver_sm) carries
     * as fields: the TPDU is put together and read back with {@link #decode}, so a handset checks
     * every field as it would off the air. {@code userData} is in octets (8-bit data, UCS-2) with
     * the user data header first when {@code udhi}; 7-bit text is not taken here.
     *
     * @throws DecodeException when the fields do not make an SMS-DELIVER (too long, a broken header)
     */
    public static SmsDeliver fromUserData(SmsAddress originator, int protocolIdentifier, int dataCodingScheme,
            java.time.OffsetDateTime timestamp, boolean udhi, byte[] userData) {
        if (DataCodingScheme.isSupported(dataCodingScheme) && new DataCodingScheme(dataCodingScheme).alphabet() == Alphabet.GSM_7BIT) {
            throw new IllegalArgumentException("7-bit user data is given in septets, not octets: not supported here");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(MTI_DELIVER | NO_MORE_MESSAGES | (udhi ? UDHI : 0));
        AddressCodec.write(out, originator);
        out.write(protocolIdentifier & 0xFF);
        out.write(dataCodingScheme & 0xFF);
        out.writeBytes(SmsTimestamp.encode(timestamp));
        out.write(Math.min(userData.length, 0xFF));
        out.writeBytes(userData);
        return decode(out.toByteArray());
    }

    /**
     * Reply path, status report indication and loop prevention bits are not kept.
     *
     * @throws DecodeException with the offset within the TPDU of the first unexpected octet
     */
    public static SmsDeliver decode(byte[] tpdu) {
        ByteReader in = new ByteReader(WireFormat.SMS_TPDU, tpdu);
        int first = in.readByte("first octet");
        if ((first & MTI_MASK) != MTI_DELIVER) {
            throw in.errorAt(0, "SMS-DELIVER (TP-MTI 00)", "TP-MTI " + (first & MTI_MASK));
        }
        SmsAddress originator = AddressCodec.read(in, "TP-OA", true);
        int protocolIdentifier = in.readByte("TP-PID");
        int dcsOffset = in.offset();
        int dcsValue = in.readByte("TP-DCS");
        if (!DataCodingScheme.isSupported(dcsValue)) {
            throw in.errorAt(dcsOffset, "TP-DCS for uncompressed GSM 7-bit, 8-bit data or UCS-2", describe(dcsValue));
        }
        DataCodingScheme dataCodingScheme = new DataCodingScheme(dcsValue);
        var timestamp = SmsTimestamp.read(in, "TP-SCTS");
        int udlOffset = in.offset();
        int userDataLength = in.readByte("TP-UDL");
        boolean septets = dataCodingScheme.alphabet() == Alphabet.GSM_7BIT;
        int maximum = septets ? SmsDeliver.MAX_SEPTETS : SmsDeliver.MAX_OCTETS;
        if (userDataLength > maximum) {
            throw in.errorAt(udlOffset, "TP-UDL of at most " + maximum, String.valueOf(userDataLength));
        }
        int octets = septets ? Septets.packedLength(userDataLength, 0) : userDataLength;
        if (in.remaining() != octets) {
            throw in.error(octets + " octets of TP-UD up to the end of the TPDU", in.remaining() + " octets");
        }
        int udStart = in.offset();
        UserDataHeader header = (first & UDHI) != 0 ? UserDataHeader.read(in) : UserDataHeader.NONE;
        int headerOctets = in.offset() - udStart;
        byte[] userData;
        if (septets) {
            int textSeptets = userDataLength - Septets.headerSeptets(headerOctets);
            if (textSeptets < 0) {
                throw in.errorAt(udlOffset, "TP-UDL covering the user data header", userDataLength + " septets");
            }
            userData = Septets.unpack(in.readRemaining(), textSeptets, Septets.fillBits(headerOctets));
        } else {
            userData = in.readRemaining();
            if (dataCodingScheme.alphabet() == Alphabet.UCS2 && userData.length % 2 != 0) {
                throw in.errorAt(udStart + headerOctets, "UCS-2 text of an even number of octets", userData.length + " octets");
            }
        }
        return new SmsDeliver(originator, protocolIdentifier, dataCodingScheme, timestamp, header, userData,
                (first & NO_MORE_MESSAGES) == 0);
    }
}
