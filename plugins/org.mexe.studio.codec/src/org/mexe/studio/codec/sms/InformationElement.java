package org.mexe.studio.codec.sms;

import java.util.Arrays;
import java.util.Objects;

import org.mexe.studio.codec.Hex;

/** A user data header information element (3GPP TS 23.040 clause 9.2.3.24). */
public sealed interface InformationElement {

    int identifier();

    /** The IE data octets, without identifier and length. */
    byte[] data();

    /** IEI 05: 16-bit application port addressing. */
    record ApplicationPorts(int destinationPort, int originatorPort) implements InformationElement {

        public static final int IDENTIFIER = 0x05;
        /** WAP push over SMS: WDP destination 2948 (connectionless push), source 9200 (WSP). */
        public static final ApplicationPorts WAP_PUSH = new ApplicationPorts(2948, 9200);

        public ApplicationPorts {
            requireRange(destinationPort, 0xFFFF, "destination port");
            requireRange(originatorPort, 0xFFFF, "originator port");
        }

        @Override
        public int identifier() {
            return IDENTIFIER;
        }

        @Override
        public byte[] data() {
            return new byte[] {(byte) (destinationPort >> 8), (byte) destinationPort,
                (byte) (originatorPort >> 8), (byte) originatorPort};
        }
    }

    /** IEI 04: 8-bit application port addressing (ports 240-255 are reserved, others application specific). */
    record EightBitApplicationPorts(int destinationPort, int originatorPort) implements InformationElement {

        public static final int IDENTIFIER = 0x04;

        public EightBitApplicationPorts {
            requireRange(destinationPort, 0xFF, "destination port");
            requireRange(originatorPort, 0xFF, "originator port");
        }

        @Override
        public int identifier() {
            return IDENTIFIER;
        }

        @Override
        public byte[] data() {
            return new byte[] {(byte) destinationPort, (byte) originatorPort};
        }
    }

    /**
     * IEI 70 or 71, no data: the user data is a (U)SIM toolkit secured command packet or response
     * packet (3GPP TS 31.115), the header SIM OTA puts in front of its packets.
     */
    record SimToolkitSecurityHeader(Packet packet) implements InformationElement {

        public enum Packet {
            COMMAND(0x70),
            RESPONSE(0x71);

            private final int identifier;

            Packet(int identifier) {
                this.identifier = identifier;
            }
        }

        public static final SimToolkitSecurityHeader COMMAND = new SimToolkitSecurityHeader(Packet.COMMAND);
        public static final SimToolkitSecurityHeader RESPONSE = new SimToolkitSecurityHeader(Packet.RESPONSE);

        public SimToolkitSecurityHeader {
            Objects.requireNonNull(packet, "packet");
        }

        @Override
        public int identifier() {
            return packet.identifier;
        }

        @Override
        public byte[] data() {
            return new byte[0];
        }
    }

    /** IEI 00 (8-bit reference) or 08 (16-bit reference): part {@code sequence} of {@code total}. */
    record Concatenation(ReferenceWidth width, int reference, int total, int sequence) implements InformationElement {

        public enum ReferenceWidth {
            EIGHT_BIT(0x00, 0xFF),
            SIXTEEN_BIT(0x08, 0xFFFF);

            private final int identifier;
            private final int maximum;

            ReferenceWidth(int identifier, int maximum) {
                this.identifier = identifier;
                this.maximum = maximum;
            }

            public int identifier() {
                return identifier;
            }
        }

        /** The part count is one octet whatever the reference width. */
        public static final int MAX_PARTS = 255;

        public Concatenation {
            Objects.requireNonNull(width, "width");
            requireRange(reference, width.maximum, "concatenation reference");
            if (total < 1 || total > MAX_PARTS || sequence < 1 || sequence > total) {
                throw new IllegalArgumentException("concatenation part %d of %d".formatted(sequence, total));
            }
        }

        @Override
        public int identifier() {
            return width.identifier();
        }

        @Override
        public byte[] data() {
            return switch (width) {
                case EIGHT_BIT -> new byte[] {(byte) reference, (byte) total, (byte) sequence};
                case SIXTEEN_BIT -> new byte[] {(byte) (reference >> 8), (byte) reference, (byte) total, (byte) sequence};
            };
        }
    }

    /** Any other IE, kept as it was received. */
    record Other(int identifier, byte[] data) implements InformationElement {

        public Other {
            requireRange(identifier, 0xFF, "information element identifier");
            requireRange(data.length, 0xFF, "information element length");
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Other element && identifier == element.identifier && Arrays.equals(data, element.data);
        }

        @Override
        public int hashCode() {
            return 31 * identifier + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Other[identifier=0x%02X, data=%s]".formatted(identifier, Hex.encode(data));
        }
    }

    private static void requireRange(int value, int maximum, String what) {
        if (value < 0 || value > maximum) {
            throw new IllegalArgumentException(what + " must be 0..%d: %d".formatted(maximum, value));
        }
    }
}
