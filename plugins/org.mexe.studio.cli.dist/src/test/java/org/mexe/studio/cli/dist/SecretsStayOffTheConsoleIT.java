package org.mexe.studio.cli.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payload must carry the access point and mail passwords to the handset; nothing meant for
 * people to read may. The real command runs in a JVM of its own, so that whatever any library
 * logs to the console is searched too, and the output is owner-only.
 */
class SecretsStayOffTheConsoleIT {

    // Test material only: values that appear nowhere else, so that any occurrence is a leak.
    private static final String ACCESS_PASSWORD = "Kx7-access-canary-2931";
    private static final String MAIL_PASSWORD = "Mq4-mail-canary-8812";
    private static final String PIN = "73920461";

    private static final String SCENARIO = """
            namespace leak.test

            parameters Home {
            	gprs {
            		apn "internet.operator.example"
            		auth pap
            		user "web"
            		password file "secrets/access.txt"
            	}
            	mail {
            		smtp "smtp.operator.example" port 587 security starttls
            		imap "imap.operator.example"
            		from "subscriber@mail.operator.example"
            		user "subscriber"
            		password env "LEAK_TEST_MAIL_PASSWORD"
            	}
            }

            scenario Setup {
            	deliver Home {
            		format oma-cp
            		security userpin
            		pin file "secrets/pin.txt"
            		to "+447700900123"
            	}
            }
            """;

    @TempDir
    Path work;

    @Test
    void thePayloadCarriesThePasswordsAndTheConsoleNeverShowsThem() throws Exception {
        Path source = Files.createDirectories(work.resolve("src/secrets")).getParent();
        Files.writeString(source.resolve("setup.prov"), SCENARIO);
        Files.writeString(source.resolve("secrets/access.txt"), ACCESS_PASSWORD + "\n");
        Files.writeString(source.resolve("secrets/pin.txt"), PIN + "\n");
        Map<String, String> environment = Map.of("LEAK_TEST_MAIL_PASSWORD", MAIL_PASSWORD);
        Path out = work.resolve("out");
        Path foreign = Files.createDirectories(work.resolve("foreign"));
        Files.writeString(foreign.resolve("mine.txt"), "mine");

        List<ProvProcess.Finished> runs = List.of(
                ProvProcess.run(work, environment, "validate", source.toString()),
                ProvProcess.run(work, environment, "generate", source.toString(), "-o", out.toString()),
                ProvProcess.run(work, environment, "generate", source.toString(), "-o", foreign.toString()),
                ProvProcess.run(work, Map.of(), "generate", source.toString(), "-o", work.resolve("no-mail-password").toString()),
                ProvProcess.run(work, environment, "run", source.toString(), "--trace", work.resolve("trace.jsonl").toString()));

        assertEquals(0, runs.get(0).exitCode(), runs.get(0).err());
        assertEquals(0, runs.get(1).exitCode(), runs.get(1).err());
        assertEquals(3, runs.get(2).exitCode(), "a foreign folder is refused");
        assertEquals(3, runs.get(3).exitCode(), "an unset variable stops generation");
        assertTrue(runs.get(3).err().contains("LEAK_TEST_MAIL_PASSWORD"), "the failure names where the secret was looked for");
        assertEquals(0, runs.get(4).exitCode(), runs.get(4).out() + runs.get(4).err());
        assertTrue(runs.get(4).out().contains("MAC: valid (USERPIN, PIN typed by the user)"), runs.get(4).out());
        String trace = Files.readString(work.resolve("trace.jsonl"));
        for (String secret : List.of(ACCESS_PASSWORD, MAIL_PASSWORD, PIN)) {
            assertFalse(trace.contains(secret), () -> "a secret reached the run's trace:\n" + trace);
        }
        for (ProvProcess.Finished run : runs) {
            String console = run.out() + run.err();
            for (String secret : List.of(ACCESS_PASSWORD, MAIL_PASSWORD, PIN)) {
                assertFalse(console.contains(secret), () -> "a secret reached the console:\n" + console);
            }
        }

        String document = Files.readString(out.resolve("leak.test.Setup/01-deliver-Home/provisioning.xml"), StandardCharsets.UTF_8);
        assertTrue(document.contains("<parm name=\"AUTHSECRET\" value=\"" + ACCESS_PASSWORD + "\"/>"), document);
        assertTrue(document.contains("<parm name=\"AAUTHSECRET\" value=\"" + MAIL_PASSWORD + "\"/>"), document);
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path path : walk.toList()) {
                String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
                assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(path)), path.toString());
            }
        }
    }
}
