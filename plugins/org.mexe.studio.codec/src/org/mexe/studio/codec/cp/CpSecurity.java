package org.mexe.studio.codec.cp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.wsp.PushSignature;
import org.mexe.studio.codec.wsp.SecurityMethod;

/**
 * The shared secret of a signed provisioning document (OMA ProvBoot 1.1 clause 5.3). The MAC is
 * HMAC-SHA1 under the method's key over the exact WBXML bytes, written as 40 upper-case hex digits.
 */
public sealed interface CpSecurity {

    SecurityMethod method();

    /** The HMAC key this method derives from its secret. */
    byte[] key();

    default String mac(byte[] wbxml) {
        return Hex.encode(hmacSha1(key(), wbxml));
    }

    default PushSignature sign(byte[] wbxml) {
        return new PushSignature(method(), mac(wbxml));
    }

    /** Constant-time comparison; hex digits of either case are accepted. */
    default boolean verify(byte[] wbxml, String mac) {
        byte[] expected = hmacSha1(key(), wbxml);
        byte[] received;
        try {
            received = Hex.decode(mac);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, received);
    }

    /** USERPIN: the key is the PIN the user types, as ASCII. */
    record UserPin(String pin) implements CpSecurity {

        public UserPin {
            if (pin == null || pin.isEmpty() || !pin.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                throw new IllegalArgumentException("USERPIN must be non-empty printable ASCII");
            }
        }

        @Override
        public SecurityMethod method() {
            return SecurityMethod.USERPIN;
        }

        @Override
        public byte[] key() {
            return pin.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return "UserPin[****]";
        }
    }

    /**
     * NETWPIN: the key is the IMSI as the SIM stores it (TS 31.102 EF_IMSI without the length
     * octet): a first nibble 9 for an odd digit count or 1 for an even one, then the digits, padded
     * with F, each octet low nibble first. 466923103145252 gives 49 66 29 13 30 41 25 25.
     */
    record NetworkPin(String imsi) implements CpSecurity {

        public NetworkPin {
            if (imsi == null || imsi.length() < 6 || imsi.length() > 15 || !imsi.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("IMSI must be 6 to 15 decimal digits");
            }
        }

        @Override
        public SecurityMethod method() {
            return SecurityMethod.NETWPIN;
        }

        @Override
        public byte[] key() {
            boolean odd = imsi.length() % 2 == 1;
            String nibbles = (odd ? "9" : "1") + imsi + (odd ? "" : "F");
            byte[] key = new byte[nibbles.length() / 2];
            for (int i = 0; i < key.length; i++) {
                int low = Character.digit(nibbles.charAt(2 * i), 16);
                int high = Character.digit(nibbles.charAt(2 * i + 1), 16);
                key[i] = (byte) (high << 4 | low);
            }
            return key;
        }
    }

    private static byte[] hmacSha1(byte[] key, byte[] data) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(key, "HmacSHA1"));
            return hmac.doFinal(data);
        } catch (GeneralSecurityException e) {
            // Every Java SE platform must provide HmacSHA1.
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
