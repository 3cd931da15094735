package org.mexe.studio.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.generator.campaign.CampaignFile;
import org.mexe.studio.model.provisioning.SecurityMethod;

/**
 * A campaign sent to the loopback SMSC: what arrives is each TPDU's user data, to its MSISDN;
 * a sender stopped midway and restarted delivers every segment exactly once; one killed outright
 * loses none; receipts are recorded. The stop points are counts of received segments, never times.
 */
class SendTest {

    @TempDir
    Path folder;

    private Path campaign(int subscribers) throws Exception {
        return TestCampaigns.campaign(folder, subscribers);
    }

    private static Map<String, Integer> expected(Path campaign) throws IOException {
        return TestCampaigns.expected(campaign);
    }

    private static Map<String, Integer> arrived(LoopbackSmsc smsc) {
        return TestCampaigns.arrived(smsc);
    }

    @Test
    void theSmscReceivesEachTpdusUserDataAsABinarySubmitWithReceiptsWhenAsked() throws Exception {
        Path campaign = campaign(20);
        try (LoopbackSmsc smsc = new LoopbackSmsc("test", "secret", true).sendReceipts(true)) {
            CampaignSender.Result result = new CampaignSender(new CampaignSender.Options(campaign,
                    List.of(new CampaignSender.Smsc("127.0.0.1", smsc.port())), 2, "test", "secret", "", 10, 0, true, true, "MExE",
                    line -> { })).send();
            assertEquals(result.segments(), result.sent());
            assertEquals(expected(campaign), arrived(smsc));
            LoopbackSmsc.Received first = smsc.received().get(0);
            assertEquals(0x40, first.esmClass() & 0x40, "UDHI");
            assertEquals(0x04, first.dataCoding(), "8-bit data");
            assertEquals(1, first.registeredDelivery());
            List<String> log = Files.readAllLines(campaign.resolve("sent.log"));
            assertEquals(result.segments(), log.stream().filter(l -> l.startsWith("A ")).count());
            // Receipts come asynchronously: wait for them by count, not by time.
            while (Files.readAllLines(campaign.resolve(CampaignSender.RECEIPTS)).size() < 1) {
                Thread.sleep(5);
            }
            assertTrue(Files.readAllLines(campaign.resolve(CampaignSender.RECEIPTS)).get(0).contains("stat:DELIVRD"));

            // A second run has nothing left to send.
            CampaignSender.Result again = new CampaignSender(new CampaignSender.Options(campaign,
                    List.of(new CampaignSender.Smsc("127.0.0.1", smsc.port())), 1, "test", "secret", "", 10, 0, false, true, "",
                    line -> { })).send();
            assertEquals(0, again.sent());
            assertEquals(result.segments(), again.alreadyAccepted());
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithoutEchoingIt() throws Exception {
        Path campaign = campaign(2);
        try (LoopbackSmsc smsc = new LoopbackSmsc("test", "secret", true)) {
            SendException e = org.junit.jupiter.api.Assertions.assertThrows(SendException.class, () -> new CampaignSender(
                    new CampaignSender.Options(campaign, List.of(new CampaignSender.Smsc("127.0.0.1", smsc.port())), 1, "test",
                            "wrongpw", "", 10, 0, false, true, "", line -> { })).send());
            assertTrue(e.getMessage().contains("Cannot bind") && !e.getMessage().contains("wrongpw"), e.getMessage());
            e = org.junit.jupiter.api.Assertions.assertThrows(SendException.class, () -> new CampaignSender(
                    new CampaignSender.Options(campaign, List.of(new CampaignSender.Smsc("127.0.0.1", smsc.port())), 1, "test",
                            "far-too-long-password", "", 10, 0, false, true, "", line -> { })).send());
            assertTrue(e.getMessage().contains("longer than") && !e.getMessage().contains("far-too-long"), e.getMessage());
            assertEquals(0, smsc.submits());
        }
    }

    @Test
    void aSenderStoppedMidwayAndRestartedDeliversEverySegmentExactlyOnce() throws Exception {
        Path campaign = campaign(3000);
        Map<String, Integer> expected = expected(campaign);
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        try (LoopbackSmsc smsc = new LoopbackSmsc("test", "secret", true)) {
            for (int stop = 0; stop < 2; stop++) {
                long target = smsc.submits() + 1 + random.nextInt(expected.size() / 3);
                Process sender = start(campaign, smsc.port());
                while (sender.isAlive() && smsc.submits() < target) {
                    Thread.sleep(1);
                }
                sender.destroy(); // SIGTERM: the CLI's shutdown hook does the same
                sender.waitFor();
            }
            Process last = start(campaign, smsc.port());
            assertEquals(0, last.waitFor(), new String(last.getInputStream().readAllBytes()));
            Map<String, Integer> arrived = arrived(smsc);
            assertEquals(expected.keySet(), arrived.keySet(), "seed " + seed);
            List<String> twice = new ArrayList<>();
            arrived.forEach((key, count) -> {
                if (count != 1) {
                    twice.add(key);
                }
            });
            assertEquals(List.of(), twice, "seed " + seed);
        }
    }

    @Test
    void aSenderKilledOutrightLosesNothingAndRepeatsAtMostItsWindow() throws Exception {
        Path campaign = campaign(2000);
        Map<String, Integer> expected = expected(campaign);
        try (LoopbackSmsc smsc = new LoopbackSmsc("test", "secret", true)) {
            long target = expected.size() / 2;
            Process sender = start(campaign, smsc.port());
            while (sender.isAlive() && smsc.submits() < target) {
                Thread.sleep(1);
            }
            sender.destroyForcibly().waitFor(); // SIGKILL
            Process last = start(campaign, smsc.port());
            assertEquals(0, last.waitFor(), new String(last.getInputStream().readAllBytes()));
            Map<String, Integer> arrived = arrived(smsc);
            assertEquals(expected.keySet(), arrived.keySet());
            long repeated = arrived.values().stream().filter(c -> c > 1).count();
            assertTrue(repeated <= 10, repeated + " segments arrived twice, more than the window of 10");
        }
    }

    private Process start(Path campaign, int port) throws IOException, URISyntaxException {
        String classpath = String.join(File.pathSeparator, location(CampaignSender.class), location(SenderChild.class),
                location(CampaignFile.class), location(CpSecurity.class), location(SecurityMethod.class),
                location(org.eclipse.emf.common.util.Enumerator.class), location(org.jsmpp.session.SMPPSession.class),
                location(org.slf4j.LoggerFactory.class));
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-cp", classpath,
                SenderChild.class.getName(), campaign.toString(), String.valueOf(port), "10").redirectErrorStream(true).start();
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

}
