package org.mexe.studio.codec.sms;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;

/**
 * A complete SMS-DELIVER message rebuilt from its segments: originator, the coding and ports of
 * the first segment, and the user data of all segments joined in the alphabet's units.
 */
public record ReassembledText(SmsAddress originator, DataCodingScheme dataCodingScheme,
        Optional<ApplicationPorts> ports, byte[] userData) {

    public ReassembledText {
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(dataCodingScheme, "dataCodingScheme");
        Objects.requireNonNull(ports, "ports");
        userData = userData.clone();
    }

    /** @throws IllegalStateException for 8-bit data, which is not text */
    public String text() {
        return dataCodingScheme.decodeText(userData);
    }

    @Override
    public byte[] userData() {
        return userData.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReassembledText message
                && originator.equals(message.originator)
                && dataCodingScheme.equals(message.dataCodingScheme)
                && ports.equals(message.ports)
                && Arrays.equals(userData, message.userData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(originator, dataCodingScheme, ports, Arrays.hashCode(userData));
    }

    @Override
    public String toString() {
        return "ReassembledText[originator=%s, dcs=%s, ports=%s, userData=%s]"
                .formatted(originator, dataCodingScheme, ports, Hex.encode(userData));
    }
}
