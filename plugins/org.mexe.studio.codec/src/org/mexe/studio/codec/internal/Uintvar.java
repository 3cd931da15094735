package org.mexe.studio.codec.internal;

import java.io.ByteArrayOutputStream;

/**
 * Variable-length unsigned integer shared by WBXML (mb_u_int32) and WSP (uintvar): big-endian
 * groups of seven bits, the high bit set on every octet but the last.
 */
public final class Uintvar {

    /** Five octets carry 35 bits, enough for any 32-bit value. */
    public static final int MAX_OCTETS = 5;

    private Uintvar() {
    }

    public static void write(ByteArrayOutputStream out, int value) {
        requireNonNegative(value);
        int octets = length(value);
        for (int shift = 7 * (octets - 1); shift > 0; shift -= 7) {
            out.write(0x80 | ((value >>> shift) & 0x7F));
        }
        out.write(value & 0x7F);
    }

    public static int length(int value) {
        requireNonNegative(value);
        int octets = 1;
        for (int rest = value >>> 7; rest != 0; rest >>>= 7) {
            octets++;
        }
        return octets;
    }

    private static void requireNonNegative(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("uintvar cannot encode " + value);
        }
    }
}
