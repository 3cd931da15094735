package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.cp.PushMessageDecoder;
import org.mexe.studio.codec.push.PushDocumentType;
import org.mexe.studio.codec.push.PushWbxml;
import org.mexe.studio.codec.wsp.SecurityMethod;
import org.mexe.studio.codec.wsp.WspContentType;
import org.mexe.studio.codec.wsp.WspPush;
import org.mexe.studio.codec.wsp.WspPushCodec;
import org.mexe.studio.dsl.validation.PayloadValidator;
import org.mexe.studio.generator.DeliverySummary;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.Problem;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.ProvisioningPipeline.GenerationResult;
import org.mexe.studio.model.payload.NotCarried;
import org.mexe.studio.security.SecretResolver;

/**
 * Generation of every security method and format, per subscriber and with generated PINs, and
 * the faults of subscribers files.
 */
class DeliveryGenerationTest {

    private static final String SETS = """
            namespace test.gen

            parameters Home {
            	gprs { apn "internet.gen.example" auth pap user "web" }
            	wap { gateway "10.0.0.9" port 9201 homepage "http://wap.gen.example/" }
            }

            """;

    private static final String IMSI = "234150999999999";

    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve("src").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private GenerationResult generate(String scenario) throws Exception {
        return generate(scenario, new SecretResolver(Map.of()));
    }

    private GenerationResult generate(String scenario, SecretResolver secrets) throws Exception {
        Path input = write("gen.prov", SETS + scenario);
        return ProvisioningPipeline.standalone().generate(List.of(input), folder.resolve("out"), secrets);
    }

    private byte[] artefact(DeliverySummary delivery, String name) throws IOException {
        return Files.readAllBytes(folder.resolve("out").resolve(delivery.folder()).resolve(name));
    }

    private WspPush push(DeliverySummary delivery) throws IOException {
        return WspPushCodec.decode(artefact(delivery, "push.wsp"));
    }

    private List<String[]> userPins() throws IOException {
        return Files.readAllLines(folder.resolve("out").resolve(ProvisioningPipeline.USER_PINS)).stream().skip(1)
                .map(line -> line.split(",")).toList();
    }

    @Test
    void securityNoneSendsAnUnsignedPush() throws Exception {
        GenerationResult result = generate("""
                scenario Open { deliver Home { security none to "+447700900123" } }
                """);
        DeliverySummary delivery = result.deliveries().get(0);
        assertEquals("NONE", delivery.security());
        assertEquals("none", delivery.mac());
        assertEquals(Optional.empty(), push(delivery).signature());
        assertEquals(new WspContentType.WellKnown(WspPush.CONNECTIVITY_WBXML), push(delivery).contentType());
    }

    @Test
    void generatedUserPinsGoWhereTheOperatorSaysAndNowhereElse() throws Exception {
        Path input = write("gen.prov", SETS + """
                scenario Made { deliver Home { security userpin pin generated to "+447700900123" } }
                """);
        Path pinFile = folder.resolve("pin-mailer").resolve("batch-1.csv");
        GenerationResult result = ProvisioningPipeline.standalone().generate(List.of(input), folder.resolve("out"),
                new SecretResolver(Map.of()), Optional.empty(), Optional.of(pinFile));

        assertEquals(Optional.of(pinFile), result.userPins());
        assertFalse(Files.exists(folder.resolve("out").resolve(ProvisioningPipeline.USER_PINS)), "a PIN file in the output");
        assertFalse(result.files().contains(ProvisioningPipeline.USER_PINS));
        List<String> lines = Files.readAllLines(pinFile);
        assertEquals(2, lines.size(), lines::toString);
        String pin = lines.get(1).split(",")[2];
        DeliverySummary delivery = result.deliveries().get(0);
        assertTrue(new CpSecurity.UserPin(pin).verify(artefact(delivery, "provisioning.wbxml"), delivery.mac()));
        if (Files.getFileStore(pinFile).supportsFileAttributeView(PosixFileAttributeView.class)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pinFile)));
        }
    }

    @Test
    void aUserPinFileInsideTheOutputFolderIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path input = write("gen.prov", SETS + """
                scenario Made { deliver Home { security userpin pin generated to "+447700900123" } }
                """);
        Path out = folder.resolve("out");
        GenerationException refused = org.junit.jupiter.api.Assertions.assertThrows(GenerationException.class,
                () -> ProvisioningPipeline.standalone().generate(List.of(input), out, new SecretResolver(Map.of()), Optional.empty(),
                        Optional.of(out.resolve("pins.csv"))));
        assertTrue(refused.getMessage().contains("inside the output folder"), refused.getMessage());
        assertFalse(Files.exists(out), "output was written");
    }

    @Test
    void userNetwPinIsKeyedByTheImsiAndThePin() throws Exception {
        GenerationResult result = generate("""
                scenario Both { deliver Home { security usernetwpin imsi "%s" pin env "TEST_PIN" to "+447700900123" } }
                """.formatted(IMSI), new SecretResolver(Map.of("TEST_PIN", "4711")));
        DeliverySummary delivery = result.deliveries().get(0);
        WspPush push = push(delivery);
        assertEquals(SecurityMethod.USERNETWPIN, push.signature().orElseThrow().method());
        byte[] wbxml = artefact(delivery, "provisioning.wbxml");
        assertTrue(new CpSecurity.UserNetworkPin(IMSI, "4711").verify(wbxml, delivery.mac()));
        assertFalse(new CpSecurity.UserPin("4711").verify(wbxml, delivery.mac()), "the IMSI is part of the key");
    }

    @Test
    void aGeneratedUserPinIsWrittenOnlyToTheOwnerOnlyPinFile() throws Exception {
        GenerationResult result = generate("""
                scenario Made { deliver Home { security userpin pin generated to "+447700900123" } }
                """);
        DeliverySummary delivery = result.deliveries().get(0);
        List<String[]> pins = userPins();
        assertEquals(1, pins.size());
        assertEquals(delivery.folder(), pins.get(0)[0]);
        assertEquals("+447700900123", pins.get(0)[1]);
        String pin = pins.get(0)[2];
        assertTrue(pin.matches("[0-9]{4,8}"), "a 4 to 8 digit PIN");
        assertTrue(new CpSecurity.UserPin(pin).verify(artefact(delivery, "provisioning.wbxml"), delivery.mac()),
                "the PIN in the file is the one that keyed the MAC");
        Path pinFile = folder.resolve("out").resolve(ProvisioningPipeline.USER_PINS);
        if (Files.getFileStore(pinFile).supportsFileAttributeView(PosixFileAttributeView.class)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pinFile)));
        }
        for (String file : result.files()) {
            if (!file.equals(ProvisioningPipeline.USER_PINS)) {
                byte[] content = Files.readAllBytes(folder.resolve("out").resolve(file));
                assertFalse(PipelineTest.contains(content, pin.getBytes(StandardCharsets.US_ASCII)), "the PIN is in " + file);
            }
        }
        assertFalse(delivery.toString().contains(pin), "the summary holds no PIN");
        assertTrue(result.warnings().stream().noneMatch(w -> w.message().contains(pin)));
    }

    @Test
    void aGeneratedUserPinMacPinIsMadeForItsDocument() throws Exception {
        GenerationResult result = generate("""
                scenario Mac { deliver Home { security userpinmac pin generated to "+447700900123" } }
                """);
        DeliverySummary delivery = result.deliveries().get(0);
        String pin = userPins().get(0)[2];
        assertEquals(2 * 4, pin.length());
        byte[] wbxml = artefact(delivery, "provisioning.wbxml");
        CpSecurity.UserPinMac security = new CpSecurity.UserPinMac(pin);
        assertTrue(security.verify(wbxml, delivery.mac()), "the second half derives from this document");
        assertEquals(security.mac(wbxml), delivery.mac());
        assertEquals(SecurityMethod.USERPINMAC, push(delivery).signature().orElseThrow().method());
    }

    @Test
    void aGivenUserPinMacPinThatWasNotMadeForTheDocumentIsRefused() throws Exception {
        GenerationException e = assertThrows(GenerationException.class, () -> generate("""
                scenario Mac { deliver Home { security userpinmac pin env "TEST_PIN" to "+447700900123" } }
                """, new SecretResolver(Map.of("TEST_PIN", "12345678"))));
        Problem problem = e.problems().get(0);
        assertEquals(GenerationException.UNUSABLE_SECRET, problem.code());
        assertTrue(problem.message().contains("not made for this document"), problem.message());
        assertFalse(problem.message().contains("12345678"), "never the PIN in a message");
        assertFalse(Files.exists(folder.resolve("out")));
    }

    @Test
    void toSubscribersWritesOneFolderPerSubscriberKeyedByItsImsi() throws Exception {
        write("subs.csv", """
                msisdn,imsi
                +447700900001,234150000000001
                # a comment line, and a blank one

                +447700900002, 234150000000002
                """);
        GenerationResult result = generate("""
                subscribers New { file "subs.csv" columns msisdn, imsi }
                scenario PerSubscriber {
                	subscribers New
                	deliver Home { security netwpin to subscribers }
                }
                """);
        assertEquals(2, result.deliveries().size());
        String base = "test.gen.PerSubscriber/01-deliver-Home/";
        assertEquals(base + "+447700900001", result.deliveries().get(0).folder());
        assertEquals(base + "+447700900002", result.deliveries().get(1).folder());
        byte[] first = artefact(result.deliveries().get(0), "provisioning.wbxml");
        assertArrayEquals(first, artefact(result.deliveries().get(1), "provisioning.wbxml"), "the same document for everyone");
        assertTrue(new CpSecurity.NetworkPin("234150000000001").verify(first, result.deliveries().get(0).mac()));
        assertTrue(new CpSecurity.NetworkPin("234150000000002").verify(first, result.deliveries().get(1).mac()));
        assertNotEquals(result.deliveries().get(0).mac(), result.deliveries().get(1).mac());
        String tpdus = new String(artefact(result.deliveries().get(1), "sms-submit.hex"), StandardCharsets.US_ASCII);
        assertTrue(tpdus.contains("0C91447700090020"), "addressed to +447700900002: " + tpdus);
        assertFalse(Files.exists(folder.resolve("out").resolve(ProvisioningPipeline.USER_PINS)), "no PIN was made");
    }

    @Test
    void perSubscriberPinsComeFromTheFileOrAreGeneratedAndAreNotInTheManifest() throws Exception {
        write("subs.csv", "+447700900001,1111\n+447700900002,2222\n");
        GenerationResult fromFile = generate("""
                subscribers New { file "subs.csv" columns msisdn, pin }
                scenario FromFile { subscribers New deliver Home { security userpin to subscribers } }
                """);
        assertTrue(new CpSecurity.UserPin("2222").verify(artefact(fromFile.deliveries().get(1), "provisioning.wbxml"),
                fromFile.deliveries().get(1).mac()));

        GenerationResult generated = generate("""
                subscribers New { file "subs.csv" columns msisdn, pin }
                scenario Made { subscribers New deliver Home { security userpin pin generated to subscribers } }
                """);
        List<String[]> pins = userPins();
        assertEquals(List.of("+447700900001", "+447700900002"), pins.stream().map(row -> row[1]).toList());
        for (int i = 0; i < 2; i++) {
            DeliverySummary delivery = generated.deliveries().get(i);
            assertTrue(new CpSecurity.UserPin(pins.get(i)[2]).verify(artefact(delivery, "provisioning.wbxml"), delivery.mac()));
        }
        assertTrue(generated.files().contains(ProvisioningPipeline.USER_PINS));
    }

    @Test
    void aBadSubscribersFileNamesTheFileLineAndColumn() throws Exception {
        Path csv = write("subs.csv", "msisdn,imsi\n+447700900001,234150000000001\n+447700900002,23415x\n");
        GenerationException e = assertThrows(GenerationException.class, () -> generate("""
                subscribers New { file "subs.csv" columns msisdn, imsi }
                scenario PerSubscriber { subscribers New deliver Home { security netwpin to subscribers } }
                """));
        assertEquals(GenerationException.Reason.INVALID_INPUT, e.reason());
        Problem problem = e.problems().get(0);
        assertEquals(csv, problem.file());
        assertEquals(3, problem.line());
        assertEquals(15, problem.column());
        assertEquals(csv + ":3:15: error: The IMSI \"23415x\" is not valid: give 6 to 15 digits (3GPP TS 23.003).", problem.format());
    }

    @Test
    void faultsOfSubscribersFilesAreNamed() throws Exception {
        String scenario = """
                subscribers New { file "subs.csv" columns msisdn, pin }
                scenario S { subscribers New deliver Home { security userpin to subscribers } }
                """;
        record Case(String csv, int line, int column, String message) {
        }
        for (Case c : List.of(
                new Case("+447700900001,1111,extra\n", 1, 20, "Line 1 has 3 field(s), but the columns msisdn, pin need 2"),
                new Case("447-700,1111\n", 1, 1, "The MSISDN \"447-700\" is not a phone number"),
                // As in a delivery's 'to': no E.164 country code starts with 0.
                new Case("+447700900001,1111\n+0447700900002,2222\n", 2, 1, "The MSISDN \"+0447700900002\" is not a phone number"),
                new Case("+447700900001,1111\n+447700900001,2222\n", 2, 1, "The MSISDN +447700900001 is already on line 1"),
                new Case("+447700900001,\n", 1, 15, "The PIN on line 1 is empty"),
                new Case("\"+447700900001,1111\n", 1, 1, "does not end on this line"),
                new Case("# nobody yet\n", 0, 0, "lists no subscriber"))) {
            Path csv = write("subs.csv", c.csv());
            GenerationException e = assertThrows(GenerationException.class, () -> generate(scenario), c.csv());
            Problem problem = e.problems().get(0);
            assertEquals(csv, problem.file(), c.csv());
            assertEquals(List.of(c.line(), c.column()), List.of(problem.line(), problem.column()), c.csv());
            assertTrue(problem.message().contains(c.message()), problem.message());
        }
        Files.delete(folder.resolve("src/subs.csv"));
        GenerationException missing = assertThrows(GenerationException.class, () -> generate(scenario));
        assertTrue(missing.problems().get(0).format().contains("gen.prov:"), "placed at the subscribers element");
        assertTrue(missing.problems().get(0).message().contains("does not exist"), missing.problems().get(0).message());
    }

    @Test
    void aMissingColumnTheMethodNeedsIsNamedInTheProvFile() throws Exception {
        write("subs.csv", "+447700900001\n");
        GenerationException e = assertThrows(GenerationException.class, () -> generate("""
                subscribers New { file "subs.csv" columns msisdn }
                scenario S { subscribers New deliver Home { security netwpin to subscribers } }
                """));
        assertTrue(e.problems().get(0).message().contains("imsi column"), e.problems().get(0).message());
        assertTrue(e.problems().get(0).file().toString().endsWith("gen.prov"));
    }

    @Test
    void nokiaOtaGoesToPort49999UnsignedAndWarnsOfWhatItCannotCarry() throws Exception {
        GenerationResult result = generate("""
                parameters WithMail extends Home { mail { smtp "smtp.gen.example" } }
                scenario Old { deliver WithMail { format nokia-ota security none to "+447700900123" } }
                """);
        DeliverySummary delivery = result.deliveries().get(0);
        assertEquals("NONE", delivery.security());
        byte[] push = artefact(delivery, "push.wsp");
        var decoded = (PushMessageDecoder.Push) PushMessageDecoder.decode(push);
        assertEquals(PushDocumentType.NOKIA_OTA_SETTINGS, decoded.type());
        assertEquals(PushWbxml.decode(PushDocumentType.NOKIA_OTA_SETTINGS, artefact(delivery, "provisioning.wbxml")), decoded.document());
        String tpdu = new String(artefact(delivery, "sms-submit.hex"), StandardCharsets.US_ASCII).lines().findFirst().orElseThrow();
        assertTrue(tpdu.contains("0504C34FC002"), "WDP ports 49999 from 49154: " + tpdu);
        List<Problem> notCarried = result.warnings().stream().filter(w -> NotCarried.CODE.equals(w.code())).toList();
        assertEquals(1, notCarried.size(), () -> result.warnings().toString());
        assertTrue(notCarried.get(0).message().startsWith("The Nokia OTA document cannot carry mail of the parameter set 'WithMail'"),
                notCarried.get(0).message());
    }

    @Test
    void theRealPayloadIsCheckedAgainstTheHandsetsToo() throws Exception {
        // The validator counts the password as 16 characters; the real one is far longer.
        String scenario = """
                parameters Long { gprs { apn "internet.gen.example" auth pap user "web" password env "LONG_PASSWORD" } }
                handset Small { concatenated-sms max 1 segments }
                scenario S { handsets Small deliver Long { security none to "+447700900123" } }
                """;
        generate(scenario, new SecretResolver(Map.of("LONG_PASSWORD", "short")));
        GenerationException e = assertThrows(GenerationException.class,
                () -> generate(scenario, new SecretResolver(Map.of("LONG_PASSWORD", "p".repeat(200)))));
        Problem problem = e.problems().get(0);
        assertEquals(PayloadValidator.TOO_MANY_SEGMENTS, problem.code());
        assertTrue(problem.message().startsWith("This delivery needs 3 SMS, but the handset 'Small' takes at most 1 concatenated SMS"),
                problem.message());
        assertFalse(problem.message().contains("ppp"), "never the secret");
    }
}
