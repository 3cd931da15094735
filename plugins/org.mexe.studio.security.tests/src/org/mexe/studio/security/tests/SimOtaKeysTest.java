package org.mexe.studio.security.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mexe.studio.security.DemoPki;
import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.security.Keystores;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SimOtaKeys;

/** SIM OTA keys by key set as PKCS#12 secret key entries kic-N and kid-N: AES, two- and three-key 3DES, DES. */
class SimOtaKeysTest {

    private static final Secret PASSWORD = Secret.of("ota-test-password", "test");

    @TempDir
    Path folder;

    private static byte[] key(int length, int seed) {
        byte[] key = new byte[length];
        for (int i = 0; i < length; i++) {
            key[i] = (byte) (seed + 17 * i);
        }
        return key;
    }

    @ParameterizedTest
    @CsvSource({ "AES, 16", "AES, 24", "AES, 32", "DESede, 16", "DESede, 24", "DES, 8" })
    void aKeySetComesBackAsItWasStored(String algorithm, int length) throws Exception {
        Path p12 = folder.resolve("ota.p12");
        byte[] kic = key(length, 1);
        byte[] kid = key(length, 2);
        SimOtaKeys.store(p12, PASSWORD, 7, algorithm, kic, kid);
        try (SimOtaKeys.KeySet keySet = SimOtaKeys.read(p12, PASSWORD, 7)) {
            assertArrayEquals(kic, keySet.kic());
            assertArrayEquals(kid, keySet.kid());
            assertEquals(java.util.OptionalInt.of(7), keySet.keySet());
            assertEquals("KeySet[7, KIc " + length + " bytes, KID " + length + " bytes]", keySet.toString());
        }
    }

    @Test
    void keySetsAreAddedToAnExistingKeystoreAndListedWithoutTheirKeys() throws Exception {
        Path p12 = folder.resolve("ota.p12");
        SimOtaKeys.store(p12, PASSWORD, 1, "AES", key(16, 3), key(16, 4));
        SimOtaKeys.store(p12, PASSWORD, 2, "DESede", key(24, 5), key(24, 6));
        assertArrayEquals(key(16, 3), SimOtaKeys.read(p12, PASSWORD, 1).kic());
        assertArrayEquals(key(24, 6), SimOtaKeys.read(p12, PASSWORD, 2).kid());
        List<Keystores.Entry> entries = Keystores.list(p12, PASSWORD);
        assertEquals(List.of("kic-1", "kic-2", "kid-1", "kid-2"), entries.stream().map(Keystores.Entry::alias).toList());
        assertTrue(entries.stream().allMatch(e -> e.hasKey() && e.subject().equals("secret key")), entries::toString);
        String listing = entries.toString().toLowerCase();
        for (byte[] key : List.of(key(16, 3), key(16, 4), key(24, 5), key(24, 6))) {
            assertFalse(listing.contains(HexFormat.of().formatHex(key)));
        }
    }

    @Test
    void aMissingKeySetNamesTheFileTheAliasAndTheKeysThatExist() throws Exception {
        Path p12 = folder.resolve("ota.p12");
        SimOtaKeys.store(p12, PASSWORD, 1, "AES", key(16, 3), key(16, 4));
        var e = assertThrows(KeystoreException.class, () -> SimOtaKeys.read(p12, PASSWORD, 2));
        assertTrue(e.getMessage().contains(p12.toString()) && e.getMessage().contains("'kic-2'") && e.getMessage().contains("key set 2")
                && e.getMessage().contains("kic-1, kid-1"), e.getMessage());
    }

    @Test
    void aWrongPasswordNamesTheFileAndWhereThePasswordCameFrom() throws Exception {
        Path p12 = folder.resolve("ota.p12");
        SimOtaKeys.store(p12, PASSWORD, 1, "AES", key(16, 3), key(16, 4));
        var e = assertThrows(KeystoreException.class, () -> SimOtaKeys.read(p12, Secret.of("wrong", "environment variable OTA_P12"), 1));
        assertTrue(e.getMessage().contains("Wrong password") && e.getMessage().contains(p12.toString())
                && e.getMessage().contains("OTA_P12"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong,") || e.getMessage().contains("ota-test-password"), e.getMessage());
    }

    @Test
    void anAliasThatHoldsAPrivateKeyIsNotAnOtaKey() throws Exception {
        DemoPki.Files pki = DemoPki.create(folder.resolve("pki"));
        Secret password = Secret.of(Files.readString(pki.passwordFile()).strip(), "test");
        var noOtaKeys = assertThrows(KeystoreException.class, () -> SimOtaKeys.read(pki.keystore(), password, 1));
        assertTrue(noOtaKeys.getMessage().contains("no alias 'kic-1'") && noOtaKeys.getMessage().contains("holds no OTA keys"),
                noOtaKeys.getMessage());

        // The code-signing key stored by mistake under kic-1.
        KeyStore store = Keystores.load(pki.keystore(), password);
        char[] chars = password.reveal().toCharArray();
        store.setKeyEntry("kic-1", store.getKey(DemoPki.OPERATOR_SIGNING, chars), chars, store.getCertificateChain(DemoPki.OPERATOR_SIGNING));
        Path mixed = folder.resolve("mixed.p12");
        try (OutputStream out = Files.newOutputStream(mixed)) {
            store.store(out, chars);
        }
        var notSecret = assertThrows(KeystoreException.class, () -> SimOtaKeys.read(mixed, password, 1));
        assertTrue(notSecret.getMessage().contains("'kic-1'") && notSecret.getMessage().contains("mixed.p12")
                && notSecret.getMessage().contains("not a secret key"), notSecret.getMessage());
    }

    @Test
    void keySetsAndAlgorithmsAreChecked() {
        Path p12 = folder.resolve("ota.p12");
        var range = assertThrows(KeystoreException.class, () -> SimOtaKeys.store(p12, PASSWORD, 16, "AES", key(16, 1), key(16, 2)));
        assertTrue(range.getMessage().contains("0 to 15"), range.getMessage());
        var algorithm = assertThrows(KeystoreException.class, () -> SimOtaKeys.store(p12, PASSWORD, 1, "RC4", key(16, 1), key(16, 2)));
        assertTrue(algorithm.getMessage().contains("RC4"), algorithm.getMessage());
        assertFalse(Files.exists(p12), "nothing is written for a refused key set");
    }
}
