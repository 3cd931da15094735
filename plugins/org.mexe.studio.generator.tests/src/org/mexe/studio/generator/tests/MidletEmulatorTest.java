package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.security.SecretResolver;

import com.sun.net.httpserver.HttpServer;

/**
 * The generated bootstrap MIDlet on a MIDP 2.0 runtime: MicroEmulator's headless launcher
 * ({@code org.microemu:microemulator:2.0.4}) fetches the JAD and the JAR from a server on
 * loopback, starts the MIDlet, and the MIDlet's own status report reaches the server at the
 * JAD's install-notify URL with the flow of its scenario.
 */
class MidletEmulatorTest {

    private static final Path EMULATOR = Path.of(System.getProperty("prov.microemulator", "target/emulator/microemulator.jar"));

    /** A bound, not a measurement: the emulator starts in about two seconds. */
    private static final long WAIT_SECONDS = 90;

    record Request(String method, String path, String body) {
    }

    @TempDir
    Path sources;

    @TempDir
    Path out;

    @Test
    void theEmulatorInstallsAndStartsTheMidletAndItsReportReachesTheServer() throws Exception {
        if (!Files.isRegularFile(EMULATOR)) {
            fail("MicroEmulator is missing at " + EMULATOR + ": the test module's pom copies it from Maven Central at build time");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<Request> requests = new CopyOnWriteArrayList<>();
        LinkedBlockingQueue<Request> reports = new LinkedBlockingQueue<>();
        Path htdocs = out.resolve("servers/Loopback/htdocs");
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), path, body);
            requests.add(request);
            if (request.method().equals("POST") && path.endsWith("/install-notify")) {
                reports.add(request);
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                return;
            }
            Path file = htdocs.resolve(path.substring(1)).normalize();
            if (!file.startsWith(htdocs) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] content = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", path.endsWith(".jad") ? "text/vnd.sun.j2me.app-descriptor"
                    : path.endsWith(".jar") ? "application/java-archive" : "application/octet-stream");
            exchange.sendResponseHeaders(200, content.length);
            exchange.getResponseBody().write(content);
            exchange.close();
        });
        server.start();
        Process emulator = null;
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Path model = Files.writeString(sources.resolve("loopback.prov"), """
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
                    """.formatted(base));
            ProvisioningPipeline.standalone().generate(List.of(model), out, new SecretResolver(Map.of()));

            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            emulator = new ProcessBuilder(java.toString(), "-Djava.awt.headless=true", "-cp", EMULATOR.toString(),
                    "org.microemu.app.Headless", base + "boot/setup.jad")
                    .redirectErrorStream(true).redirectOutput(out.resolve("emulator.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            Request report = reports.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (report == null) {
                fail("No report from the MIDlet within " + WAIT_SECONDS + " s; requests: " + requests + "; emulator log:\n"
                        + log(out.resolve("emulator.log")));
            }
            assertTrue(requests.stream().anyMatch(r -> r.method().equals("GET") && r.path().equals("/boot/setup.jad")), requests.toString());
            assertTrue(requests.stream().anyMatch(r -> r.method().equals("GET") && r.path().equals("/boot/setup.jar")), requests.toString());
            assertEquals("/boot/setup.jad/install-notify", report.path());
            assertTrue(report.body().startsWith("900 Success\n"), report.body());
            assertTrue(report.body().contains("Prov-Flow: Welcome\n") && report.body().contains("Prov-Step: started\n"), report.body());
        } finally {
            if (emulator != null) {
                emulator.destroy();
                if (!emulator.waitFor(10, TimeUnit.SECONDS)) {
                    emulator.destroyForcibly();
                }
            }
            server.stop(0);
        }
    }

    private static String log(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(none)";
    }
}
