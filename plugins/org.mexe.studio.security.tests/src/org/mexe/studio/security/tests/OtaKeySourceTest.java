package org.mexe.studio.security.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.security.OtaKeySource;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SecretUnavailableException;
import org.mexe.studio.security.SimOtaKeys;

/** Where SIM OTA keys come from, and the rule that a secret is given by exactly one of a variable and a file. */
class OtaKeySourceTest {

    // Test material: made-up keys and password.
    private static final String KIC = "000102030405060708090a0b0c0d0e0f";
    private static final String KID = "f0e0d0c0b0a090807060504030201000";
    private static final String P12_PASSWORD = "ota-source-test";

    @TempDir
    Path folder;

    @Test
    void hexKeysComeFromAVariableAndAFileWithWhitespaceIgnored() throws Exception {
        Path kidFile = Files.writeString(folder.resolve("kid.hex"), "F0E0D0C0 B0A09080\n7060504030201000\n");
        var source = new OtaKeySource.HexKeys(Optional.of(new SecretLocation.Environment("KIC")),
                Optional.of(new SecretLocation.File(kidFile)));
        try (SimOtaKeys.KeySet keys = source.read(new SecretResolver(Map.of("KIC", KIC)))) {
            assertArrayEquals(HexFormat.of().parseHex(KIC), keys.kic());
            assertArrayEquals(HexFormat.of().parseHex(KID), keys.kid());
            assertEquals(OptionalInt.empty(), keys.keySet());
        }
    }

    @Test
    void aKeyThatIsNotGivenIsAbsent() throws Exception {
        var source = new OtaKeySource.HexKeys(Optional.empty(), Optional.of(new SecretLocation.Environment("KID")));
        try (SimOtaKeys.KeySet keys = source.read(new SecretResolver(Map.of("KID", KID)))) {
            assertNull(keys.kic());
            assertEquals(16, keys.kid().length);
        }
    }

    @Test
    void aKeyThatIsNotHexNamesItsPlaceButNeverQuotesIt() {
        var source = new OtaKeySource.HexKeys(Optional.of(new SecretLocation.Environment("KIC")), Optional.empty());
        var e = assertThrows(SecretUnavailableException.class,
                () -> source.read(new SecretResolver(Map.of("KIC", "00112233445566778899aabbccddeeXY"))));
        assertTrue(e.getMessage().contains("KIc key in environment variable KIC is not hex"), e.getMessage());
        assertFalse(e.getMessage().contains("00112233"), e.getMessage());
    }

    @Test
    void aKeySetComesFromTheKeystoreWithItsPasswordFromAVariable() throws Exception {
        Path p12 = folder.resolve("ota.p12");
        SimOtaKeys.store(p12, Secret.of(P12_PASSWORD, "test"), 2, "AES", HexFormat.of().parseHex(KIC), HexFormat.of().parseHex(KID));
        var source = new OtaKeySource.KeystoreKeySet(p12, new SecretLocation.Environment("P12_PASSWORD"), 2);
        try (SimOtaKeys.KeySet keys = source.read(new SecretResolver(Map.of("P12_PASSWORD", P12_PASSWORD)))) {
            assertArrayEquals(HexFormat.of().parseHex(KIC), keys.kic());
            assertArrayEquals(HexFormat.of().parseHex(KID), keys.kid());
            assertEquals(OptionalInt.of(2), keys.keySet());
        }
        var unset = assertThrows(SecretUnavailableException.class, () -> source.read(new SecretResolver(Map.of())));
        assertTrue(unset.getMessage().contains("P12_PASSWORD"), unset.getMessage());
    }

    @Test
    void aSecretIsGivenByExactlyOneOfAVariableAndAFile() throws Exception {
        Path file = folder.resolve("password.txt");
        assertEquals(new SecretLocation.Environment("V"), SecretLocation.exactlyOne("V", null, "the password", "--pw-env", "--pw-file"));
        assertEquals(new SecretLocation.File(file), SecretLocation.exactlyOne(null, file, "the password", "--pw-env", "--pw-file"));
        var neither = assertThrows(SecretUnavailableException.class,
                () -> SecretLocation.exactlyOne(null, null, "the password", "--pw-env", "--pw-file"));
        assertTrue(neither.getMessage().contains("exactly one of --pw-env") && neither.getMessage().contains("--pw-file"),
                neither.getMessage());
        var both = assertThrows(SecretUnavailableException.class,
                () -> SecretLocation.exactlyOne("V", file, "the password", "--pw-env", "--pw-file"));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        assertEquals(Optional.empty(), SecretLocation.atMostOne(null, null, "the KIc key", "--kic-env", "--kic-file"));
        assertThrows(SecretUnavailableException.class, () -> SecretLocation.atMostOne("V", file, "the KIc key", "--kic-env", "--kic-file"));
    }
}
