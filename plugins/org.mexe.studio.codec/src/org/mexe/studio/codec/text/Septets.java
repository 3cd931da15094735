package org.mexe.studio.codec.text;

/**
 * Packing of 7-bit values into octets, least significant bit first (3GPP TS 23.038 clause 6.1.2.1).
 * Fill bits shift the first septet so that, after a user data header, it starts on a septet
 * boundary counted from the start of TP-UD (TS 23.040 clause 9.2.3.24).
 */
public final class Septets {

    private Septets() {
    }

    /** Fill bits (0..6) after a user data header of {@code headerOctets} octets, UDHL included. */
    public static int fillBits(int headerOctets) {
        return (7 - headerOctets * 8 % 7) % 7;
    }

    /** Septets taken by a header of {@code headerOctets} octets and its fill bits, as TP-UDL counts them. */
    public static int headerSeptets(int headerOctets) {
        return (headerOctets * 8 + 6) / 7;
    }

    /** Octets needed for {@code septets} septets after {@code fillBits} fill bits. */
    public static int packedLength(int septets, int fillBits) {
        return (fillBits + septets * 7 + 7) / 8;
    }

    /** @param septets one value 0..0x7F per byte */
    public static byte[] pack(byte[] septets, int fillBits) {
        requireFillBits(fillBits);
        byte[] packed = new byte[packedLength(septets.length, fillBits)];
        for (int i = 0; i < septets.length; i++) {
            int septet = septets[i] & 0xFF;
            if (septet > 0x7F) {
                throw new IllegalArgumentException("septet %d is 0x%02X, above 0x7F".formatted(i, septet));
            }
            int bit = fillBits + i * 7;
            int shift = bit % 8;
            packed[bit / 8] |= (byte) (septet << shift);
            if (shift > 1) {
                packed[bit / 8 + 1] |= (byte) (septet >> (8 - shift));
            }
        }
        return packed;
    }

    /**
     * The {@code count} septets in {@code packed} after {@code fillBits} fill bits.
     *
     * @throws IllegalArgumentException when {@code packed} is too short for them
     */
    public static byte[] unpack(byte[] packed, int count, int fillBits) {
        requireFillBits(fillBits);
        if (count < 0 || packedLength(count, fillBits) > packed.length) {
            throw new IllegalArgumentException("%d octets cannot hold %d septets after %d fill bits"
                    .formatted(packed.length, count, fillBits));
        }
        byte[] septets = new byte[count];
        for (int i = 0; i < count; i++) {
            int bit = fillBits + i * 7;
            int shift = bit % 8;
            int value = (packed[bit / 8] & 0xFF) >> shift;
            if (shift > 1) {
                value |= (packed[bit / 8 + 1] & 0xFF) << (8 - shift);
            }
            septets[i] = (byte) (value & 0x7F);
        }
        return septets;
    }

    private static void requireFillBits(int fillBits) {
        if (fillBits < 0 || fillBits > 6) {
            throw new IllegalArgumentException("fill bits must be 0..6: " + fillBits);
        }
    }
}
