package org.mexe.studio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.run.TraceEvent.Outcome;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.testing.PeerTools;

/**
 * The brief's scenarios run end to end on loopback, and each fault put in on purpose stops the
 * run at the stage where a real network would fail, with the reason and what the handset shows.
 */
class ScenarioRunTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("prov.examples", "../../examples"));
    private static final Path EMULATOR = Path.of(System.getProperty("prov.microemulator", "target/emulator/microemulator.jar"));

    @TempDir
    Path sources;

    private static ScenarioRun.Result run(List<Path> inputs, RunOptions options) throws Exception {
        assertTrue(Files.isRegularFile(EMULATOR), "MicroEmulator is missing at " + EMULATOR + ": the module's pom copies it at build time");
        ProvisioningPipeline pipeline = ProvisioningPipeline.standalone();
        SecretResolver secrets = new SecretResolver(Map.of());
        return ScenarioRun.run(pipeline, pipeline.load(inputs, secrets), secrets, options.withEmulator(EMULATOR), event -> {
        });
    }

    private static ScenarioRun.Result brief(RunOptions options) throws Exception {
        return run(List.of(EXAMPLES.resolve("brief")), options);
    }

    private static TraceEvent event(ScenarioRun.Result result, String handset, String kind) {
        return result.events().stream().filter(e -> e.handset().equals(handset) && e.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " event for " + handset + " in " + result.events()));
    }

    private static String facts(TraceEvent event) {
        return event.facts().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
    }

    /** Every stage after the failed one is skipped, and says so. */
    private static void assertRestSkipped(ScenarioRun.Result result, String handset, int failedStage) {
        List<TraceEvent> later = result.events().stream().filter(e -> e.handset().equals(handset) && e.stage() > failedStage).toList();
        assertFalse(later.isEmpty());
        later.forEach(e -> {
            assertEquals(Outcome.SKIPPED, e.outcome(), e.toString());
            assertEquals("not reached: stage " + failedStage + " failed", e.summary());
        });
    }

    @Test
    void everyScenarioOfTheBriefRunsAndItsTraceShowsEachStage() throws Exception {
        ScenarioRun.Result result = brief(RunOptions.defaults());
        assertTrue(result.succeeded(), () -> result.events().stream().filter(e -> e.outcome() == Outcome.FAILED).toList().toString());
        List<TraceEvent> k7 = result.events().stream().filter(e -> e.scenario().equals("fjord.scenarios.NewSubscriber")
                && e.handset().equals("KestrelK7")).toList();
        assertEquals(List.of("handset", "trust", "request", "deliver", "connect", "download", "run", "install"),
                k7.stream().map(TraceEvent::kind).toList());
        k7.forEach(e -> assertEquals(Outcome.OK, e.outcome(), e.toString()));
        String deliver = facts(k7.get(3));
        assertTrue(deliver.contains("SMS received: 10 of 10 sent"), deliver);
        assertTrue(deliver.contains("MAC: valid (USERPIN, PIN typed by the user)"), deliver);
        String connect = facts(k7.get(4));
        assertTrue(connect.contains("URL: http://provisioning.fjord-mobile.example/welcome (\"Setup\", from the delivered settings)"), connect);
        String download = facts(k7.get(5));
        assertTrue(download.contains("domain: Operator (root OperatorRoot)"), download);
        assertTrue(download.contains("install-notify: 900 Success"), download);
        String bootstrap = facts(k7.get(6));
        assertTrue(bootstrap.contains("Prov-Choice: Pay as you go"), bootstrap);
        assertTrue(bootstrap.contains("Prov-Field-credit card: ********"), bootstrap);
        assertTrue(k7.get(6).summary().contains("the flow of NewSubscriber"), k7.get(6).summary());
        assertTrue(k7.get(6).summary().endsWith("the card applied the SIM update SimKeys"), k7.get(6).summary());
        assertTrue(bootstrap.contains("SIM OTA: 24 packet(s), CC verified and deciphered with the card's keys, counters 1..24 accepted"), bootstrap);
        assertTrue(bootstrap.contains("SIM 7FFF/5F3C/4F41: record(s) [1] written (UPDATE RECORD)"), bootstrap);
        String install = facts(k7.get(7));
        assertTrue(install.contains("Wallet domain: ThirdParty (root ThirdPartyCa)"), install);
        assertTrue(install.contains("MailClient install-notify: 900 Success"), install);
        // Each scenario's handset runs its own flow of the bootstrap, led there by its own settings.
        assertTrue(result.events().stream().anyMatch(e -> e.scenario().endsWith("NorthernMultiClassmark") && e.kind().equals("run")
                && e.summary().contains("the flow of NorthernMultiClassmark")));
        TraceEvent netwpin = result.events().stream().filter(e -> e.scenario().endsWith("CapitalLaunchBySimToolkit") && e.kind().equals("deliver"))
                .findFirst().orElseThrow();
        assertTrue(facts(netwpin).contains("MAC: valid (NETWPIN, IMSI 001010000000201)"), facts(netwpin));
        TraceEvent call = result.events().stream().filter(e -> e.scenario().endsWith("LegacyHandset") && e.kind().equals("request"))
                .findFirst().orElseThrow();
        assertEquals(Outcome.SKIPPED, call.outcome());
    }

    @Test
    void theScriptedUserAnswersAsTold() throws Exception {
        ScenarioRun.Result result = brief(RunOptions.defaults().withScenario("NewSubscriber")
                .withAnswers(Map.of("Choose", "Fjord Unlimited", "credit card", "4111 1111 1111 1111")));
        TraceEvent bootstrap = event(result, "KestrelK7", "run");
        assertEquals(Outcome.OK, bootstrap.outcome(), bootstrap.toString());
        assertTrue(facts(bootstrap).contains("Prov-Choice: Fjord Unlimited"), facts(bootstrap));
        assertFalse(result.events().toString().contains("4111"), "a typed answer is in the trace");
    }

    @Test
    void aWrongPinFailsTheDeliveryAndTheHandsetSaysSo() throws Exception {
        ScenarioRun.Result result = brief(RunOptions.defaults().withScenario("NewSubscriber").withUserPin("0000"));
        TraceEvent deliver = event(result, "KestrelK7", "deliver");
        assertEquals(Outcome.FAILED, deliver.outcome());
        assertTrue(deliver.summary().contains("the MAC does not verify with the PIN the user typed"), deliver.summary());
        assertEquals("Invalid PIN. Settings not saved.", deliver.facts().get(TraceEvent.SCREEN));
        assertTrue(deliver.facts().get("MAC").startsWith("INVALID (USERPIN"), deliver.facts().toString());
        assertRestSkipped(result, "KestrelK7", 3);
        assertFalse(result.events().toString().contains("0000"), "the typed PIN is in the trace");
    }

    @Test
    void aLostSegmentLeavesTheMessageIncomplete() throws Exception {
        ScenarioRun.Result result = brief(RunOptions.defaults().withScenario("NewSubscriber").withFaults(Set.of(Fault.LOSE_SEGMENT)));
        TraceEvent deliver = event(result, "AuroraA2", "deliver");
        assertEquals(Outcome.FAILED, deliver.outcome());
        assertEquals("the message never completed: part(s) 2 of 10 did not arrive", deliver.summary());
        assertRestSkipped(result, "AuroraA2", 3);
    }

    @Test
    void aDuplicatedSegmentIsToleratedAndReported() throws Exception {
        ScenarioRun.Result result = brief(RunOptions.defaults().withScenario("NewSubscriber").withFaults(Set.of(Fault.DUPLICATE_SEGMENT)));
        TraceEvent deliver = event(result, "KestrelK7", "deliver");
        assertEquals(Outcome.OK, deliver.outcome(), deliver.toString());
        assertTrue(deliver.facts().get("tolerated").contains("part 2 received again; the first is kept"), deliver.facts().toString());
        assertTrue(deliver.facts().get("MAC").startsWith("valid"), deliver.facts().toString());
    }

    @Test
    void aHandsetThatDoesNotTrustTheSignersDomainRefusesTheBootstrap() throws Exception {
        ScenarioRun.Result result = brief(RunOptions.defaults().withScenario("NewSubscriber").withFaults(Set.of(Fault.UNTRUSTED_SIGNER)));
        TraceEvent download = event(result, "KestrelK7", "download");
        assertEquals(Outcome.FAILED, download.outcome());
        assertTrue(download.summary().startsWith("the signature does not verify against the handset's roots"), download.summary());
        assertTrue(download.facts().get("install-notify").startsWith("909 Application authentication failure"), facts(download));
        assertEquals("Application authentication failed", download.facts().get(TraceEvent.SCREEN));
        assertTrue(event(result, "KestrelK7", "trust").facts().get("not trusted").contains("OperatorRoot"));
        assertRestSkipped(result, "KestrelK7", 5);
    }

    @Test
    void aServerThatIsDownFailsTheRequest() throws Exception {
        ScenarioRun.Result result = brief(RunOptions.defaults().withScenario("NewSubscriber").withFaults(Set.of(Fault.SERVER_DOWN)));
        TraceEvent request = event(result, "KestrelK7", "request");
        assertEquals(Outcome.FAILED, request.outcome());
        assertTrue(request.summary().contains("does not answer Kannel's get-url: connection refused"), request.summary());
        assertRestSkipped(result, "KestrelK7", 2);
    }

    @Test
    void aServerDownAfterTheSettingsFailsTheConnection() throws Exception {
        Path model = Files.writeString(sources.resolve("down.prov"), """
                namespace down.example
                parameters Web {
                	www {
                		homepage "http://setup.down.example/"
                	}
                }
                server Setup {
                	url "http://setup.down.example/"
                }
                scenario Connect {
                	deliver Web {
                		security none
                		to "+447700900111"
                	}
                	connect Setup
                }
                """);
        ScenarioRun.Result result = run(List.of(model), RunOptions.defaults().withFaults(Set.of(Fault.SERVER_DOWN)));
        TraceEvent connect = event(result, "AnyHandset", "connect");
        assertEquals(Outcome.FAILED, connect.outcome());
        assertEquals("the server at setup.down.example does not answer: connection refused", connect.summary());
        assertEquals("Server not responding", connect.facts().get(TraceEvent.SCREEN));
    }

    /** The brief's settings as the SMSC delivers them to +447700900123: ten segments of OMA CP, USERPIN-signed. */
    private static List<org.mexe.studio.smpp.HandsetLink.MobileTerminated> briefSettings() throws Exception {
        ProvisioningPipeline pipeline = ProvisioningPipeline.standalone();
        SecretResolver secrets = new SecretResolver(Map.of());
        var loaded = pipeline.load(List.of(EXAMPLES.resolve("brief")), secrets);
        var produced = pipeline.produce(loaded, pipeline.validate(loaded), secrets, java.util.Optional.empty(), new java.util.Random(1));
        String hex = new String(produced.artefacts().files().get("fjord.scenarios.NewSubscriber/03-deliver-National/sms-submit.hex"),
                java.nio.charset.StandardCharsets.US_ASCII);
        return hex.lines().map(org.mexe.studio.codec.Hex::decode).map(tpdu -> org.mexe.studio.smpp.Submission.of(tpdu, "+447700900123"))
                .map(s -> new org.mexe.studio.smpp.HandsetLink.MobileTerminated("2000", 0, s.esmClass(), s.protocolId(), s.dataCoding(),
                        s.shortMessage()))
                .toList();
    }

    private static org.mexe.studio.model.provisioning.HandsetProfile profile(String name, int segments,
            org.mexe.studio.model.provisioning.DeliveryFormat format) {
        var profile = org.mexe.studio.model.provisioning.ProvisioningFactory.eINSTANCE.createHandsetProfile();
        profile.setName(name);
        profile.getClassmarks().add(3);
        profile.setConcatenatedSms(true);
        profile.setSegmentLimit(segments);
        profile.getFormats().add(format);
        return profile;
    }

    /** The validator stops such models before a run; the handset still refuses what it cannot take, as a real one does. */
    @Test
    void moreSegmentsThanTheHandsetTakesAreRefusedAndAFormatItDoesNotReadIsIgnored() throws Exception {
        var segments = briefSettings();
        assertEquals(10, segments.size());
        var small = new SimulatedHandset(profile("Small", 6, org.mexe.studio.model.provisioning.DeliveryFormat.OMA_CP), "+447700900123",
                "001017700900123", java.util.Optional.of("1234"));
        segments.forEach(small::radio);
        Step refused = small.receiveSettings(segments.size(), java.time.Duration.ofSeconds(5), Set.of());
        assertEquals(Outcome.FAILED, refused.outcome);
        assertEquals("the message has 10 segments and Small reassembles at most 6", refused.summary);

        var old = new SimulatedHandset(profile("OldPhone", 12, org.mexe.studio.model.provisioning.DeliveryFormat.NOKIA_OTA), "+447700900123",
                "001017700900123", java.util.Optional.of("1234"));
        segments.forEach(old::radio);
        Step ignored = old.receiveSettings(segments.size(), java.time.Duration.ofSeconds(5), Set.of());
        assertEquals(Outcome.FAILED, ignored.outcome);
        assertEquals("OldPhone does not read OMA Client Provisioning: it ignores the message", ignored.summary);

        var right = new SimulatedHandset(profile("Right", 12, org.mexe.studio.model.provisioning.DeliveryFormat.OMA_CP), "+447700900123",
                "001017700900123", java.util.Optional.of(Files.readString(EXAMPLES.resolve("demo-secrets/DEMO-ONLY-userpin.txt")).strip()));
        java.util.List<org.mexe.studio.smpp.HandsetLink.MobileTerminated> shuffled = new java.util.ArrayList<>(segments);
        java.util.Collections.reverse(shuffled); // segments arrive in any order
        shuffled.forEach(right::radio);
        Step saved = right.receiveSettings(segments.size(), java.time.Duration.ofSeconds(5), Set.of());
        assertEquals(Outcome.OK, saved.outcome, saved.summary);
        assertTrue(right.settings.stream().anyMatch(l -> l.uri().toString().equals("http://provisioning.fjord-mobile.example/welcome")));
    }

    @Test
    void theCardRefusesAReplayedOrTamperedSimUpdate() throws Exception {
        ProvisioningPipeline pipeline = ProvisioningPipeline.standalone();
        SecretResolver secrets = new SecretResolver(Map.of());
        var loaded = pipeline.load(List.of(EXAMPLES.resolve("brief")), secrets);
        var produced = pipeline.withOtaCounters(sources.resolve("counters")).produce(loaded, pipeline.validate(loaded), secrets,
                java.util.Optional.empty(), new java.util.Random(1));
        String hex = new String(produced.artefacts().files().get("fjord.scenarios.NewSubscriber/06-sim-update/sms-submit.hex"),
                java.nio.charset.StandardCharsets.US_ASCII);
        List<org.mexe.studio.smpp.HandsetLink.MobileTerminated> packets = hex.lines().map(org.mexe.studio.codec.Hex::decode)
                .map(tpdu -> org.mexe.studio.smpp.Submission.of(tpdu, "+447700900123"))
                .map(p -> new org.mexe.studio.smpp.HandsetLink.MobileTerminated("Operator", 5, p.esmClass(), p.protocolId(), p.dataCoding(),
                        p.shortMessage()))
                .toList();
        var ota = loaded.models().stream().flatMap(m -> m.getElements().stream())
                .filter(org.mexe.studio.model.provisioning.SimOta.class::isInstance).map(org.mexe.studio.model.provisioning.SimOta.class::cast)
                .findFirst().orElseThrow();
        SimCard card = new SimCard(org.mexe.studio.generator.SimUpdateContributor.cardKeys(ota, secrets));
        Step first = card.apply(packets, new Step());
        assertEquals(Outcome.OK, first.outcome, first.summary);
        Step replay = card.apply(packets.subList(0, 1), new Step());
        assertEquals(Outcome.FAILED, replay.outcome);
        assertTrue(replay.summary.startsWith("the card refuses counter 1 after 24"), replay.summary);

        var original = packets.get(0);
        byte[] tampered = original.shortMessage();
        tampered[tampered.length - 1] ^= 0x01;
        Step broken = new SimCard(org.mexe.studio.generator.SimUpdateContributor.cardKeys(ota, secrets)).apply(
                List.of(new org.mexe.studio.smpp.HandsetLink.MobileTerminated("Operator", 5, original.esmClass(), original.protocolId(),
                        original.dataCoding(), tampered)), new Step());
        assertEquals(Outcome.FAILED, broken.outcome);
        assertTrue(broken.summary.startsWith("the card refuses a packet"), broken.summary);
    }

    @Test
    void theTraceIsJsonLinesThatJqReads() throws Exception {
        ScenarioRun.Result result = brief(RunOptions.defaults().withScenario("LegacyHandset"));
        String lines = result.events().stream().map(TraceJson::line).collect(Collectors.joining("\n", "", "\n"));
        String kinds = PeerTools.jq(lines, "[.handset, .stage, .kind, .outcome]");
        assertEquals("""
                ["-",0,"run","ok"]
                ["KestrelK1",0,"handset","ok"]
                ["KestrelK1",1,"request","skipped"]
                ["KestrelK1",2,"deliver","ok"]
                ["KestrelK1",3,"connect","skipped"]
                """, kinds);
        String document = PeerTools.jq(lines, "select(.kind == \"deliver\") | .facts.document");
        assertTrue(document.contains("NOKIA_OTA_SETTINGS"), document);
    }
}
