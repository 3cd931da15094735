package org.mexe.studio.codec.sms;

import static org.mexe.studio.codec.internal.ByteReader.describe;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.WireFormat;
import org.mexe.studio.codec.internal.ByteReader;
import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;
import org.mexe.studio.codec.sms.InformationElement.Concatenation;
import org.mexe.studio.codec.sms.InformationElement.Concatenation.ReferenceWidth;

/**
 * SMS-SUBMIT TPDU octets (3GPP TS 23.040 clause 9.2.2.2): first octet, TP-MR, TP-DA, TP-PID,
 * TP-DCS, TP-UDL, TP-UD. Encoding writes no validity period; decoding accepts and skips one.
 */
public final class SmsSubmitCodec {

    private static final int MTI_SUBMIT = 0x01;
    private static final int MTI_MASK = 0x03;
    private static final int UDHI = 0x40;
    private static final int VPF_MASK = 0x18;
    private static final int VPF_RELATIVE = 0x10;

    private SmsSubmitCodec() {
    }

    public static byte[] encode(SmsSubmit submit) {
        byte[] header = submit.header().encode();
        byte[] payload = submit.payload();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(MTI_SUBMIT | (submit.header().isPresent() ? UDHI : 0));
        out.write(submit.messageReference());
        writeAddress(out, submit.destination());
        out.write(submit.protocolIdentifier());
        out.write(submit.dataCodingScheme());
        out.write(header.length + payload.length);
        out.writeBytes(header);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** Length in digits, type of address, then digits as semi-octets, low nibble first, odd count padded with F. */
    private static void writeAddress(ByteArrayOutputStream out, SmsAddress address) {
        String digits = address.digits();
        out.write(digits.length());
        out.write(address.typeOfNumber().typeOfAddress());
        for (int i = 0; i < digits.length(); i += 2) {
            int low = semiOctet(digits.charAt(i));
            int high = i + 1 < digits.length() ? semiOctet(digits.charAt(i + 1)) : 0x0F;
            out.write(high << 4 | low);
        }
    }

    private static int semiOctet(char digit) {
        return switch (digit) {
            case '*' -> 0x0A;
            case '#' -> 0x0B;
            default -> digit - '0';
        };
    }

    /** @throws DecodeException with the offset within the TPDU of the first unexpected octet */
    public static SmsSubmit decode(byte[] tpdu) {
        ByteReader in = new ByteReader(WireFormat.SMS_TPDU, tpdu);
        int first = in.readByte("first octet");
        if ((first & MTI_MASK) != MTI_SUBMIT) {
            throw in.errorAt(0, "SMS-SUBMIT (TP-MTI 01)", "TP-MTI " + (first & MTI_MASK));
        }
        int messageReference = in.readByte("TP-MR");
        SmsAddress destination = readAddress(in);
        int protocolIdentifier = in.readByte("TP-PID");
        int dcsOffset = in.offset();
        int dataCodingScheme = in.readByte("TP-DCS");
        if (!SmsSubmit.isEightBitData(dataCodingScheme)) {
            throw in.errorAt(dcsOffset, "TP-DCS for 8-bit data", describe(dataCodingScheme));
        }
        switch (first & VPF_MASK) {
            case 0 -> {
            }
            case VPF_RELATIVE -> in.readBytes(1, "relative TP-VP");
            default -> in.readBytes(7, "enhanced or absolute TP-VP");
        }
        int udlOffset = in.offset();
        int userDataLength = in.readByte("TP-UDL");
        if (userDataLength > SmsSubmit.MAX_USER_DATA) {
            throw in.errorAt(udlOffset, "TP-UDL of at most " + SmsSubmit.MAX_USER_DATA, String.valueOf(userDataLength));
        }
        if (in.remaining() != userDataLength) {
            throw in.error(userDataLength + " octets of TP-UD up to the end of the TPDU", in.remaining() + " octets");
        }
        UserDataHeader header = (first & UDHI) != 0 ? readHeader(in) : UserDataHeader.NONE;
        return new SmsSubmit(messageReference, destination, protocolIdentifier, dataCodingScheme, header,
                in.readRemaining());
    }

    private static SmsAddress readAddress(ByteReader in) {
        int lengthOffset = in.offset();
        int length = in.readByte("TP-DA length");
        if (length < 1 || length > SmsAddress.MAX_DIGITS) {
            throw in.errorAt(lengthOffset, "TP-DA of 1.." + SmsAddress.MAX_DIGITS + " digits", length + " digits");
        }
        int typeOffset = in.offset();
        int typeOfAddress = in.readByte("TP-DA type of address");
        TypeOfNumber type = TypeOfNumber.fromTypeOfAddress(typeOfAddress)
                .orElseThrow(() -> in.errorAt(typeOffset,
                        "ISDN numbering plan with unknown, international or national number", describe(typeOfAddress)));
        int digitsOffset = in.offset();
        byte[] octets = in.readBytes((length + 1) / 2, "TP-DA digits");
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int octet = octets[i / 2] & 0xFF;
            int nibble = i % 2 == 0 ? octet & 0x0F : octet >> 4;
            digits.append(switch (nibble) {
                case 0x0A -> '*';
                case 0x0B -> '#';
                default -> {
                    if (nibble > 9) {
                        throw in.errorAt(digitsOffset + i / 2, "address digit 0-9, * or #", "semi-octet " + describe(nibble));
                    }
                    yield (char) ('0' + nibble);
                }
            });
        }
        return new SmsAddress(type, digits.toString());
    }

    private static UserDataHeader readHeader(ByteReader userData) {
        int headerLength = userData.readByte("UDHL");
        ByteReader header = userData.slice(headerLength, "user data header of " + headerLength + " octets");
        List<InformationElement> elements = new ArrayList<>();
        while (header.hasRemaining()) {
            int elementOffset = header.offset();
            int identifier = header.readByte("information element identifier");
            int length = header.readByte("information element length");
            byte[] data = header.readBytes(length, "information element data of " + length + " octets");
            elements.add(element(header, elementOffset, identifier, data));
        }
        return new UserDataHeader(elements);
    }

    private static InformationElement element(ByteReader header, int offset, int identifier, byte[] data) {
        return switch (identifier) {
            case 0x00 -> {
                requireLength(header, offset, "8-bit concatenation", data, 3);
                yield concatenation(header, offset, ReferenceWidth.EIGHT_BIT, data[0] & 0xFF, data[1] & 0xFF, data[2] & 0xFF);
            }
            case 0x08 -> {
                requireLength(header, offset, "16-bit concatenation", data, 4);
                yield concatenation(header, offset, ReferenceWidth.SIXTEEN_BIT, (data[0] & 0xFF) << 8 | data[1] & 0xFF,
                        data[2] & 0xFF, data[3] & 0xFF);
            }
            case ApplicationPorts.IDENTIFIER -> {
                requireLength(header, offset, "16-bit application ports", data, 4);
                yield new ApplicationPorts((data[0] & 0xFF) << 8 | data[1] & 0xFF, (data[2] & 0xFF) << 8 | data[3] & 0xFF);
            }
            default -> new InformationElement.Other(identifier, data);
        };
    }

    private static Concatenation concatenation(ByteReader header, int offset, ReferenceWidth width, int reference,
            int total, int sequence) {
        if (total < 1 || sequence < 1 || sequence > total) {
            throw header.errorAt(offset, "concatenation part between 1 and the part count",
                    "part %d of %d".formatted(sequence, total));
        }
        return new Concatenation(width, reference, total, sequence);
    }

    private static void requireLength(ByteReader header, int offset, String what, byte[] data, int length) {
        if (data.length != length) {
            throw header.errorAt(offset, what + " element of " + length + " octets", data.length + " octets");
        }
    }
}
