package org.mexe.studio.codec.ota;

import java.util.Arrays;
import java.util.Optional;

/**
 * The key material for one card's keyset: KIc for ciphering and KID for the cryptographic
 * checksum. Which algorithm they serve comes from the packet's KIc/KID octets, so lengths are
 * checked when the keys are used. It never prints the keys.
 */
public final class OtaKeys {

    private final byte[] kic;
    private final byte[] kid;

    private OtaKeys(byte[] kic, byte[] kid) {
        this.kic = kic;
        this.kid = kid;
    }

    /** Either key may be null when the SPI never needs it. The arrays are copied. */
    public static OtaKeys of(byte[] kic, byte[] kid) {
        return new OtaKeys(kic == null ? null : kic.clone(), kid == null ? null : kid.clone());
    }

    /** For packets that are neither ciphered nor signed with a CC. */
    public static OtaKeys none() {
        return new OtaKeys(null, null);
    }

    byte[] kic(BlockCipher cipher) {
        return checked("KIc", kic, cipher);
    }

    byte[] kid(BlockCipher cipher) {
        return checked("KID", kid, cipher);
    }

    private static byte[] checked(String role, byte[] key, BlockCipher cipher) {
        if (key == null) {
            throw new InvalidOtaKeyException("the SPI needs a %s key for %s, but none was given".formatted(role, cipher));
        }
        cipher.requireKeyLength(role, key);
        return key;
    }

    /** Overwrites the key material once the caller is done with it. */
    public void wipe() {
        Optional.ofNullable(kic).ifPresent(k -> Arrays.fill(k, (byte) 0));
        Optional.ofNullable(kid).ifPresent(k -> Arrays.fill(k, (byte) 0));
    }

    @Override
    public String toString() {
        return "OtaKeys[KIc %s, KID %s]".formatted(kic == null ? "absent" : kic.length + " bytes",
                kid == null ? "absent" : kid.length + " bytes");
    }
}
