package org.mexe.studio.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.run.TraceEvent.Outcome;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.smpp.LoopbackSmsc;
import org.mexe.studio.testing.KannelBoxes;

/**
 * A real SMS gateway as the ESME: Kannel's bearerbox and smsbox run with the kannel.conf the
 * generator writes (its CHANGE-ME placeholders filled in, pointed at the loopback SMSC), the
 * brief's settings go through Kannel's sendsms exactly as docs/deploy.md says, and the simulated
 * handset reassembles the push Kannel cut into segments: the same bytes as push.wsp, and the MAC
 * verifies with the PIN the user types.
 */
class KannelInteropTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("prov.examples", "../../examples"));
    private static final String MSISDN = "+447700900123";
    /** Bounds, not measurements: Kannel starts in about a second and delivers in milliseconds. */
    private static final long START_SECONDS = 60;

    @TempDir
    Path work;

    @Test
    void kannelSendsTheGeneratedPushThroughItsGeneratedConfigurationAndTheHandsetGetsTheSameBytes() throws Exception {
        ProvisioningPipeline pipeline = ProvisioningPipeline.standalone();
        SecretResolver secrets = new SecretResolver(Map.of());
        var loaded = pipeline.load(List.of(EXAMPLES.resolve("brief")), secrets);
        var artefacts = pipeline.produce(loaded, pipeline.validate(loaded), secrets, Optional.empty(), new Random(1)).artefacts().files();
        byte[] push = artefacts.get("fjord.scenarios.NewSubscriber/03-deliver-National/push.wsp");
        String generated = new String(artefacts.get("servers/ProvisioningServer/kannel.conf"), StandardCharsets.UTF_8);
        HandsetProfile kestrel = loaded.models().stream().flatMap(m -> m.getElements().stream()).filter(HandsetProfile.class::isInstance)
                .map(HandsetProfile.class::cast).filter(h -> h.getName().equals("KestrelK7")).findFirst().orElseThrow();
        String pin = Files.readString(EXAMPLES.resolve("demo-secrets/DEMO-ONLY-userpin.txt")).strip();

        try (LoopbackSmsc smsc = new LoopbackSmsc("fjord", "smpppw", true).routeToHandsets(ScenarioRun.HANDSET_PASSWORD);
                SimulatedHandset handset = new SimulatedHandset(kestrel, MSISDN, "001017700900123", Optional.of(pin))) {
            handset.attach(smsc.port(), ScenarioRun.HANDSET_PASSWORD);
            int admin = KannelBoxes.freePort();
            int box = KannelBoxes.freePort();
            int sendsms = KannelBoxes.freePort();
            // Only the placeholders, ports and log paths change: every other line is the generated one.
            String config = generated.replace("admin-password = CHANGE-ME-admin-password", "admin-password = test-admin")
                    .replace("host = CHANGE-ME.smsc.invalid", "host = 127.0.0.1")
                    .replace("port = 2775", "port = " + smsc.port())
                    .replace("smsc-username = CHANGE-ME-smpp-system-id", "smsc-username = fjord")
                    .replace("smsc-password = CHANGE-ME-smpp-password", "smsc-password = smpppw")
                    .replace("password = CHANGE-ME-sendsms-password", "password = test-sendsms")
                    .replace("admin-port = 13000", "admin-port = " + admin)
                    .replace("smsbox-port = 13001", "smsbox-port = " + box)
                    .replace("sendsms-port = 13013", "sendsms-port = " + sendsms)
                    .replace("/var/log/kannel/", work + "/");
            assertTrue(config.lines().noneMatch(l -> !l.startsWith("#") && l.contains("CHANGE-ME")), config);
            try (KannelBoxes kannel = new KannelBoxes(work, Files.writeString(work.resolve("kannel.conf"), config))) {
                kannel.startBearerbox(box).startSmsbox(sendsms);
                StringBuilder text = new StringBuilder();
                for (byte b : push) {
                    text.append('%').append(String.format("%02X", b & 0xFF));
                }
                URI uri = URI.create("http://127.0.0.1:" + sendsms + "/cgi-bin/sendsms?username=provisioning&password=test-sendsms"
                        + "&to=%2B447700900123&from=2000&coding=1&udh=%06%05%04%0B%84%23%F0&text=" + text);
                try (HttpClient client = HttpClient.newHttpClient()) {
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(START_SECONDS)).GET()
                            .build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(202, answer.statusCode(), answer.body());
                }
                // Kannel cuts the push as 8-bit concatenated SMS of 128 octets after the 12-octet header.
                int segments = (push.length + 127) / 128;
                Step step = handset.receiveSettings(segments, Duration.ofSeconds(START_SECONDS), Set.of());
                if (step.outcome != Outcome.OK) {
                    fail(step.summary + " " + step.facts + "\n" + kannel.logs());
                }
                assertEquals("valid (USERPIN, PIN typed by the user)", step.facts.get("MAC"));
                assertArrayEquals(push, handset.lastMessage);
                assertEquals(segments, smsc.submits(), "Kannel submitted " + smsc.submits() + " segments");
                assertTrue(smsc.received().stream().allMatch(r -> r.systemId().equals("fjord") && (r.esmClass() & 0x40) != 0
                        && r.dataCoding() == 0x04), smsc.received().toString());
            }
        }
    }
}
