package org.mexe.studio.codec.ota;

import java.util.Arrays;
import java.util.Optional;

/**
 * The redundancy checks a KID names when the SPI asks for RC, ETSI TS 102 225 clause 5.1.3.2: the
 * ISO/IEC 13239 CRCs, sent most significant octet first.
 */
public enum Crc {
    /** CRC-16/X-25: polynomial 0x1021 reflected, initial value FFFF, final XOR FFFF. */
    CRC16(0x1, 2),
    /** CRC-32 as in ISO/IEC 13239 (the zlib/Ethernet CRC). */
    CRC32(0x5, 4);

    private final int nibble;
    private final int length;

    Crc(int nibble, int length) {
        this.nibble = nibble;
        this.length = length;
    }

    public int nibble() {
        return nibble;
    }

    /** Octets of the RC field. */
    public int length() {
        return length;
    }

    /** The KID octet for key version {@code keyIndex} (0..15; a CRC uses no key, the index is only carried). */
    public int identifier(int keyIndex) {
        if (keyIndex < 0 || keyIndex > 15) {
            throw new IllegalArgumentException("key index must be 0..15, got " + keyIndex);
        }
        return keyIndex << 4 | nibble;
    }

    public static Optional<Crc> of(int identifier) {
        int low = identifier & 0x0F;
        return Arrays.stream(values()).filter(c -> c.nibble == low).findFirst();
    }

    byte[] compute(byte[] data) {
        return switch (this) {
            case CRC16 -> {
                int crc = 0xFFFF;
                for (byte b : data) {
                    crc ^= b & 0xFF;
                    for (int bit = 0; bit < 8; bit++) {
                        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
                    }
                }
                crc ^= 0xFFFF;
                yield new byte[] { (byte) (crc >>> 8), (byte) crc };
            }
            case CRC32 -> {
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(data);
                long value = crc.getValue();
                yield new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value };
            }
        };
    }
}
