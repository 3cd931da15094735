package org.mexe.studio.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.server.InstallNotification;
import org.mexe.studio.server.InstallStatus;
import org.mexe.studio.server.ProvisioningServer;

/**
 * The generated bootstrap MIDlet on a MIDP 2.0 runtime, served by {@code prov serve}'s server:
 * MicroEmulator's headless launcher ({@code org.microemu:microemulator:2.0.4}) fetches the JAD and
 * the JAR from {@link ProvisioningServer} on loopback serving the generated server folder, starts
 * the MIDlet, and the MIDlet's status report (900 Success, with the flow of its scenario) arrives
 * at the server as an install notification.
 */
class MidletEmulatorTest {

    private static final Path EMULATOR = Path.of(System.getProperty("prov.microemulator", "target/emulator/microemulator.jar"));

    /** A bound, not a measurement: the emulator starts in about two seconds. */
    private static final long WAIT_MILLIS = 90_000;
    private static final long POLL_MILLIS = 200;

    @TempDir
    Path sources;

    @TempDir
    Path work;

    private static String model(String baseUrl) {
        return """
                namespace loopback.example
                server Loopback {
                	url "%s"
                	hosts Setup at "boot/setup.jad"
                	hosts Mail at "apps/mail.jad"
                }
                bootstrap-app Setup {
                	classmark 3
                }
                component Mail {
                	classmark 3
                }
                handset Phone {
                	classmarks 3
                }
                scenario Welcome {
                	handsets Phone
                	connect Loopback
                	download Setup
                	run Setup {
                		offer "Basic", "Plus"
                		collect "name"
                		order Mail
                	}
                	install Mail
                }
                """.formatted(baseUrl);
    }

    @Test
    void theEmulatorInstallsAndStartsTheMidletFromProvServeAndItsReportArrives() throws Exception {
        if (!Files.isRegularFile(EMULATOR)) {
            fail("MicroEmulator is missing at " + EMULATOR + ": the test module's pom copies it from Maven Central at build time");
        }
        Path model = sources.resolve("loopback.prov");
        Path out = work.resolve("out");
        ProvisioningPipeline pipeline = ProvisioningPipeline.standalone();
        // The JADs name the server's URL, which is known once the server listens on the port the
        // system picked: generate, serve the generated server folder, generate again with its URL.
        Files.writeString(model, model("http://127.0.0.1:1/"));
        pipeline.generate(List.of(model), out, new SecretResolver(Map.of()));
        List<String> log = new CopyOnWriteArrayList<>();
        Process emulator = null;
        try (ProvisioningServer server = ProvisioningServer.start(out.resolve("servers/Loopback"), log::add)) {
            String base = server.url().toString();
            Files.writeString(model, model(base));
            pipeline.generate(List.of(model), out, new SecretResolver(Map.of()));
            assertTrue(Files.readString(out.resolve("servers/Loopback/htdocs/boot/setup.jad")).contains("MIDlet-Jar-URL: " + base + "boot/setup.jar"));

            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            emulator = new ProcessBuilder(java.toString(), "-Djava.awt.headless=true", "-cp", EMULATOR.toString(),
                    "org.microemu.app.Headless", base + "boot/setup.jad")
                    .redirectErrorStream(true).redirectOutput(work.resolve("emulator.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            Optional<InstallNotification> report = Optional.empty();
            for (long waited = 0; report.isEmpty() && waited < WAIT_MILLIS; waited += POLL_MILLIS) {
                report = server.installNotifications().stream().findFirst();
                if (report.isEmpty()) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
            if (report.isEmpty()) {
                fail("No install notification from the MIDlet within " + WAIT_MILLIS / 1000 + " s; server log: " + log + "; emulator log:\n"
                        + log(work.resolve("emulator.log")));
            }
            assertTrue(log.stream().anyMatch(l -> l.contains("GET /boot/setup.jad") && l.contains(" 200")), log.toString());
            assertTrue(log.stream().anyMatch(l -> l.contains("GET /boot/setup.jar") && l.contains(" 200")), log.toString());
            InstallNotification notification = report.get();
            assertEquals("/boot/setup.jad/install-notify", notification.path());
            assertEquals(900, notification.code());
            assertEquals(Optional.of(InstallStatus.SUCCESS), notification.status());
            assertTrue(notification.remote().contains("127.0.0.1"), notification.remote());
            assertTrue(log.stream().anyMatch(l -> l.contains("install-notify /boot/setup.jad/install-notify") && l.contains("900 Success")),
                    log.toString());
        } finally {
            if (emulator != null) {
                emulator.destroy();
                if (!emulator.waitFor(10, TimeUnit.SECONDS)) {
                    emulator.destroyForcibly();
                }
            }
        }
    }

    private static String log(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(none)";
    }
}
