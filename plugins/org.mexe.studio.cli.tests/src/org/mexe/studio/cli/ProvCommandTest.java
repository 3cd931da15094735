package org.mexe.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.security.SecretResolver;

class ProvCommandTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("prov.examples", "../../examples"));
    // Test material only.
    private static final String TEST_PIN = "40718253";

    @TempDir
    Path folder;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run prov(SecretResolver secrets, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Prov.run(args, new PrintWriter(out, true), new PrintWriter(err, true), secrets);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static Run prov(String... args) {
        return prov(new SecretResolver(Map.of("PIN", TEST_PIN)), args);
    }

    private Path file(String text) throws Exception {
        return Files.writeString(folder.resolve("input.prov"), text);
    }

    private static final String VALID = """
            namespace cli.test

            parameters Home {
            	gprs {
            		apn "internet.operator.example"
            	}
            }

            scenario Setup {
            	deliver Home {
            		format oma-cp
            		security userpin
            		pin env "PIN"
            		to "+447700900123"
            	}
            }
            """;

    @Test
    void validatePrintsCompilerStyleProblemsAndFails() throws Exception {
        Path input = file(VALID.replace("internet.operator.example", "bad apn!"));
        Run run = prov("validate", input.toString());
        assertEquals(Prov.EXIT_INVALID_INPUT, run.exitCode());
        assertTrue(run.err().startsWith(input + ":5:7: error: The APN \"bad apn!\" is not valid"), run.err());
        assertTrue(run.out().contains("1 file(s) checked: 1 error(s), 0 warning(s)."), run.out());
    }

    @Test
    void validateCountsNotesApartFromWarnings() throws Exception {
        // A keystore whose password is not set here: its certificates go unchecked, which is a note, not a warning.
        Files.write(folder.resolve("operator.p12"), new byte[] { 0x30 });
        Path input = file("""
                namespace cli.notes

                keystore OperatorKeys {
                	file "operator.p12"
                	password env "PROV_TEST_PASSWORD_NOT_SET"
                }
                """);
        Run run = prov("validate", input.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("1 file(s) checked: 0 error(s), 0 warning(s), 1 note(s)."), run.out());
        assertTrue(run.out().contains(": info: The keystore OperatorKeys was not opened"), run.out());
    }

    @Test
    void validateOfAValidFileSucceeds() throws Exception {
        Run run = prov("validate", file(VALID).toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
    }

    @Test
    void generatedUserPinsGoToTheFileTheOperatorNames() throws Exception {
        Path out = folder.resolve("out");
        Path pins = folder.resolve("mailer/pins.csv");
        Run run = prov(new SecretResolver(Map.of()), "generate", file(VALID.replace("pin env \"PIN\"", "pin generated")).toString(),
                "-o", out.toString(), "--user-pins", pins.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(pins + ": the generated USERPINs"), run.out());
        String pin = Files.readAllLines(pins).get(1).split(",")[2];
        assertFalse(run.out().contains(pin) || run.err().contains(pin), "the PIN was printed");
        assertFalse(Files.exists(out.resolve("userpins.csv")));
    }

    @Test
    void generateWritesArtefactsAndReportsWithoutTheSecret() throws Exception {
        Path out = folder.resolve("out");
        Run run = prov("generate", file(VALID).toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("cli.test.Setup stage 1: 1 SMS"), run.out());
        assertTrue(run.out().contains("SEC=USERPIN MAC="), run.out());
        assertTrue(Files.isRegularFile(out.resolve("cli.test.Setup/01-deliver-Home/sms-submit.hex")));
        assertFalse((run.out() + run.err()).contains(TEST_PIN), "the PIN was printed");
    }

    @Test
    void aMissingSecretIsAGenerationFailureThatNamesIt() throws Exception {
        Run run = prov(new SecretResolver(Map.of()), "generate", file(VALID).toString(), "-o", folder.resolve("out").toString());
        assertEquals(Prov.EXIT_GENERATION_FAILED, run.exitCode());
        assertTrue(run.err().contains("input.prov:13:7: error: The environment variable PIN is not set"), run.err());
    }

    @Test
    void aMissingFileIsNamed() {
        Run run = prov("validate", folder.resolve("absent.prov").toString());
        assertEquals(Prov.EXIT_INVALID_INPUT, run.exitCode());
        assertTrue(run.err().contains("absent.prov does not exist"), run.err());
    }

    @Test
    void demoGeneratesTheBundledExamplesSignedWithTheDemoPki() throws Exception {
        Path out = folder.resolve("demo");
        Path pki = folder.resolve("pki");
        Run run = prov(new SecretResolver(Map.of()), "demo", "--examples", EXAMPLES.toString(), "-o", out.toString(), "--pki", pki.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("DEMO-ONLY"), run.out());
        assertTrue(run.out().contains("Created a DEMO-ONLY PKI in " + pki), run.out());
        assertTrue(run.out().contains("demo.operator.NewHandset stage 1:"), run.out());
        assertTrue(Files.isRegularFile(out.resolve("demo.operator.NewHandset/01-deliver-HomeNetwork/provisioning.wbxml")));

        Path root = pki.resolve("operator-root.pem");
        Run verify = prov("verify", out.toString(), "--trust", root.toString());
        assertEquals(0, verify.exitCode(), verify.err());
        long artefacts;
        try (var files = Files.walk(out)) {
            // every file of the output but the manifest, its signature and the output folder's marker
            artefacts = files.filter(Files::isRegularFile).count() - 3;
        }
        assertTrue(verify.out().startsWith("Verified: " + artefacts + " file(s) complete and untouched, signed by CN=Operator Code Signing"),
                verify.out());

        Files.writeString(out.resolve("demo.operator.NewHandset/01-deliver-HomeNetwork/provisioning.xml"), "<tampered/>");
        Run tampered = prov("verify", out.toString(), "--trust", root.toString());
        assertEquals(Prov.EXIT_INVALID_INPUT, tampered.exitCode());
        assertTrue(tampered.err().contains("provisioning.xml was changed"), tampered.err());

        // The SIM updates' packets: counters from the store beside the output, readable by prov ota decode with the demo keys.
        assertTrue(run.out().contains("SIM update SimKeys via FjordCards: 24 secured packets"), run.out());
        assertEquals(List.of("48"), Files.readAllLines(folder.resolve("demo-ota-counters/key-set-1.cntr")), "two updates of 24 packets");
        Path packets = out.resolve("fjord.scenarios.NewSubscriber/06-sim-update/packets.hex");
        String firstPacket = Files.readAllLines(packets).get(0);
        Path packet = Files.writeString(folder.resolve("packet.hex"), firstPacket);
        Path secrets = EXAMPLES.resolve("demo-secrets");
        Run decode = prov("ota", "decode", packet.toString(), "--kic-file", secrets.resolve("DEMO-ONLY-ota-kic.hex").toString(), "--kid-file",
                secrets.resolve("DEMO-ONLY-ota-kid.hex").toString());
        assertEquals(0, decode.exitCode(), decode.err());
        assertTrue(decode.out().contains("KIc: 12") && decode.out().contains("TAR: B00010") && decode.out().contains("CC: valid")
                && decode.out().contains("Data: 00A4080C067FFF5F3C4F44"), decode.out());

        Run again = prov(new SecretResolver(Map.of()), "demo", "--examples", EXAMPLES.toString(), "-o", out.toString(), "--pki", pki.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(!again.out().contains("Created a DEMO-ONLY PKI"), "the demo PKI is made once");
        assertEquals(List.of("96"), Files.readAllLines(folder.resolve("demo-ota-counters/key-set-1.cntr")), "a new run, new counters");
        assertTrue(!Files.readAllLines(packets).get(0).equals(firstPacket), "a counter is never used twice, so the packets differ");
    }

    @Test
    void keysInitAndListAndSignedGenerate() throws Exception {
        Path pki = folder.resolve("keys");
        Run init = prov("keys", "init", pki.toString());
        assertEquals(0, init.exitCode(), init.err());
        Path p12 = pki.resolve("DEMO-ONLY-pki.p12");
        String password = Files.readString(pki.resolve("DEMO-ONLY-pki-password.txt")).strip();
        Run list = prov(new SecretResolver(Map.of("P12_PASSWORD", password)), "keys", "list", p12.toString(), "--password-env", "P12_PASSWORD");
        assertEquals(0, list.exitCode(), list.err());
        assertEquals(4, list.out().lines().count(), list.out());
        assertTrue(list.out().contains("operator-signing     key"), list.out());
        assertTrue(!list.out().contains(password), "the password was printed");

        Run wrong = prov(new SecretResolver(Map.of("P12_PASSWORD", "wrong")), "keys", "list", p12.toString(), "--password-env", "P12_PASSWORD");
        assertEquals(Prov.EXIT_INVALID_INPUT, wrong.exitCode());
        assertTrue(wrong.err().contains("Wrong password for the keystore " + p12), wrong.err());

        Path out = folder.resolve("signed");
        Run generate = prov(new SecretResolver(Map.of("PIN", TEST_PIN, "P12_PASSWORD", password)), "generate", file(VALID).toString(),
                "-o", out.toString(), "--sign-keystore", p12.toString(), "--sign-password-env", "P12_PASSWORD");
        assertEquals(0, generate.exitCode(), generate.err());
        assertTrue(Files.isRegularFile(out.resolve("MANIFEST.sha256.p7s")));
        assertEquals(0, prov("verify", out.toString(), "--trust", pki.resolve("operator-root.pem").toString()).exitCode());
        Run untrusted = prov("verify", out.toString(), "--trust", pki.resolve("manufacturer-root.pem").toString());
        assertEquals(Prov.EXIT_INVALID_INPUT, untrusted.exitCode());
        assertTrue(untrusted.err().contains("is not trusted"), untrusted.err());
    }

    @Test
    void everyCommandHasHelpAndWrongUsageExitsWith2() {
        for (String command : new String[] { "validate", "generate", "demo" }) {
            Run run = prov(command, "--help");
            assertEquals(0, run.exitCode());
            assertTrue(run.out().startsWith("Usage: prov " + command), run.out());
        }
        assertEquals(2, prov("generate", "x.prov").exitCode(), "-o is required");
        assertEquals(2, prov("frobnicate").exitCode());
    }

    @Test
    void anUnknownCommandIsAnErrorEvenWithHelp() {
        for (String[] args : new String[][] { { "frobnicate", "--help" }, { "frobnicate" }, { "genrate", "-h" } }) {
            Run run = prov(args);
            assertEquals(Prov.EXIT_USAGE, run.exitCode(), String.join(" ", args));
            assertEquals("", run.out(), "no help on standard output, as if all were well");
            assertTrue(run.err().startsWith("prov: unknown command '" + args[0] + "'."), run.err());
            assertTrue(run.err().contains("The commands are: validate, generate, demo"), run.err());
        }
        assertTrue(prov("genrate").err().contains("Did you mean: generate"), "a near miss gets a suggestion");
        Run nested = prov("cp", "encdoe", "--help");
        assertEquals(Prov.EXIT_USAGE, nested.exitCode());
        assertTrue(nested.err().startsWith("prov cp: unknown command 'encdoe'."), nested.err());
    }

    @Test
    void anUnknownOptionIsNamedBeforeAMissingOne() {
        Run run = prov("generate", "--ouptut", "out", "x.prov");
        assertEquals(Prov.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().startsWith("prov generate: unknown option '--ouptut'."), run.err());
        assertTrue(run.err().contains("See 'prov generate --help'."), run.err());
    }

    @Test
    void aGroupWithoutItsCommandIsAUsageError() {
        for (String group : new String[] { "", "cp", "keys", "jad", "ota" }) {
            Run run = group.isEmpty() ? prov() : prov(group);
            assertEquals(Prov.EXIT_USAGE, run.exitCode(), group);
            assertTrue(run.err().contains("Give a command: "), run.err());
            assertTrue(run.err().contains("Usage: prov"), run.err());
        }
    }

    @Test
    void jadSignAndVerify() throws Exception {
        Path pki = folder.resolve("jad-pki");
        assertEquals(0, prov("keys", "init", pki.toString()).exitCode());
        String password = Files.readString(pki.resolve("DEMO-ONLY-pki-password.txt")).strip();
        Path jad = Files.writeString(folder.resolve("bootstrap.jad"), "MIDlet-Name: Bootstrap\nMIDlet-Version: 1.0\n");
        Path jar = Files.write(folder.resolve("bootstrap.jar"), new byte[] { 'P', 'K', 3, 4, 1, 2, 3 });
        Run sign = prov(new SecretResolver(Map.of("P12_PASSWORD", password)), "jad", "sign", jad.toString(), jar.toString(),
                "--sign-keystore", pki.resolve("DEMO-ONLY-pki.p12").toString(), "--sign-password-env", "P12_PASSWORD");
        assertEquals(0, sign.exitCode(), sign.err());
        assertTrue(Files.readString(jad).contains("MIDlet-Jar-RSA-SHA1: "), Files.readString(jad));
        Run verify = prov("jad", "verify", jad.toString(), jar.toString(), "--trust", pki.resolve("operator-root.pem").toString());
        assertEquals(0, verify.exitCode(), verify.err());
        Files.write(jar, new byte[] { 'P', 'K', 3, 4, 1, 2, 4 });
        Run tampered = prov("jad", "verify", jad.toString(), jar.toString(), "--trust", pki.resolve("operator-root.pem").toString());
        assertEquals(Prov.EXIT_INVALID_INPUT, tampered.exitCode());
        assertTrue(tampered.err().contains(jad + ": The JAR does not match MIDlet-Jar-RSA-SHA1"), tampered.err());
    }
}
