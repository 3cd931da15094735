package org.mexe.studio.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.testing.KannelBoxes;

/**
 * A campaign sent through a real Kannel: bearerbox bound to the loopback SMSC, smsbox's sendsms
 * taking one request per segment (UDH and binary text, coding=1). The sender is stopped midway,
 * smsbox restarted, the sender run again: every segment reaches the SMSC exactly once with the
 * user data of its TPDU, although the sendsms user may concatenate (Kannel has nothing to split).
 * A wrong password stops the run without being echoed and without marking any segment refused.
 * Stop points are counts of segments, never times.
 */
class KannelSendTest {

    private static final String SENDSMS_PASSWORD = "kannel-pw-7";
    /** Bounds Kannel's delivery to the SMSC after it accepted everything; not a measurement. */
    private static final long DELIVERY_SECONDS = 120;

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a bound on a hang, not a measurement
    void kannelsSendsmsDeliversEverySegmentOnceWithItsUserDataAcrossAStopAndAnSmsboxRestart() throws Exception {
        Path campaign = TestCampaigns.campaign(folder, 40);
        Map<String, Integer> expected = TestCampaigns.expected(campaign);
        Path work = Files.createDirectories(folder.resolve("kannel"));
        try (LoopbackSmsc smsc = new LoopbackSmsc("kannel", "smpppw", true)) {
            int admin = KannelBoxes.freePort();
            int box = KannelBoxes.freePort();
            int sendsms = KannelBoxes.freePort();
            Path config = Files.writeString(work.resolve("kannel.conf"), """
                    group = core
                    admin-port = %1$d
                    admin-interface = 127.0.0.1
                    admin-password = test-admin
                    admin-allow-ip = 127.0.0.1
                    smsbox-port = %2$d
                    box-allow-ip = 127.0.0.1
                    log-file = "%4$s/bearerbox.log"
                    log-level = 1

                    group = smsc
                    smsc = smpp
                    smsc-id = loopback
                    host = 127.0.0.1
                    port = %5$d
                    transceiver-mode = true
                    smsc-username = kannel
                    smsc-password = smpppw
                    system-type = VMA
                    reconnect-delay = 1

                    group = smsbox
                    bearerbox-host = 127.0.0.1
                    bearerbox-port = %2$d
                    sendsms-port = %3$d
                    sendsms-interface = 127.0.0.1
                    log-file = "%4$s/smsbox.log"
                    log-level = 1

                    # As the generated server configuration has it: concatenation allowed, yet a campaign segment is one SMS.
                    group = sendsms-user
                    username = campaign
                    password = %6$s
                    user-allow-ip = 127.0.0.1
                    concatenation = true
                    max-messages = 10
                    """.formatted(admin, box, sendsms, work, smsc.port(), SENDSMS_PASSWORD));
            try (KannelBoxes kannel = new KannelBoxes(work, config)) {
                kannel.startBearerbox(box).startSmsbox(sendsms);
                URI url = KannelSender.parse("http://127.0.0.1:" + sendsms);

                SendException refused = assertThrows(SendException.class, () -> sender(campaign, url, "wrong-pw-3").send());
                assertTrue(refused.getMessage().contains("403") && !refused.getMessage().contains("wrong-pw-3"), refused.getMessage());
                assertTrue(Files.readAllLines(campaign.resolve(SendLog.FILE)).stream().noneMatch(l -> l.startsWith("R ")));

                // Stopped once a third has reached the SMSC, as Ctrl-C does: what is outstanding finishes and is logged.
                KannelSender first = sender(campaign, url, SENDSMS_PASSWORD);
                List<Throwable> failures = new ArrayList<>();
                Thread running = Thread.ofPlatform().start(() -> {
                    try {
                        first.send();
                    } catch (SendException e) {
                        failures.add(e);
                    }
                });
                while (running.isAlive() && smsc.submits() < expected.size() / 3) {
                    Thread.sleep(1);
                }
                first.stop();
                running.join();
                assertEquals(List.of(), failures);
                long acceptedBefore = Files.readAllLines(campaign.resolve(SendLog.FILE)).stream().filter(l -> l.startsWith("A ")).count();
                assertTrue(acceptedBefore < expected.size(), "the stop came after the whole campaign: " + acceptedBefore);

                kannel.stopSmsbox();
                kannel.startSmsbox(sendsms);
                CampaignSender.Result rest = sender(campaign, url, SENDSMS_PASSWORD).send();
                assertEquals(expected.size(), rest.segments());
                assertEquals(acceptedBefore, rest.alreadyAccepted());
                assertEquals(expected.size() - acceptedBefore, rest.sent());
                assertEquals(0, rest.refused());
                List<String> accepted = Files.readAllLines(campaign.resolve(SendLog.FILE)).stream().filter(l -> l.startsWith("A ")).toList();
                assertEquals(expected.size(), accepted.size());
                assertTrue(accepted.stream().allMatch(l -> l.endsWith(" 0: Accepted for delivery")), accepted.get(0));

                // Kannel accepted everything; wait (bounded) for bearerbox to hand the last ones to the SMSC.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DELIVERY_SECONDS);
                while (!TestCampaigns.arrived(smsc).keySet().equals(expected.keySet())) {
                    if (System.nanoTime() > deadline) {
                        fail("the SMSC has " + smsc.submits() + " of " + expected.size() + " segments\n" + kannel.logs());
                    }
                    Thread.sleep(20);
                }
            }
            Map<String, Integer> arrived = TestCampaigns.arrived(smsc);
            assertEquals(expected, arrived, "each segment exactly once, with its TPDU's user data, to its MSISDN");
            for (LoopbackSmsc.Received received : smsc.received()) {
                assertEquals(Submission.UDHI, received.esmClass() & Submission.UDHI, "UDHI");
                assertEquals(0x04, received.dataCoding(), "8-bit data");
                assertEquals(0, received.protocolId());
            }
            assertFalse(smsc.received().isEmpty());
        }
    }

    private static KannelSender sender(Path campaign, URI url, String password) {
        return new KannelSender(new KannelSender.Options(campaign, url, "campaign", password, 4, 400, true, "2000", line -> { }));
    }
}
