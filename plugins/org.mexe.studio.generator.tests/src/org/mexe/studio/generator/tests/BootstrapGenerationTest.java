package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.bootstrap.ClassFiles;
import org.mexe.studio.bootstrap.MidletJar;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.StageReport;
import org.mexe.studio.security.MidletSuiteSigner;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.testing.PeerTools;

/**
 * The bootstrap applications and components of the brief, generated as the demo does: every JAR
 * holds CLDC-preverified classes, every JAD's signature verifies with openssl, hosted JADs point
 * at their server, libwbxml reads the WMLC decks, and the download, run and install stages say
 * what they produced.
 */
class BootstrapGenerationTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("prov.examples", "../../examples"));
    private static final String SERVER = "http://provisioning.fjord-mobile.example/";

    @TempDir
    Path out;

    @TempDir
    Path again;

    @TempDir
    Path sources;

    private ProvisioningPipeline.GenerationResult generateExamples(Path into) throws Exception {
        return ProvisioningPipeline.standalone().generate(List.of(EXAMPLES), into, new SecretResolver(Map.of()));
    }

    @Test
    void everyJarHoldsPreverifiedCldcClasses() throws Exception {
        generateExamples(out);
        List<Path> jars = files(out, ".jar");
        assertTrue(jars.size() >= 6, "Setup, Wallet and MailClient, each in applications/ and htdocs/: " + jars);
        for (Path jar : jars) {
            SortedMap<String, byte[]> entries = MidletJar.read(Files.readAllBytes(jar));
            assertEquals(MidletJar.MANIFEST, entries.firstKey().equals(MidletJar.MANIFEST) ? MidletJar.MANIFEST : "", jar + " has a manifest");
            List<String> classes = entries.keySet().stream().filter(n -> n.endsWith(".class")).toList();
            assertFalse(classes.isEmpty(), jar + " has no classes");
            for (String name : classes) {
                byte[] bytes = entries.get(name);
                int major = ((bytes[6] & 0xFF) << 8) | (bytes[7] & 0xFF);
                assertEquals(48, major, jar + "!" + name + ": class version 48 (Java 1.4), what CLDC 1.1 VMs load");
                ClassFiles.Summary summary = ClassFiles.read(bytes);
                assertTrue(summary.methodsWithCode().stream().anyMatch(ClassFiles.Method::needsStackMap), name + " has no branch at all");
                for (ClassFiles.Method method : summary.methodsWithCode()) {
                    if (method.needsStackMap()) {
                        assertTrue(method.hasStackMap(), jar + "!" + name + "." + method.name() + " branches but has no CLDC StackMap");
                    }
                    assertFalse(method.hasStackMapTable(), jar + "!" + name + "." + method.name() + " has a Java 6 StackMapTable");
                }
            }
            String manifest = new String(entries.get(MidletJar.MANIFEST), StandardCharsets.UTF_8);
            assertTrue(manifest.contains("MicroEdition-Profile: MIDP-2.0") && manifest.contains("MicroEdition-Configuration: CLDC-1.1"), manifest);
        }
    }

    @Test
    void opensslVerifiesEveryJadSignatureAndHostedJadsPointAtTheirServer() throws Exception {
        generateExamples(out);
        List<Path> jads = files(out, ".jad");
        assertTrue(jads.size() >= 6, "JADs: " + jads);
        for (Path file : jads) {
            MidletSuiteSigner.Jad jad = MidletSuiteSigner.Jad.parse(Files.readString(file));
            Map<String, String> a = jad.attributes();
            String jarUrl = a.get("MIDlet-Jar-URL");
            byte[] jar = Files.readAllBytes(file.resolveSibling(jarUrl.substring(jarUrl.lastIndexOf('/') + 1)));
            assertEquals(Integer.toString(jar.length), a.get(MidletSuiteSigner.JAR_SIZE), file.toString());
            String certificate = "-----BEGIN CERTIFICATE-----\n" + a.get(MidletSuiteSigner.CERTIFICATE_PREFIX + "1") + "\n-----END CERTIFICATE-----\n";
            String verdict = PeerTools.opensslVerifyRsaSha1(jar, Base64.getDecoder().decode(a.get(MidletSuiteSigner.JAR_SIGNATURE)),
                    wrapPem(certificate));
            assertTrue(verdict.contains("Verified OK"), file + ": " + verdict);
            if (out.relativize(file).startsWith("servers")) {
                assertTrue(jarUrl.startsWith(SERVER), file + ": " + jarUrl);
                String jadUrl = SERVER + out.relativize(file).subpath(3, out.relativize(file).getNameCount()).toString().replace('\\', '/');
                assertEquals(jadUrl + "/install-notify", a.get("MIDlet-Install-Notify"), file.toString());
            }
        }
        String wallet = Files.readString(out.resolve("servers/ProvisioningServer/htdocs/components/wallet.jad"));
        assertTrue(wallet.contains("MIDlet-Certificate-1-1: "), "the wallet is signed by its vendor's key");
        assertTrue(Files.exists(out.resolve("servers/ProvisioningServer/htdocs/bootstrap/setup.jar")));
        assertTrue(Files.exists(out.resolve("servers/ProvisioningServer/htdocs/bootstrap/setup-CapitalLaunchBySimToolkit.jad")),
                "one JAD per scenario that runs Setup");
    }

    /** PEM lines of 64 characters, as openssl wants them. */
    private static String wrapPem(String pem) {
        String body = pem.substring(pem.indexOf('\n') + 1, pem.indexOf("\n-----END"));
        StringBuilder wrapped = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
        for (int i = 0; i < body.length(); i += 64) {
            wrapped.append(body, i, Math.min(body.length(), i + 64)).append('\n');
        }
        return wrapped.append("-----END CERTIFICATE-----\n").toString();
    }

    @Test
    void theBootstrapStagesSayWhatTheyProduced() throws Exception {
        var result = generateExamples(out);
        for (String kind : List.of("BootstrapDownload", "BootstrapActions", "ComponentDownload")) {
            // The SIM update of a run stage has a line of its own (SimUpdateGenerationTest): without a counter store, no packets.
            List<StageReport> reports = result.stages().stream().filter(r -> r.kind().equals(kind) && !r.summary().startsWith("SIM update"))
                    .toList();
            assertFalse(reports.isEmpty(), kind);
            reports.forEach(r -> assertFalse(r.producedNothing(), r.lines().toString()));
        }
        assertTrue(result.stages().stream().anyMatch(r -> r.summary().startsWith("SIM update SimKeys via FjordCards: SIM OTA packets not"
                + " generated, no OTA counter store was given")), "the SIM update says why it made no packets");
        StageReport download = result.stages().stream().filter(r -> r.scenario().endsWith("NorthernMultiClassmark")
                && r.kind().equals("BootstrapDownload")).findFirst().orElseThrow();
        assertTrue(download.summary().contains("AuroraA2 has classmarks 1, 3: default classmark 1 sends the WML deck first"), download.summary());
        StageReport newSubscriber = result.stages().stream().filter(r -> r.scenario().endsWith("NewSubscriber")
                && r.kind().equals("BootstrapDownload")).findFirst().orElseThrow();
        assertTrue(newSubscriber.summary().contains("AuroraA2 has classmarks 1, 3: default classmark 3 sends the MIDlet first"),
                newSubscriber.summary());
        StageReport run = result.stages().stream().filter(r -> r.scenario().endsWith("NewSubscriber") && r.kind().equals("BootstrapActions"))
                .findFirst().orElseThrow();
        assertTrue(run.summary().contains("5 actions") && run.summary().contains("orders Wallet, MailClient"), run.summary());
        assertTrue(run.written().stream().anyMatch(f -> f.endsWith("fjord/content/SetupMidlet.java")), run.written().toString());
        StageReport install = result.stages().stream().filter(r -> r.scenario().endsWith("NewSubscriber") && r.kind().equals("ComponentDownload"))
                .findFirst().orElseThrow();
        assertTrue(install.summary().startsWith("Wallet: classmark 3 MIDlet fjord.content.WalletMidlet") && !install.summary().contains("over http"),
                install.summary());
        assertTrue(install.written().contains("servers/ProvisioningServer/htdocs/components/wallet.jad"), install.written().toString());
    }

    @Test
    void theSameModelGivesTheSameBytes() throws Exception {
        generateExamples(out);
        generateExamples(again);
        SortedMap<String, byte[]> first = contents(out);
        SortedMap<String, byte[]> second = contents(again);
        assertEquals(first.keySet(), second.keySet());
        first.forEach((path, bytes) -> assertArrayEquals(bytes, second.get(path), path));
    }

    @Test
    void libwbxmlReadsTheWmlcDecks() throws Exception {
        generateExamples(out);
        List<Path> decks = files(out, ".wmlc");
        assertFalse(decks.isEmpty(), "AuroraA2 has classmark 1: Setup has a WML deck");
        for (Path deck : decks) {
            String decoded = PeerTools.wbxml2xml(Files.readAllBytes(deck), "WML11");
            String intended = Files.readString(Path.of(deck.toString().replaceFirst("\\.wmlc$", ".wml")));
            assertEquals(normalise(intended), normalise(decoded), deck.toString());
        }
    }

    /** The elements, attributes and text of a WML deck without layout, declarations or variable conversions. */
    private static String normalise(String wml) {
        return wml.replaceAll("<\\?xml[^>]*\\?>", "").replaceAll("<!DOCTYPE[^>]*>", "").replaceAll(">\\s+<", "><")
                .replaceAll("\\$\\(([A-Za-z0-9_]+)(:[a-z]+)?\\)", "\\$($1)").replace("&apos;", "'").strip();
    }

    @Test
    void aClassmark4HandsetGetsACSharpStubThatMonoCompiles() throws Exception {
        Path model = Files.writeString(sources.resolve("cli.prov"), """
                namespace cli.example
                server Portal {
                	url "http://portal.example/"
                	hosts Start at "start/start.jad"
                }
                bootstrap-app Start {
                	classmark 4
                }
                handset Pocket {
                	classmarks 2, 4
                }
                scenario PocketSetup {
                	handsets Pocket
                	connect Portal
                	download Start
                	run Start {
                		offer "Basic", "Plus"
                		collect "name"
                	}
                }
                """);
        var result = ProvisioningPipeline.standalone().generate(List.of(model), out, new SecretResolver(Map.of()));
        String csharp = Files.readString(out.resolve("applications/Start/classmark-4/Start.cs"));
        assertTrue(csharp.contains("\"http://portal.example/start/start.jad/install-notify\""), csharp);
        assertTrue(PeerTools.mcsCompile(csharp) > 0, "mcs wrote no assembly");
        StageReport download = result.stages().stream().filter(r -> r.kind().equals("BootstrapDownload")).findFirst().orElseThrow();
        assertTrue(download.summary().contains("classmark 2 (PersonalJava) not generated: "), download.summary());
        assertTrue(download.summary().contains("classmark 4 C# source stub"), download.summary());
    }

    @Test
    void aJarOverTheHandsetsLimitStopsGeneration() throws Exception {
        Path model = Files.writeString(sources.resolve("small.prov"), """
                namespace small.example
                bootstrap-app Start {
                	classmark 3
                }
                handset Tiny {
                	classmarks 3
                	max-jar 1000 bytes
                }
                scenario TinySetup {
                	handsets Tiny
                	download Start
                }
                """);
        GenerationException e = assertThrows(GenerationException.class,
                () -> ProvisioningPipeline.standalone().generate(List.of(model), out, new SecretResolver(Map.of())));
        String problems = e.problems().toString();
        assertTrue(problems.contains("more than the 1000 bytes the handset Tiny installs"), problems);
        assertTrue(problems.contains("small.prov, line=2"), "the error names the application's line: " + problems);
        assertEquals(List.of(), files(out, ".jar"), "nothing was written");
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static SortedMap<String, byte[]> contents(Path root) throws IOException {
        SortedMap<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(file).toString();
                if (relative.startsWith("applications") || relative.startsWith("servers")) {
                    contents.put(relative, Files.readAllBytes(file));
                }
            }
        }
        return contents;
    }
}
