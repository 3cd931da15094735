package org.mexe.studio.codec.cp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.random.RandomGenerator;

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

    /**
     * USERNETWPIN: the key is the NETWPIN key followed by the ASCII PIN, as the Kryten OMA CP client
     * (com.wdstechnology.android.kryten.security.OmaSigner, UserNetwPinOmaSigner; Apache 2.0, in
     * CodeAurora Android trees) builds it. The ProvBoot text itself was not at hand to quote.
     * Kannel 1.4.5 uses the ASCII PIN alone.
     */
    record UserNetworkPin(String imsi, String pin) implements CpSecurity {

        public UserNetworkPin {
            // Each half must satisfy the rules of its own method.
            new NetworkPin(imsi);
            new UserPin(pin);
        }

        @Override
        public SecurityMethod method() {
            return SecurityMethod.USERNETWPIN;
        }

        @Override
        public byte[] key() {
            byte[] network = new NetworkPin(imsi).key();
            byte[] user = new UserPin(pin).key();
            byte[] key = Arrays.copyOf(network, network.length + user.length);
            System.arraycopy(user, 0, key, network.length, user.length);
            return key;
        }

        @Override
        public String toString() {
            return "UserNetworkPin[imsi=" + imsi + ", pin=****]";
        }
    }

    /**
     * USERPINMAC: the PIN given to the user is 2n digits; the first n are random and are the HMAC
     * key, the last n are derived from M = HMAC-SHA1(first half, document) as
     * {@code (M[i] mod 10) + 48} for i = 0..n-1: the Kryten OMA CP client's UserPinMacOmaSigner
     * checks exactly this, and Nokia forum posts quote the "mod 10 + 48" formula from page 12 of
     * OMA-WAP-ProvBoot-v1_1. A device checks the PIN against the document, so {@link #verify}
     * ignores the MAC parameter (as Kryten does); {@link #mac} is M.
     */
    record UserPinMac(String pin) implements CpSecurity {

        public UserPinMac {
            if (!isWellFormed(pin)) {
                throw new IllegalArgumentException("USERPINMAC PIN must be 2 to 40 decimal digits, an even number");
            }
        }

        /** 2n decimal digits, n at most 20 because the derived half takes one MAC octet per digit. */
        public static boolean isWellFormed(String pin) {
            return pin != null && pin.length() >= 2 && pin.length() <= 40 && pin.length() % 2 == 0
                    && pin.chars().allMatch(c -> c >= '0' && c <= '9');
        }

        /** The full PIN for a document: {@code randomPart} followed by the digits its MAC gives. */
        public static UserPinMac forDocument(String randomPart, byte[] wbxml) {
            if (randomPart == null || !isWellFormed(randomPart + randomPart)) {
                throw new IllegalArgumentException("USERPINMAC random part must be 1 to 20 decimal digits");
            }
            return new UserPinMac(randomPart + derivedDigits(randomPart, wbxml));
        }

        /** As {@link #forDocument(String, byte[])} with {@code digits} random digits from {@code random}. */
        public static UserPinMac generate(byte[] wbxml, int digits, RandomGenerator random) {
            if (digits < 1) {
                throw new IllegalArgumentException("USERPINMAC needs at least one random digit");
            }
            StringBuilder randomPart = new StringBuilder();
            random.ints(digits, 0, 10).forEach(randomPart::append);
            return forDocument(randomPart.toString(), wbxml);
        }

        private static String derivedDigits(String randomPart, byte[] wbxml) {
            byte[] mac = hmacSha1(randomPart.getBytes(StandardCharsets.US_ASCII), wbxml);
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < randomPart.length(); i++) {
                digits.append((char) ('0' + (mac[i] & 0xFF) % 10));
            }
            return digits.toString();
        }

        private String randomPart() {
            return pin.substring(0, pin.length() / 2);
        }

        @Override
        public SecurityMethod method() {
            return SecurityMethod.USERPINMAC;
        }

        @Override
        public byte[] key() {
            return randomPart().getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public boolean verify(byte[] wbxml, String mac) {
            byte[] expected = derivedDigits(randomPart(), wbxml).getBytes(StandardCharsets.US_ASCII);
            byte[] received = pin.substring(pin.length() / 2).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, received);
        }

        @Override
        public String toString() {
            return "UserPinMac[****]";
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
