package org.mexe.studio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.ui.secrets.SecureStorageSecrets;

/**
 * Secrets in Eclipse secure storage: a store of its own in a temporary folder, opened with a
 * test-only master password so that nothing prompts.
 */
class SecureStorageSecretsTest {

    // Test material: a made-up keystore password, not a real one.
    private static final String TEST_PASSWORD = "test-only-Kx93vQ";

    private Path folder;
    private Path storage;
    private ISecurePreferences root;

    @BeforeEach
    void openStore() throws IOException {
        folder = Files.createTempDirectory("secure-storage");
        storage = folder.resolve("secure_storage");
        root = SecurePreferencesFactory.open(storage.toUri().toURL(), Map.of(
                IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("test-only master password".toCharArray()),
                IProviderHints.PROMPT_USER, Boolean.FALSE));
    }

    @AfterEach
    void deleteStore() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aStoredSecretIsFoundForItsLocationEncryptedOnDisk() throws Exception {
        var secrets = new SecureStorageSecrets(root);
        var location = new SecretLocation.Environment("OPERATOR_KEYSTORE_PASSWORD");
        secrets.store(location, TEST_PASSWORD.toCharArray());

        try (Secret secret = secrets.lookup(location).orElseThrow()) {
            assertEquals(TEST_PASSWORD, secret.reveal());
            assertTrue(secret.origin().contains("OPERATOR_KEYSTORE_PASSWORD"), secret.origin());
        }
        assertEquals(java.util.List.of("env:OPERATOR_KEYSTORE_PASSWORD"), secrets.storedKeys());
        String onDisk = Files.readString(storage, StandardCharsets.ISO_8859_1);
        assertFalse(onDisk.contains(TEST_PASSWORD), "secure storage holds the secret in clear text");
        assertTrue(secrets.lookup(new SecretLocation.Environment("OTHER")).isEmpty());
    }

    @Test
    void fileLocationsWithSlashesAreKeptAndRemoved() throws Exception {
        var secrets = new SecureStorageSecrets(root);
        var location = new SecretLocation.File(Path.of("/srv/operator/keys/userpin.txt"));
        secrets.store(location, "8642".toCharArray());
        assertEquals(java.util.List.of("file:/srv/operator/keys/userpin.txt"), secrets.storedKeys());

        secrets.remove(location);
        assertTrue(secrets.lookup(location).isEmpty());
        assertEquals(java.util.List.of(), secrets.storedKeys());
    }

    @Test
    void theResolverAsksSecureStorageBeforeTheEnvironment() throws Exception {
        var secrets = new SecureStorageSecrets(root);
        secrets.store(new SecretLocation.Environment("MEXE_USERPIN"), "2580".toCharArray());
        var resolver = new SecretResolver(Map.of("MEXE_USERPIN", "1111", "MEXE_OTHER", "3690"), secrets);
        try (Secret stored = resolver.resolve(new SecretLocation.Environment("MEXE_USERPIN"));
                Secret fallback = resolver.resolve(new SecretLocation.Environment("MEXE_OTHER"))) {
            assertEquals("2580", stored.reveal());
            assertEquals("3690", fallback.reveal());
        }
    }
}
