package org.mexe.studio.security.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SecretStore;
import org.mexe.studio.security.SecretUnavailableException;

class SecretResolverTest {

    // Test material: a made-up PIN, not a real one.
    private static final String TEST_PIN = "73915";

    @TempDir
    Path folder;

    @Test
    void aLocationWrittenAsTextIsAVariableOrAFileAndNothingElse() {
        assertEquals(Optional.of(new SecretLocation.Environment("PROV_SIGNING_PASSWORD")),
                SecretLocation.parse("  env   PROV_SIGNING_PASSWORD "));
        assertEquals(Optional.of(new SecretLocation.File(Path.of("/home/me/my keys/password.txt"))),
                SecretLocation.parse("file /home/me/my keys/password.txt"));
        for (String notALocation : new String[] { "", "env", "env   ", "file", "s3cret", "ENV NAME", "variable NAME" }) {
            assertEquals(Optional.empty(), SecretLocation.parse(notALocation), notALocation);
        }
    }

    @Test
    void readsAnEnvironmentVariable() throws Exception {
        var resolver = new SecretResolver(Map.of("PIN", TEST_PIN));
        try (Secret secret = resolver.resolve(new SecretLocation.Environment("PIN"))) {
            assertEquals(TEST_PIN, secret.reveal());
            assertEquals("environment variable PIN", secret.origin());
        }
    }

    @Test
    void readsAFileLessOneTrailingLineBreak() throws Exception {
        Path file = folder.resolve("pin.txt");
        Files.writeString(file, TEST_PIN + "\r\n");
        try (Secret secret = new SecretResolver(Map.of()).resolve(new SecretLocation.File(file))) {
            assertArrayEquals(TEST_PIN.getBytes(StandardCharsets.UTF_8), secret.bytes());
        }
    }

    @Test
    void neverPrintsItsValue() throws Exception {
        Secret secret = new SecretResolver(Map.of("PIN", TEST_PIN)).resolve(new SecretLocation.Environment("PIN"));
        assertFalse(secret.toString().contains(TEST_PIN), secret.toString());
        assertTrue(secret.toString().contains("PIN"));
    }

    @Test
    void closeWipesTheValue() throws Exception {
        Secret secret = new SecretResolver(Map.of("PIN", TEST_PIN)).resolve(new SecretLocation.Environment("PIN"));
        secret.close();
        assertArrayEquals(new byte[TEST_PIN.length()], secret.bytes());
    }

    @Test
    void aMissingVariableNamesTheVariable() {
        var e = assertThrows(SecretUnavailableException.class,
                () -> new SecretResolver(Map.of()).resolve(new SecretLocation.Environment("OPERATOR_PIN")));
        assertTrue(e.getMessage().contains("OPERATOR_PIN") && e.getMessage().contains("not set"), e.getMessage());
    }

    @Test
    void aMissingOrEmptyFileNamesTheFile() throws Exception {
        Path missing = folder.resolve("absent.txt");
        var e = assertThrows(SecretUnavailableException.class, () -> new SecretResolver(Map.of()).resolve(new SecretLocation.File(missing)));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
        Path empty = Files.writeString(folder.resolve("empty.txt"), "\n");
        e = assertThrows(SecretUnavailableException.class, () -> new SecretResolver(Map.of()).resolve(new SecretLocation.File(empty)));
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
    }

    @Test
    void aStoreAnswersBeforeTheEnvironmentAndFallsBackToIt() throws Exception {
        var environment = Map.of("PIN", TEST_PIN, "OTHER", "2468");
        SecretStore store = location -> location.key().equals("env:PIN")
                ? Optional.of(Secret.of("86420", "secure storage")) : Optional.empty();
        var resolver = new SecretResolver(environment, store);
        try (Secret stored = resolver.resolve(new SecretLocation.Environment("PIN"));
                Secret fromEnvironment = resolver.resolve(new SecretLocation.Environment("OTHER"))) {
            assertEquals("86420", stored.reveal());
            assertEquals("secure storage", stored.origin());
            assertEquals("2468", fromEnvironment.reveal());
        }
    }

    @Test
    void fileKeysAreAbsoluteSoThatOneStoreServesEveryWorkingFolder() {
        Path relative = Path.of("secrets", "..", "pin.txt");
        assertEquals("file:" + Path.of("pin.txt").toAbsolutePath(), new SecretLocation.File(relative).key());
        assertEquals("env:MEXE_PIN", new SecretLocation.Environment("MEXE_PIN").key());
    }
}
