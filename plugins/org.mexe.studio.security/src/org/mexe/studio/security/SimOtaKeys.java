package org.mexe.studio.security;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

import javax.crypto.spec.SecretKeySpec;

/**
 * SIM OTA keys by key set (ETSI TS 102 225): the KIc (ciphering) and KID (checksum) of key set N
 * are PKCS#12 secret key entries under the aliases {@code kic-N} and {@code kid-N}, N being the
 * key version of the KIc/KID octets, 0 to 15. The entries may be AES, DESede (two- or three-key
 * 3DES) or DES keys: which cipher uses them is the packet's choice, so only the bytes are read.
 */
public final class SimOtaKeys {

    public static final int MAX_KEY_SET = 15;

    /** The key algorithms a PKCS#12 secret key entry of an OTA key may be stored under. */
    public static final List<String> ALGORITHMS = List.of("AES", "DESede", "DES");

    /**
     * The two keys of one key set, or the keys given one by one (either may then be absent). Never
     * printed; {@link #close()} wipes them.
     */
    public static final class KeySet implements AutoCloseable {

        private final OptionalInt keySet;
        private final byte[] kic;
        private final byte[] kid;

        private KeySet(OptionalInt keySet, byte[] kic, byte[] kid) {
            this.keySet = keySet;
            this.kic = kic;
            this.kid = kid;
        }

        /** Keys not read from a keystore; the arrays are taken over, not copied. */
        static KeySet given(byte[] kic, byte[] kid) {
            return new KeySet(OptionalInt.empty(), kic, kid);
        }

        /** The key set (key version) the keys were read as; empty for keys given one by one. */
        public OptionalInt keySet() {
            return keySet;
        }

        /** A copy of the KIc, or null when none was given: the caller wipes it. */
        public byte[] kic() {
            return kic == null ? null : kic.clone();
        }

        /** A copy of the KID, or null when none was given: the caller wipes it. */
        public byte[] kid() {
            return kid == null ? null : kid.clone();
        }

        @Override
        public void close() {
            wipe(kic);
            wipe(kid);
        }

        @Override
        public String toString() {
            return "KeySet[" + (keySet.isPresent() ? keySet.getAsInt() : "given") + ", KIc " + length(kic) + ", KID " + length(kid) + "]";
        }

        private static String length(byte[] key) {
            return key == null ? "absent" : key.length + " bytes";
        }
    }

    /** Overwrites a key that is no longer needed; null is no key. */
    public static void wipe(byte[] key) {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
    }

    private SimOtaKeys() {
    }

    public static String kicAlias(int keySet) {
        return "kic-" + keySet;
    }

    public static String kidAlias(int keySet) {
        return "kid-" + keySet;
    }

    /** KIc and KID of {@code keySet} from the keystore; errors name the file, the alias and the cause, never a key. */
    public static KeySet read(Path file, Secret password, int keySet) throws KeystoreException {
        requireKeySet(keySet);
        KeyStore store = Keystores.load(file, password);
        byte[] kic = secretKey(store, file, password, kicAlias(keySet), "KIc", keySet);
        try {
            return new KeySet(OptionalInt.of(keySet), kic, secretKey(store, file, password, kidAlias(keySet), "KID", keySet));
        } catch (KeystoreException e) {
            Arrays.fill(kic, (byte) 0);
            throw e;
        }
    }

    private static byte[] secretKey(KeyStore store, Path file, Secret password, String alias, String role, int keySet)
            throws KeystoreException {
        char[] chars = password.reveal().toCharArray();
        try {
            if (!store.containsAlias(alias)) {
                List<String> otaAliases = Collections.list(store.aliases()).stream()
                        .filter(a -> a.startsWith("kic-") || a.startsWith("kid-")).sorted().toList();
                throw new KeystoreException("The keystore " + file + " has no alias '" + alias + "' (the " + role + " of key set " + keySet
                        + "); " + (otaAliases.isEmpty() ? "it holds no OTA keys." : "its OTA keys are: " + String.join(", ", otaAliases) + "."));
            }
            if (!store.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class)) {
                throw new KeystoreException("The alias '" + alias + "' of " + file + " is not a secret key: store the " + role
                        + " of key set " + keySet + " as a PKCS#12 secret key entry (AES, DESede or DES).");
            }
            Key key = store.getKey(alias, chars);
            byte[] encoded = key == null ? null : key.getEncoded();
            if (encoded == null || encoded.length == 0) {
                throw new KeystoreException("The secret key '" + alias + "' of " + file + " cannot be read as raw bytes.");
            }
            return encoded;
        } catch (UnrecoverableKeyException e) {
            throw new KeystoreException("The secret key '" + alias + "' of " + file + " is protected by another password than the"
                    + " keystore (from " + password.origin() + "): store it under the keystore's password.", e);
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("The secret key '" + alias + "' of " + file + " cannot be read: " + e.getMessage(), e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * Adds key set {@code keySet} to the keystore (made when it does not exist), replacing the
     * key set's entries if present: for tests, and for importing keys that a card vendor delivered.
     * The file is replaced atomically.
     */
    public static void store(Path file, Secret password, int keySet, String algorithm, byte[] kic, byte[] kid) throws KeystoreException {
        requireKeySet(keySet);
        if (!ALGORITHMS.contains(algorithm)) {
            throw new KeystoreException("The OTA key algorithm '" + algorithm + "' is not one of " + ALGORITHMS + ".");
        }
        char[] chars = password.reveal().toCharArray();
        try {
            KeyStore store;
            if (Files.exists(file)) {
                store = Keystores.load(file, password);
            } else {
                store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
            }
            KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(chars);
            store.setEntry(kicAlias(keySet), new KeyStore.SecretKeyEntry(new SecretKeySpec(kic, algorithm)), protection);
            store.setEntry(kidAlias(keySet), new KeyStore.SecretKeyEntry(new SecretKeySpec(kid, algorithm)), protection);
            Path parent = file.toAbsolutePath().getParent();
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    store.store(out, chars);
                }
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new KeystoreException("Cannot write key set " + keySet + " to the keystore " + file + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static void requireKeySet(int keySet) throws KeystoreException {
        if (keySet < 0 || keySet > MAX_KEY_SET) {
            throw new KeystoreException("The key set " + keySet + " is out of range: a key set is the key version of the KIc/KID"
                    + " octets, 0 to " + MAX_KEY_SET + ".");
        }
    }
}
