package org.mexe.studio.generator.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.wsp.WspPushCodec;
import org.mexe.studio.model.provisioning.SecurityMethod;

/**
 * A campaign killed with SIGKILL at random points, several times, and resumed: the result is
 * byte-identical to an uninterrupted run, and no generated PIN is made twice. The kills are placed
 * by how much output exists, never by a clock.
 */
class CampaignKillTest {

    private static final int SUBSCRIBERS = 200_000;

    @TempDir
    Path folder;

    private Path subscribers() throws IOException {
        StringBuilder csv = new StringBuilder("msisdn,imsi\n");
        for (int i = 0; i < SUBSCRIBERS; i++) {
            csv.append("+4479").append(String.format("%08d", i)).append(",23415").append(String.format("%010d", i)).append('\n');
            if (i % 50_000 == 7) {
                csv.append("broken,row\n");
            }
        }
        return Files.writeString(folder.resolve("subs.csv"), csv);
    }

    @Test
    void killedAndResumedIsByteIdenticalToAnUninterruptedRun() throws Exception {
        Path subscribers = subscribers();
        Path clean = folder.resolve("clean");
        CampaignRun.run(CampaignChild.plan("netwpin"), CampaignRun.Options.of(subscribers, clean));
        long size = Files.size(clean.resolve(CampaignFile.SUBMITS));

        Path killed = folder.resolve("killed");
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int kills = killAtRandomPoints(subscribers, killed, "netwpin", null, size, random);
        assertEquals("done " + SUBSCRIBERS, finish(subscribers, killed, "netwpin", null), "seed " + seed);
        assertTrue(kills >= 3, "seed " + seed + ": only " + kills + " kills landed before the end");
        for (String name : List.of(CampaignFile.SUBMITS, CampaignFile.REJECTS, CampaignFile.DESCRIPTION)) {
            assertArrayEquals(Files.readAllBytes(clean.resolve(name)), Files.readAllBytes(killed.resolve(name)), name + ", seed " + seed);
        }
        assertFalse(Files.exists(killed.resolve(CampaignFile.CHECKPOINT)));
    }

    @Test
    void killedRunsNeverMakeTwoPinsForOneSubscriber() throws Exception {
        Path subscribers = subscribers();
        Path killed = folder.resolve("killed");
        Path pins = folder.resolve("pins.csv");
        long seed = new Random().nextLong();
        // about 330 bytes per subscriber
        killAtRandomPoints(subscribers, killed, "generated", pins, SUBSCRIBERS * 300L, new Random(seed));
        assertEquals("done " + SUBSCRIBERS, finish(subscribers, killed, "generated", pins), "seed " + seed);

        List<String> lines = Files.readAllLines(pins, StandardCharsets.US_ASCII);
        Map<String, String> pinOf = new HashMap<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] fields = line.split(",");
            assertNull(pinOf.put(fields[1], fields[2]), fields[1] + " got two PINs, seed " + seed);
        }
        assertEquals(SUBSCRIBERS, pinOf.size());
        byte[] wbxml = CampaignChild.plan("generated").wbxml();
        try (CampaignFile.Reader reader = new CampaignFile.Reader(killed.resolve(CampaignFile.SUBMITS))) {
            for (CampaignFile.Message m = reader.next(); m != null; m = reader.next()) {
                if (m.index() % 997 == 0) {
                    String mac = WspPushCodec.decode(CampaignTest.payload(m.tpdus())).signature().orElseThrow().mac();
                    assertTrue(new CpSecurity.UserPin(pinOf.get(m.msisdn())).verify(wbxml, mac), m.msisdn() + ", seed " + seed);
                }
            }
        }
    }

    /** Starts the child and kills it once the output has a random size, until a run ends by itself; returns the kills. */
    private int killAtRandomPoints(Path subscribers, Path campaign, String kind, Path pins, long size, Random random) throws Exception {
        int kills = 0;
        for (int attempt = 0; attempt < 5; attempt++) {
            // The first kill lands during set-up or the check pass; the others while messages are written.
            long target = attempt == 0 ? -1 : (long) (size * (0.1 + 0.8 * random.nextDouble()));
            Process child = start(subscribers, campaign, kind, pins);
            Path submits = campaign.resolve(CampaignFile.SUBMITS);
            while (child.isAlive() && (target < 0 ? !Files.exists(campaign) : !Files.exists(submits) || Files.size(submits) < target)) {
                Thread.sleep(2);
            }
            if (!child.isAlive()) {
                break;
            }
            child.destroyForcibly().waitFor();
            kills++;
        }
        return kills;
    }

    private String finish(Path subscribers, Path campaign, String kind, Path pins) throws Exception {
        Process child = start(subscribers, campaign, kind, pins);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, child.waitFor(), output);
        return output.lines().reduce((a, b) -> b).orElse("");
    }

    private Process start(Path subscribers, Path campaign, String kind, Path pins) throws IOException, URISyntaxException {
        String classpath = String.join(File.pathSeparator, location(CampaignRun.class), location(CampaignChild.class),
                location(CpSecurity.class), location(SecurityMethod.class), location(Enumerator.class), location(EObject.class),
                location(org.mexe.studio.security.SecretResolver.class));
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-cp", classpath,
                CampaignChild.class.getName(), subscribers.toString(), campaign.toString(), kind,
                pins == null ? "" : pins.toString()).redirectErrorStream(true).start();
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

}
