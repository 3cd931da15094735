package org.mexe.studio.codec.ota;

import java.util.Arrays;
import java.util.Objects;

import org.mexe.studio.codec.Hex;

/**
 * A secured command packet in clear: header fields and the secured data (typically remote APDUs)
 * without ciphering padding. The RC/CC, CPL, CHL and PCNTR follow from these and are computed by
 * {@link SimOtaCodec}.
 *
 * @param kic     the KIc octet: key version (high nibble) and {@link BlockCipher} (low nibble)
 * @param kid     the KID octet: key version and {@link BlockCipher} for CC, or {@link Crc} for RC
 * @param tar     Toolkit Application Reference, 24 bits
 * @param counter CNTR, 40 bits
 */
public record CommandPacket(Spi spi, int kic, int kid, int tar, long counter, byte[] data) {

    /** Largest CNTR value: five octets. */
    public static final long MAX_COUNTER = (1L << 40) - 1;

    public CommandPacket {
        Objects.requireNonNull(spi, "spi");
        Objects.requireNonNull(data, "data");
        requireOctet("KIc", kic);
        requireOctet("KID", kid);
        if (tar < 0 || tar > 0xFFFFFF) {
            throw new IllegalArgumentException("TAR must be 3 octets, got " + Integer.toHexString(tar));
        }
        if (counter < 0 || counter > MAX_COUNTER) {
            throw new IllegalArgumentException("CNTR must be 0..2^40-1, got " + counter);
        }
        data = data.clone();
    }

    static void requireOctet(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " must be one octet, got " + value);
        }
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CommandPacket p && spi.equals(p.spi) && kic == p.kic && kid == p.kid && tar == p.tar
                && counter == p.counter && Arrays.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spi, kic, kid, tar, counter, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "CommandPacket[%s, KIc %02X, KID %02X, TAR %06X, CNTR %d, data %s]".formatted(spi, kic, kid, tar, counter,
                Hex.encode(data));
    }
}
