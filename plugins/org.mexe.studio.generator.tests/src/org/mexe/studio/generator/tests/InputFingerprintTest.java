package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.generator.InputFingerprint;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.security.SecretResolver;

/** The fingerprint changes with everything a generation reads, and only then. */
class InputFingerprintTest {

    // Test material only: made-up PINs and passwords.
    private static final String SOURCE = """
            namespace test.fingerprint

            parameters Home {
            	gprs { apn "internet.fp.example" auth pap user "web" password env "FP_TEST_PASSWORD" }
            }

            scenario Setup {
            	deliver Home {
            		to "+447700900123"
            		security userpin
            		pin file "secrets/pin.txt"
            	}
            }
            """;

    @TempDir
    Path folder;

    private String fingerprint(Map<String, String> environment, Map<String, String> settings) throws Exception {
        SecretResolver secrets = new SecretResolver(environment);
        var loaded = ProvisioningPipeline.standalone().load(List.of(folder.resolve("src")), secrets);
        return InputFingerprint.of(loaded, secrets, settings);
    }

    @Test
    void changesWithTheSourceTheFilesItNamesTheEnvironmentItNamesAndTheSettings() throws Exception {
        Path source = folder.resolve("src/setup.prov");
        Files.createDirectories(source.getParent().resolve("secrets"));
        Files.writeString(source, SOURCE);
        Files.writeString(source.getParent().resolve("secrets/pin.txt"), "1234\n");
        Map<String, String> environment = Map.of("FP_TEST_PASSWORD", "test-only-1");
        Map<String, String> settings = Map.of("outputDirectory", "/tmp/out");

        String first = fingerprint(environment, settings);
        assertEquals(first, fingerprint(environment, settings), "the same inputs give the same fingerprint");
        assertFalse(first.contains("1234"));

        Files.writeString(source.getParent().resolve("secrets/pin.txt"), "4321\n");
        String otherPin = fingerprint(environment, settings);
        assertNotEquals(first, otherPin, "a PIN file the source names is an input");

        String otherPassword = fingerprint(Map.of("FP_TEST_PASSWORD", "test-only-2"), settings);
        assertNotEquals(otherPin, otherPassword, "an environment variable the source names is an input");
        assertEquals(otherPin, fingerprint(Map.of("FP_TEST_PASSWORD", "test-only-1", "UNRELATED", "x"), settings),
                "variables the source does not name are not");

        assertNotEquals(otherPin, fingerprint(environment, Map.of("outputDirectory", "/tmp/elsewhere")), "settings are inputs");

        Files.writeString(source, SOURCE.replace("internet.fp.example", "web.fp.example"));
        assertNotEquals(otherPin, fingerprint(environment, settings), "the source itself is an input");

        Files.writeString(source.getParent().resolve("unrelated.txt"), "notes");
        Files.writeString(source, SOURCE);
        assertEquals(otherPin, fingerprint(environment, settings), "a file nobody names is not an input");
    }
}
