package org.mexe.studio.codec.sms;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;

/** A complete payload rebuilt from its segments, with the peer address and the ports of the first segment. */
public record ReassembledMessage(SmsAddress party, Optional<ApplicationPorts> ports, byte[] payload) {

    public ReassembledMessage {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(ports, "ports");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReassembledMessage message
                && party.equals(message.party)
                && ports.equals(message.ports)
                && Arrays.equals(payload, message.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(party, ports, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "ReassembledMessage[party=%s, ports=%s, payload=%s]".formatted(party, ports, Hex.encode(payload));
    }
}
