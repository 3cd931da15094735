package org.mexe.studio.codec.ota;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** The TS 102 225 primitives: CBC with a zero IV, and the cryptographic checksums. */
final class OtaCrypto {

    /** TS 102 225 clause 5.1.3.1: the CC is 8 octets, for AES the leftmost 64 bits of the CMAC. */
    static final int CC_LENGTH = 8;

    private OtaCrypto() {
    }

    /** CBC with a zero IV; {@code data} is already a whole number of blocks. */
    static byte[] cbc(BlockCipher algorithm, byte[] key, byte[] data, boolean encrypt) {
        try {
            Cipher cipher = Cipher.getInstance(transformation(algorithm));
            cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, jceKey(algorithm, key),
                    new IvParameterSpec(new byte[algorithm.blockSize()]));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime provides these transformations, and lengths are checked before.
            throw new IllegalStateException("cannot run " + algorithm + " CBC", e);
        }
    }

    /**
     * The CC: for the DES family the last block of CBC over the data zero-padded to 8 octets (DES
     * CBC-MAC, TS 102 225 clause 5.1.3.1); for AES the CMAC (NIST SP 800-38B), which pads itself.
     */
    static byte[] checksum(BlockCipher algorithm, byte[] key, byte[] data) {
        if (algorithm == BlockCipher.AES) {
            CMac cmac = new CMac(AESEngine.newInstance(), CC_LENGTH * 8);
            cmac.init(new KeyParameter(key));
            cmac.update(data, 0, data.length);
            byte[] mac = new byte[CC_LENGTH];
            cmac.doFinal(mac, 0);
            return mac;
        }
        byte[] ciphered = cbc(algorithm, key, zeroPadded(data, algorithm.blockSize()), true);
        return Arrays.copyOfRange(ciphered, ciphered.length - CC_LENGTH, ciphered.length);
    }

    /** {@code data} followed by the fewest zero octets that make it whole blocks. */
    static byte[] zeroPadded(byte[] data, int blockSize) {
        return Arrays.copyOf(data, data.length + paddingFor(data.length, blockSize));
    }

    static int paddingFor(int length, int blockSize) {
        return Math.floorMod(-length, blockSize);
    }

    private static String transformation(BlockCipher algorithm) {
        return switch (algorithm) {
            case DES -> "DES/CBC/NoPadding";
            case TDES_2KEY, TDES_3KEY -> "DESede/CBC/NoPadding";
            case AES -> "AES/CBC/NoPadding";
        };
    }

    private static SecretKeySpec jceKey(BlockCipher algorithm, byte[] key) {
        return switch (algorithm) {
            case DES -> new SecretKeySpec(key, "DES");
            // The JCE wants K1 K2 K3; 2-key 3DES is K1 K2 K1.
            case TDES_2KEY -> {
                byte[] expanded = Arrays.copyOf(key, 24);
                System.arraycopy(key, 0, expanded, 16, 8);
                SecretKeySpec spec = new SecretKeySpec(expanded, "DESede");
                Arrays.fill(expanded, (byte) 0);
                yield spec;
            }
            case TDES_3KEY -> new SecretKeySpec(key, "DESede");
            case AES -> new SecretKeySpec(key, "AES");
        };
    }
}
