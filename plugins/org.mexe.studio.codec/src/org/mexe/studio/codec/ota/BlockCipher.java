package org.mexe.studio.codec.ota;

import java.util.Arrays;
import java.util.Optional;

/**
 * The block ciphers a KIc (ciphering) or a KID (cryptographic checksum) names in its low nibble,
 * ETSI TS 102 225 clauses 5.1.2 and 5.1.3.1. The same nibble means CBC for KIc and CBC-MAC (DES
 * family) or CMAC (AES) for KID.
 */
public enum BlockCipher {
    /** Single DES: kept only to read legacy cards, it offers no real protection. */
    DES(0x1, 8, "DES", 8),
    TDES_2KEY(0x5, 8, "3DES 2-key", 16),
    TDES_3KEY(0x9, 8, "3DES 3-key", 24),
    AES(0x2, 16, "AES", 16, 24, 32);

    private final int nibble;
    private final int blockSize;
    private final String displayName;
    private final int[] keyLengths;

    BlockCipher(int nibble, int blockSize, String displayName, int... keyLengths) {
        this.nibble = nibble;
        this.blockSize = blockSize;
        this.displayName = displayName;
        this.keyLengths = keyLengths;
    }

    /** The algorithm bits b4..b1 of KIc/KID. */
    public int nibble() {
        return nibble;
    }

    public int blockSize() {
        return blockSize;
    }

    /** The KIc or KID octet for key version {@code keyIndex} (1..15) of this algorithm. */
    public int identifier(int keyIndex) {
        if (keyIndex < 0 || keyIndex > 15) {
            throw new IllegalArgumentException("key index must be 0..15, got " + keyIndex);
        }
        return keyIndex << 4 | nibble;
    }

    /** The algorithm of a KIc/KID octet; empty for implicit (0), DES-ECB, proprietary or reserved codings. */
    public static Optional<BlockCipher> of(int identifier) {
        int low = identifier & 0x0F;
        return Arrays.stream(values()).filter(c -> c.nibble == low).findFirst();
    }

    /** Rejects a key of the wrong length without ever showing its value. */
    void requireKeyLength(String role, byte[] key) {
        if (Arrays.stream(keyLengths).noneMatch(length -> length == key.length)) {
            throw new InvalidOtaKeyException("%s key for %s must be %s bytes, got %d bytes".formatted(role, displayName,
                    String.join(" or ", Arrays.stream(keyLengths).mapToObj(Integer::toString).toList()), key.length));
        }
    }

    @Override
    public String toString() {
        return displayName;
    }
}
