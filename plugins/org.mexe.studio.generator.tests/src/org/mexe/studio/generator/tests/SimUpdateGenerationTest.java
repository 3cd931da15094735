package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.ota.BlockCipher;
import org.mexe.studio.codec.ota.CommandPacket;
import org.mexe.studio.codec.ota.OtaKeys;
import org.mexe.studio.codec.ota.SimOtaCodec;
import org.mexe.studio.codec.sms.SmsSubmit;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.StageReport;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SimOtaKeys;
import org.mexe.studio.testing.PeerTools;

/**
 * SIM updates ({@code update-sim ... via}): SIM OTA secured packets that write the operator root
 * into DF_MExE. The keys are pySim's public SJA5 AES-128 key set (key version 2, TAR B00011, as in
 * its tests/unittests/test_ota.py); {@code sim-update-sja5-aes128.hex} is what this model gives
 * with the counters 1 to 12, and {@code sim-update-sja5-aes128.pysim.txt} is what osmocom pySim
 * (commit a437d11, pySim.ota.OtaDialectSms.decode_cmd and pySim.apdu.ts_102_221) read from it:
 * it deciphered every packet and checked its CC with those keys, and parsed each command. pySim
 * is neither in Debian nor on Maven Central, so its reading is kept here; {@code
 * tools/pysim-sim-update-check} made it.
 */
class SimUpdateGenerationTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("prov.examples", "../../examples"));
    private static final String KIC = "200102030405060708090a0b0c0d0e0f";
    private static final String KID = "201102030405060708090a0b0c0d0e0f";
    private static final int KEY_OCTET = BlockCipher.AES.identifier(2);
    private static final String UPDATE = "sim.test.Update/04-sim-update/";

    @TempDir
    Path sources;

    @TempDir
    Path work;

    private Path model() throws IOException {
        Files.writeString(sources.resolve("kic.hex"), KIC + "\n");
        Files.writeString(sources.resolve("kid.hex"), KID + "\n");
        return Files.writeString(sources.resolve("sim.prov"), """
                namespace sim.test

                certificate Root {
                	file "%s"
                	stored-on sim
                }

                domain Operator is operator {
                	roots Root
                }

                parameters Keys {
                	public-keys Root
                }

                parameters Settings {
                	gprs {
                		apn "internet"
                	}
                }

                sim-ota Cards {
                	kic file "kic.hex"
                	kid file "kid.hex"
                	key-set 2
                	algorithm aes
                	tar "B00011"
                }

                bootstrap-app Boot {
                	classmark 3
                }

                server Web {
                	url "http://127.0.0.1:8080/"
                	hosts Boot at "boot.jad"
                }

                handset Phone {
                	classmarks 3
                }

                scenario Update {
                	handsets Phone
                	deliver Settings {
                		security none
                		to "+447700900123"
                	}
                	connect Web
                	download Boot
                	run Boot {
                		update-sim Keys, Settings via Cards
                	}
                }
                """.formatted(certificateFile()));
    }

    private static Path certificateFile() {
        return EXAMPLES.resolve("brief/trust/third-party-ca.pem").toAbsolutePath().normalize();
    }

    private ProvisioningPipeline.GenerationResult generate(Path model, Path counters, Path out) throws GenerationException {
        return ProvisioningPipeline.standalone().withOtaCounters(counters).generate(List.of(model), out, new SecretResolver(Map.of()));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.US_ASCII);
    }

    @Test
    void theBytesWithAFreshCounterStoreAreThoseThatPySimRead() throws Exception {
        Path model = model();
        var result = generate(model, work.resolve("counters"), work.resolve("out"));
        List<String> packets = lines(work.resolve("out").resolve(UPDATE + "packets.hex"));
        assertEquals(resource("sim-update-sja5-aes128.hex").lines().toList(), packets,
                "a fresh counter store starts at 1, and the same model with the same counters gives the same bytes");
        // A second fresh store: byte for byte the same again.
        generate(model, work.resolve("other-counters"), work.resolve("again"));
        assertEquals(packets, lines(work.resolve("again").resolve(UPDATE + "packets.hex")));

        StageReport report = result.stages().stream().filter(s -> s.summary().startsWith("SIM update")).findFirst().orElseThrow();
        assertTrue(report.summary().contains("12 secured packets") && report.summary().contains("CNTR 1–12")
                && report.summary().contains("Root in EF_ORPK record 1 and EF_TKCDF 4F44"), report.summary());
        assertTrue(report.summary().endsWith("; Settings gprs: not written to the SIM because no (U)SIM file holds access point"
                + " settings (EF_ACL, 6F57, is a list of allowed APNs, not their settings); the handset keeps it: send it with 'deliver'"
                + " or 'update-phone'"), report.summary());
        assertEquals(List.of(UPDATE + "packets.hex", UPDATE + "sms-submit.hex", UPDATE + "commands.txt"), report.written());
        assertTrue(result.files().contains(UPDATE + "packets.hex") && result.files().contains(UPDATE + "sms-submit.hex"),
                "the packets are artefacts of the signed manifest like every other file");
    }

    @Test
    void keysFromAKeystoreGiveTheSameBytes() throws Exception {
        Path model = model();
        Path p12 = sources.resolve("ota.p12");
        SimOtaKeys.store(p12, Secret.of("p12-test-password", "test"), 2, "AES", Hex.decode(KIC), Hex.decode(KID));
        String text = Files.readString(model).replace("""
                	kic file "kic.hex"
                	kid file "kid.hex"
                """, """
                	keystore OtaKeys
                """) + """

                keystore OtaKeys {
                	file "ota.p12"
                	password env "OTA_P12_PASSWORD"
                }
                """;
        Files.writeString(model, text);
        ProvisioningPipeline.standalone().withOtaCounters(work.resolve("counters")).generate(List.of(model), work.resolve("out"),
                new SecretResolver(Map.of("OTA_P12_PASSWORD", "p12-test-password")));
        assertEquals(resource("sim-update-sja5-aes128.hex").lines().toList(), lines(work.resolve("out").resolve(UPDATE + "packets.hex")),
                "key set 2 of the keystore (kic-2, kid-2) is the same key set as the hex files");
    }

    @Test
    void pySimsReadingOfEveryCommandIsOurs() throws Exception {
        List<byte[]> commands = new ArrayList<>();
        for (String line : resource("sim-update-sja5-aes128.hex").lines().toList()) {
            CommandPacket packet = SimOtaCodec.decodeCommand(Hex.decode(line), OtaKeys.of(Hex.decode(KIC), Hex.decode(KID)));
            assertEquals(0xB00011, packet.tar());
            assertEquals(KEY_OCTET, packet.kic());
            byte[] data = packet.data();
            for (int at = 0; at < data.length; at += 5 + (data[at + 4] & 0xFF)) {
                commands.add(Arrays.copyOfRange(data, at, at + 5 + (data[at + 4] & 0xFF)));
            }
        }
        // pySim: "  UiccSelect {...'p3': 6} 7FFF5F3C4F44" and the like, one line per command, in order.
        Pattern command = Pattern.compile("^  (\\w+) \\{(.*)\\} ([0-9A-F]+)$");
        List<String[]> read = new ArrayList<>();
        int packetsChecked = 0;
        for (String line : resource("sim-update-sja5-aes128.pysim.txt").lines().toList()) {
            if (line.startsWith("packet ")) {
                assertTrue(line.contains("TAR B00011") && line.contains("CC checked") && line.contains("'ciphering': True")
                        && line.contains("counter_must_be_higher"), line);
                packetsChecked++;
                continue;
            }
            Matcher m = command.matcher(line);
            assertTrue(m.matches(), line);
            read.add(new String[] { m.group(1), m.group(2), m.group(3) });
        }
        assertEquals(12, packetsChecked);
        assertEquals(read.size(), commands.size());
        ByteArrayOutputStream certificate = new ByteArrayOutputStream();
        for (int i = 0; i < commands.size(); i++) {
            byte[] apdu = commands.get(i);
            String kind = read.get(i)[0];
            assertEquals(Hex.encode(Arrays.copyOfRange(apdu, 5, apdu.length)), read.get(i)[2], "command " + (i + 1) + "'s data");
            switch (apdu[1] & 0xFF) {
                case 0xA4 -> {
                    assertEquals("UiccSelect", kind);
                    assertTrue(read.get(i)[1].contains("'p1': 'path_from_mf'") && read.get(i)[1].contains("'return': 'no_data'"), read.get(i)[1]);
                }
                case 0xD6 -> {
                    assertEquals("UpdateBinary", kind);
                    // pySim computes the offset as (P1 & 7F) << 8 AND P2 (an OR was meant), so the offset is checked here.
                    assertEquals(certificate.size(), (apdu[2] & 0x7F) << 8 | apdu[3] & 0xFF, "the chunks follow each other");
                    certificate.writeBytes(Arrays.copyOfRange(apdu, 5, apdu.length));
                }
                case 0xDC -> {
                    assertEquals("UpdateRecord", kind);
                    assertTrue(read.get(i)[1].contains("'record_number': 1"), read.get(i)[1]);
                    assertEquals(0x04, apdu[3], "absolute record mode");
                }
                default -> throw new AssertionError("unexpected command " + Hex.encode(apdu));
            }
        }
        X509Certificate root;
        try (InputStream in = Files.newInputStream(certificateFile())) {
            root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertArrayEquals(root.getEncoded(), certificate.toByteArray(), "EF_TKCDF 4F44 receives the certificate's DER, whole");
        String selects = String.join(",", read.stream().filter(r -> r[0].equals("UiccSelect")).map(r -> r[2]).distinct().toList());
        assertEquals("7FFF5F3C4F44,7FFF5F3C4F41", selects, "the certificate file, then EF_ORPK, both in DF_MExE of the USIM");
        // EF_ORPK record: FE 01 01, EF_TKCDF 4F44, offset 0, length, 20-octet key identifier = the certificate's subject key identifier.
        String record = read.get(read.size() - 1)[2];
        byte[] ski = root.getExtensionValue("2.5.29.14");
        String keyIdentifier = Hex.encode(Arrays.copyOfRange(ski, ski.length - 20, ski.length));
        assertEquals("FE01014F440000" + "%04X".formatted(root.getEncoded().length) + "14" + keyIdentifier, record);
    }

    @Test
    void theSmsSubmitsCarryThePacketsToTheDeliveredNumber() throws Exception {
        generate(model(), work.resolve("counters"), work.resolve("out"));
        List<String> packets = lines(work.resolve("out").resolve(UPDATE + "packets.hex"));
        List<String> submits = lines(work.resolve("out").resolve(UPDATE + "sms-submit.hex"));
        assertEquals(packets.size(), submits.size());
        for (int i = 0; i < submits.size(); i++) {
            SmsSubmit submit = SmsSubmitCodec.decode(Hex.decode(submits.get(i)));
            assertEquals(SimOtaCodec.PID, submit.protocolIdentifier());
            assertEquals(SimOtaCodec.DCS, submit.dataCodingScheme());
            assertEquals("447700900123", submit.destination().digits());
            byte[] userData = new byte[3 + submit.payload().length];
            System.arraycopy(submit.header().encode(), 0, userData, 0, 3);
            System.arraycopy(submit.payload(), 0, userData, 3, submit.payload().length);
            assertEquals("027000", Hex.encode(Arrays.copyOf(userData, 3)), "UDH with IEI 70, the command packet identifier");
            assertEquals(packets.get(i), Hex.encode(SimOtaCodec.commandPacket(userData)));
            assertTrue(userData.length <= SimOtaCodec.MAX_USER_DATA);
        }
    }

    /** tshark, an independent SMS dissector, reads each SMS-SUBMIT as (U)SIM data download with the command packet after IEI 70. */
    @Test
    void tsharkReadsTheSmsSubmitsAsSimDataDownload() throws Exception {
        generate(model(), work.resolve("counters"), work.resolve("out"));
        List<String> packets = lines(work.resolve("out").resolve(UPDATE + "packets.hex"));
        List<byte[]> submits = lines(work.resolve("out").resolve(UPDATE + "sms-submit.hex")).stream().map(Hex::decode).toList();
        List<List<String>> frames = PeerTools.tsharkFields(submits, "gsm_sms.tp-pid", "gsm_sms.tp-dcs", "gsm_sms.tp-da",
                "gsm_sms.ie_identifier", "gsm_sms.sms_body");
        assertEquals(packets.size(), frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(List.of("127", "246", "447700900123", "0x70", packets.get(i).toLowerCase()), frames.get(i),
                    "PID 7F ((U)SIM data download), DCS F6 (class 2, 8-bit), UDH IEI 70, then the packet");
        }
    }

    @Test
    void twoGenerationsNeverShareACounter() throws Exception {
        Path model = model();
        Path counters = work.resolve("counters");
        Set<Long> seen = new HashSet<>();
        OtaKeys keys = OtaKeys.of(Hex.decode(KIC), Hex.decode(KID));
        for (int run = 0; run < 3; run++) {
            Path out = work.resolve("out-" + run);
            generate(model, counters, out);
            for (String line : lines(out.resolve(UPDATE + "packets.hex"))) {
                long counter = SimOtaCodec.decodeCommand(Hex.decode(line), keys).counter();
                assertTrue(seen.add(counter), "counter " + counter + " used twice");
            }
        }
        assertEquals(36, seen.size());
        assertEquals(List.of("36"), lines(counters.resolve("key-set-2.cntr")), "the store keeps the last counter handed out");
    }

    @Test
    void withoutACounterStoreTheStageSaysWhyThereAreNoPackets() throws Exception {
        var result = ProvisioningPipeline.standalone().generate(List.of(model()), work.resolve("out"), new SecretResolver(Map.of()));
        StageReport report = result.stages().stream().filter(s -> s.summary().startsWith("SIM update")).findFirst().orElseThrow();
        assertTrue(report.producedNothing());
        assertTrue(report.summary().contains("SIM OTA packets not generated, no OTA counter store was given"), report.summary());
        assertFalse(result.files().stream().anyMatch(f -> f.contains("sim-update")), result.files().toString());
    }

    @Test
    void aCounterStoreInsideTheOutputIsRefused() throws Exception {
        Path out = work.resolve("out");
        GenerationException e = assertThrows(GenerationException.class, () -> generate(model(), out.resolve("counters"), out));
        assertTrue(e.getMessage().contains("would be lost and reused"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SimUpdateGenerationTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("test resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
