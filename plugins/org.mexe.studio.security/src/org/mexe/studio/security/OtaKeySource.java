package org.mexe.studio.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where the SIM OTA keys (KIc, KID) of one packet come from: key set N of a PKCS#12 keystore
 * (secret key entries {@code kic-N} and {@code kid-N}, see {@link SimOtaKeys}), or each key in hex
 * from a file or an environment variable. Either way the keys never pass through a command line.
 */
public sealed interface OtaKeySource {

    /** Reads the keys; errors name where they were looked for, never a key. The caller closes the result. */
    SimOtaKeys.KeySet read(SecretResolver secrets) throws SecretUnavailableException, KeystoreException;

    /** Key set {@code keySet} of a PKCS#12 keystore whose password is at {@code password}. */
    record KeystoreKeySet(Path keystore, SecretLocation password, int keySet) implements OtaKeySource {

        @Override
        public SimOtaKeys.KeySet read(SecretResolver secrets) throws SecretUnavailableException, KeystoreException {
            try (Secret secret = secrets.resolve(password)) {
                return SimOtaKeys.read(keystore, secret, keySet);
            }
        }
    }

    /** Each key in hex (ASCII whitespace ignored) at its own place; a key that is not given is absent, for SPIs that need none. */
    record HexKeys(Optional<SecretLocation> kic, Optional<SecretLocation> kid) implements OtaKeySource {

        @Override
        public SimOtaKeys.KeySet read(SecretResolver secrets) throws SecretUnavailableException {
            byte[] kicKey = hexKey(secrets, "KIc", kic);
            try {
                return SimOtaKeys.KeySet.given(kicKey, hexKey(secrets, "KID", kid));
            } catch (SecretUnavailableException | RuntimeException e) {
                SimOtaKeys.wipe(kicKey);
                throw e;
            }
        }

        private static byte[] hexKey(SecretResolver secrets, String role, Optional<SecretLocation> location)
                throws SecretUnavailableException {
            if (location.isEmpty()) {
                return null;
            }
            try (Secret secret = secrets.resolve(location.get())) {
                byte[] text = secret.bytes();
                try {
                    String digits = new String(text, StandardCharsets.US_ASCII).replaceAll("[ \t\r\n]", "");
                    if (digits.length() % 2 != 0) {
                        throw new IllegalArgumentException("odd number of hex digits");
                    }
                    return HexFormat.of().parseHex(digits);
                } catch (IllegalArgumentException e) {
                    // The parser's message could quote the key: name the place only.
                    throw new SecretUnavailableException("The " + role + " key in " + location.get().describe() + " is not hex.");
                } finally {
                    Arrays.fill(text, (byte) 0);
                }
            }
        }
    }
}
