package org.mexe.studio.generator.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.sms.SmsSubmit;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.wsp.WspPush;
import org.mexe.studio.codec.wsp.WspPushCodec;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.model.provisioning.SecurityMethod;
import org.mexe.studio.model.provisioning.SubscriberColumn;
import org.mexe.studio.security.SecretResolver;

/**
 * The streaming campaign: the same TPDUs as {@code prov generate}, rejects with their lines,
 * duplicates, the reject limit, shards, generated PINs, and the folder rules.
 */
class CampaignTest {

    private static final String PROJECT = """
            namespace test.campaign

            parameters Home {
            	gprs { apn "internet.campaign.example" auth pap user "web" }
            	wap { gateway "10.0.0.9" port 9201 homepage "http://wap.campaign.example/" }
            }

            subscribers Launch {
            	file "subs.csv"
            	columns msisdn, imsi
            }

            scenario Network {
            	subscribers Launch
            	deliver Home { security netwpin to subscribers }
            }

            scenario Made {
            	subscribers Launch
            	deliver Home { security userpin pin generated to subscribers }
            }
            """;

    @TempDir
    Path folder;

    private final Random random = new Random(12);

    private Path project(String csv) throws IOException {
        Files.writeString(folder.resolve("campaign.prov"), PROJECT);
        Files.writeString(folder.resolve("subs.csv"), csv);
        return folder.resolve("campaign.prov");
    }

    private CampaignPlan plan(String scenario) throws Exception {
        ProvisioningPipeline pipeline = ProvisioningPipeline.standalone();
        var loaded = pipeline.load(List.of(folder.resolve("campaign.prov")));
        assertTrue(pipeline.validate(loaded).stream().noneMatch(p -> p.isError()), () -> pipeline.validate(loaded).toString());
        return CampaignPlanner.plan(loaded, scenario, OptionalInt.empty(), new SecretResolver(Map.of()));
    }

    private static List<CampaignFile.Message> messages(Path campaign) throws IOException {
        List<CampaignFile.Message> messages = new ArrayList<>();
        try (CampaignFile.Reader reader = new CampaignFile.Reader(campaign.resolve(CampaignFile.SUBMITS))) {
            for (CampaignFile.Message m = reader.next(); m != null; m = reader.next()) {
                messages.add(m);
            }
        }
        return messages;
    }

    private String csv(int count) {
        StringBuilder csv = new StringBuilder("msisdn,imsi\n");
        for (int i = 0; i < count; i++) {
            csv.append("+4477009").append(String.format("%05d", i)).append(",00101").append(String.format("%010d", i)).append('\n');
        }
        return csv.toString();
    }

    @Test
    void aCampaignHoldsExactlyTheTpdusProvGenerateWrites() throws Exception {
        project(csv(5).replace("+447700900003", "07700900003"));
        ProvisioningPipeline.standalone().generate(List.of(folder.resolve("campaign.prov")), folder.resolve("generated"),
                new SecretResolver(Map.of()));
        CampaignRun.run(plan("Network"), CampaignRun.Options.of(folder.resolve("subs.csv"), folder.resolve("campaign")));
        List<CampaignFile.Message> messages = messages(folder.resolve("campaign"));
        assertEquals(5, messages.size());
        for (CampaignFile.Message message : messages) {
            Path hex = folder.resolve("generated/test.campaign.Network/01-deliver-Home/" + message.msisdn() + "/sms-submit.hex");
            List<String> expected = Files.readAllLines(hex);
            assertEquals(expected, message.tpdus().stream().map(Hex::encode).toList(), message.msisdn());
        }
    }

    @Test
    void theFastEncoderGivesTheCodecsBytesForEveryMethodAndAddress() {
        byte[] wbxml = new byte[300 + random.nextInt(400)];
        random.nextBytes(wbxml);
        for (SecurityMethod method : SecurityMethod.values()) {
            CampaignPlan.PinSource pins = switch (method) {
                case NONE, NETWPIN -> CampaignPlan.PinSource.NONE;
                case USERPINMAC -> CampaignPlan.PinSource.GENERATED;
                default -> CampaignPlan.PinSource.COLUMN;
            };
            CampaignPlan plan = CampaignPlan.omaCp("s.S", 2, "s.S/02-deliver-Home", method, wbxml, pins, null, List.of());
            SubscriberEncoder encoder = new SubscriberEncoder(plan);
            for (int i = 0; i < 300; i++) {
                int digits = 1 + random.nextInt(15);
                StringBuilder msisdn = new StringBuilder(random.nextBoolean() ? "+" : "");
                for (int d = 0; d < digits; d++) {
                    msisdn.append(random.nextInt(10));
                }
                StringBuilder imsi = new StringBuilder();
                for (int d = 0, n = 6 + random.nextInt(10); d < n; d++) {
                    imsi.append(random.nextInt(10));
                }
                String pin = method == SecurityMethod.USERPINMAC ? String.valueOf(1000 + random.nextInt(9000))
                        : String.valueOf(random.nextInt(100_000_000));
                List<byte[]> expected = plan.referenceTpdus(msisdn.toString(), imsi.toString(), pin);
                List<byte[]> actual = encoder.tpdus(msisdn.toString(), imsi.toString(), pin);
                assertEquals(expected.size(), actual.size());
                for (int k = 0; k < expected.size(); k++) {
                    assertArrayEquals(expected.get(k), actual.get(k), method + " " + msisdn + " segment " + k);
                }
            }
        }
    }

    @Test
    void badRowsGoToTheRejectFileWithTheirLineAndReason() throws Exception {
        project("""
                # a comment
                msisdn,imsi
                +447700900001,001010000000001
                not-a-number,001010000000002

                +447700900003,0010
                +447700900001,001010000000004
                +447700900005,001010000000001
                +447700900006
                "+447700900007",001010000000007
                """);
        CampaignRun.Summary summary = CampaignRun.run(plan("Network"),
                CampaignRun.Options.of(folder.resolve("subs.csv"), folder.resolve("campaign")));
        assertEquals(2, summary.subscribers());
        assertEquals(5, summary.rejects());
        List<String> rejects = Files.readAllLines(folder.resolve("campaign/rejects.csv"));
        assertEquals("line,reason,detail", rejects.get(0));
        assertEquals(List.of("4,malformed MSISDN", "6,malformed IMSI", "7,duplicate MSISDN", "8,duplicate IMSI",
                "9,wrong number of fields"), rejects.subList(1, rejects.size()).stream()
                        .map(l -> l.substring(0, l.indexOf(",\""))).toList());
        assertTrue(rejects.get(3).contains("already on line 3"), rejects.get(3));
        assertEquals(List.of("+447700900001", "+447700900007"), messages(folder.resolve("campaign")).stream()
                .map(CampaignFile.Message::msisdn).toList());
        assertEquals(Map.of("malformed MSISDN", 1L, "malformed IMSI", 1L, "duplicate MSISDN", 1L, "duplicate IMSI", 1L,
                "wrong number of fields", 1L), summary.rejectReasons());
    }

    @Test
    void moreRejectsThanAllowedStopBeforeAnyMessage() throws Exception {
        project("msisdn,imsi\nx,1\ny,2\n+447700900001,001010000000001\n");
        CampaignException e = assertThrows(CampaignRun.TooManyRejectsException.class, () -> CampaignRun.run(plan("Network"),
                CampaignRun.Options.of(folder.resolve("subs.csv"), folder.resolve("campaign")).withMaxRejects(1)));
        assertTrue(e.getMessage().contains("More than 1 rows") && e.getMessage().contains("--max-rejects"), e.getMessage());
        assertFalse(Files.exists(folder.resolve("campaign/submits.bin")));
        assertEquals(3, Files.readAllLines(folder.resolve("campaign/rejects.csv")).size());
    }

    @Test
    void shardsSplitTheSubscribersDisjointlyAndCompletely() throws Exception {
        project(csv(3000));
        CampaignPlan plan = plan("Network");
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (int i = 1; i <= 3; i++) {
            CampaignRun.Summary summary = CampaignRun.run(plan, CampaignRun.Options.of(folder.resolve("subs.csv"),
                    folder.resolve("shard" + i)).withShard(new CampaignRun.Shard(i, 3)));
            assertEquals(3000, summary.subscribers() + summary.otherShards());
            assertTrue(summary.subscribers() > 800 && summary.subscribers() < 1200, "shard " + i + ": " + summary.subscribers());
            for (CampaignFile.Message message : messages(folder.resolve("shard" + i))) {
                assertTrue(seen.add(message.msisdn()), message.msisdn() + " in two shards");
                assertEquals(i - 1, SubscriberRows.shardOf(SubscriberRows.msisdnKey(message.msisdn()), 3));
            }
            total += summary.subscribers();
        }
        assertEquals(3000, total);
        assertEquals(3000, seen.size());
    }

    @Test
    void generatedPinsGoOwnerOnlyToTheOperatorsFileOneEachAndKeyTheirMessage() throws Exception {
        project(csv(50));
        Path pins = folder.resolve("secret/pins.csv");
        CampaignRun.Summary summary = CampaignRun.run(plan("Made"), CampaignRun.Options.of(folder.resolve("subs.csv"),
                folder.resolve("campaign")).withUserPins(Optional.of(pins)));
        assertEquals(Optional.of(pins), summary.userPins());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pins)));
        List<String> lines = Files.readAllLines(pins);
        assertTrue(lines.get(0).startsWith("# prov campaign PIN key "));
        assertEquals("delivery,msisdn,pin", lines.get(1));
        Map<String, String> pinOf = new HashMap<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] fields = line.split(",");
            assertEquals("test.campaign.Made/01-deliver-Home/" + fields[1], fields[0]);
            assertTrue(fields[2].matches("[0-9]{8}"));
            assertEquals(null, pinOf.put(fields[1], fields[2]), "one PIN per subscriber");
        }
        assertEquals(50, pinOf.size());
        byte[] wbxml = plan("Made").wbxml();
        for (CampaignFile.Message message : messages(folder.resolve("campaign"))) {
            WspPush push = WspPushCodec.decode(payload(message.tpdus()));
            assertTrue(new CpSecurity.UserPin(pinOf.get(message.msisdn())).verify(wbxml, push.signature().orElseThrow().mac()));
        }
        for (Path file : List.of(folder.resolve("campaign/submits.bin"), folder.resolve("campaign/campaign.properties"))) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            pinOf.values().forEach(pin -> assertFalse(text.contains("," + pin + "\n"), "no PIN in " + file));
        }
    }

    @Test
    void aFolderWithOtherFilesOrAFinishedCampaignIsNeverTouched() throws Exception {
        project(csv(3));
        Path foreign = Files.createDirectories(folder.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        CampaignException e = assertThrows(CampaignException.class,
                () -> CampaignRun.run(plan("Network"), CampaignRun.Options.of(folder.resolve("subs.csv"), foreign).withResume(true)));
        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
        assertEquals(List.of("notes.txt"), Files.list(foreign).map(p -> p.getFileName().toString()).toList());

        Path campaign = folder.resolve("campaign");
        CampaignRun.run(plan("Network"), CampaignRun.Options.of(folder.resolve("subs.csv"), campaign));
        byte[] before = Files.readAllBytes(campaign.resolve(CampaignFile.SUBMITS));
        e = assertThrows(CampaignException.class,
                () -> CampaignRun.run(plan("Network"), CampaignRun.Options.of(folder.resolve("subs.csv"), campaign)));
        assertTrue(e.getMessage().contains("already holds a finished campaign"), e.getMessage());
        CampaignRun.Summary again = CampaignRun.run(plan("Network"),
                CampaignRun.Options.of(folder.resolve("subs.csv"), campaign).withResume(true));
        assertTrue(again.alreadyComplete());
        assertEquals(3, again.subscribers());
        assertArrayEquals(before, Files.readAllBytes(campaign.resolve(CampaignFile.SUBMITS)));

        Files.writeString(folder.resolve("subs.csv"), csv(4));
        e = assertThrows(CampaignException.class, () -> CampaignRun.run(plan("Network"),
                CampaignRun.Options.of(folder.resolve("subs.csv"), campaign).withResume(true)));
        assertTrue(e.getMessage().contains("subscribers-bytes"), e.getMessage());
    }

    /** The WDP payload of concatenated SMS-SUBMITs: their user data after the header, in order. */
    static byte[] payload(List<byte[]> tpdus) {
        ByteArrayOutputStream push = new ByteArrayOutputStream();
        for (byte[] tpdu : tpdus) {
            SmsSubmit submit = SmsSubmitCodec.decode(tpdu);
            push.writeBytes(submit.payload());
        }
        return push.toByteArray();
    }

    @Test
    void columnsOfTheModelAreUsedWhenTheFileHasNoHeader() throws Exception {
        project("+447700900001,001010000000001\n+447700900002,001010000000002\n");
        assertEquals(List.of(SubscriberColumn.MSISDN, SubscriberColumn.IMSI), plan("Network").columns());
        assertEquals(2, CampaignRun.run(plan("Network"), CampaignRun.Options.of(folder.resolve("subs.csv"),
                folder.resolve("campaign"))).subscribers());
    }

    @Test
    void provGenerateStopsAboveItsFolderLimitAndPointsToCampaigns() throws Exception {
        project(csv(10_001));
        var e = assertThrows(org.mexe.studio.generator.GenerationException.class, () -> ProvisioningPipeline.standalone()
                .generate(List.of(folder.resolve("campaign.prov")), folder.resolve("generated"), new SecretResolver(Map.of())));
        assertTrue(e.getMessage().contains("prov campaign"), e.getMessage());
        assertFalse(Files.exists(folder.resolve("generated")));
    }
}
