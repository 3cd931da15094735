package org.mexe.studio.codec.sms;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mexe.studio.codec.internal.ByteReader;
import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;
import org.mexe.studio.codec.sms.InformationElement.Concatenation;
import org.mexe.studio.codec.sms.InformationElement.Concatenation.ReferenceWidth;
import org.mexe.studio.codec.sms.InformationElement.EightBitApplicationPorts;
import org.mexe.studio.codec.sms.InformationElement.SimToolkitSecurityHeader;

/** The TP-UD header: information elements in order. Empty means the TPDU has no header (TP-UDHI 0). */
public record UserDataHeader(List<InformationElement> elements) {

    public static final UserDataHeader NONE = new UserDataHeader(List.of());

    public UserDataHeader {
        elements = List.copyOf(elements);
    }

    public boolean isPresent() {
        return !elements.isEmpty();
    }

    /** UDHL followed by the elements; nothing at all when there are no elements. */
    public byte[] encode() {
        if (elements.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        for (InformationElement element : elements) {
            byte[] data = element.data();
            out.write(element.identifier());
            out.write(data.length);
            out.writeBytes(data);
        }
        byte[] header = out.toByteArray();
        header[0] = (byte) (header.length - 1);
        return header;
    }

    public Optional<ApplicationPorts> ports() {
        return first(ApplicationPorts.class);
    }

    public Optional<Concatenation> concatenation() {
        return first(Concatenation.class);
    }

    private <T extends InformationElement> Optional<T> first(Class<T> type) {
        return elements.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** UDHL and the elements it spans, read from the start of TP-UD. */
    static UserDataHeader read(ByteReader userData) {
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
            case EightBitApplicationPorts.IDENTIFIER -> {
                requireLength(header, offset, "8-bit application ports", data, 2);
                yield new EightBitApplicationPorts(data[0] & 0xFF, data[1] & 0xFF);
            }
            case ApplicationPorts.IDENTIFIER -> {
                requireLength(header, offset, "16-bit application ports", data, 4);
                yield new ApplicationPorts((data[0] & 0xFF) << 8 | data[1] & 0xFF, (data[2] & 0xFF) << 8 | data[3] & 0xFF);
            }
            case 0x70 -> {
                requireLength(header, offset, "SIM toolkit command packet", data, 0);
                yield SimToolkitSecurityHeader.COMMAND;
            }
            case 0x71 -> {
                requireLength(header, offset, "SIM toolkit response packet", data, 0);
                yield SimToolkitSecurityHeader.RESPONSE;
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
