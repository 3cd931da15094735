package org.mexe.studio.codec.sms;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;
import org.mexe.studio.codec.sms.InformationElement.Concatenation;

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
}
