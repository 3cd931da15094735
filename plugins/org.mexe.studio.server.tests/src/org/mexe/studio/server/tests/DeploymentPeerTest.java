package org.mexe.studio.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.generator.DeliverySummary;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.server.ContentTypes;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.server.InstallStatus;
import org.mexe.studio.server.ProvisioningServer;
import org.mexe.studio.testing.PeerTools;

/**
 * The generated server folders of the bundled examples, deployed with the real programs that
 * read them: nginx accepts nginx.conf and, started with it on a loopback port, serves every file
 * of htdocs with its type and passes install notifications to the embedded back end; Kannel's
 * test_cfg accepts kannel.conf.
 */
class DeploymentPeerTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("prov.examples", "../../examples"));

    @TempDir
    static Path out;

    private static ProvisioningPipeline.GenerationResult result;

    @BeforeAll
    static void generate() throws Exception {
        result = ProvisioningPipeline.standalone().generate(List.of(EXAMPLES), out.resolve("artefacts"), new SecretResolver(Map.of()));
    }

    private static List<Path> serverFolders() throws IOException {
        try (Stream<Path> folders = Files.list(out.resolve("artefacts/servers"))) {
            List<Path> list = folders.sorted().toList();
            assertFalse(list.isEmpty(), "the examples generate no server folder");
            return list;
        }
    }

    @Test
    void kannelsTestCfgAcceptsEveryKannelConf() throws Exception {
        int largest = result.deliveries().stream().mapToInt(DeliverySummary::smsCount).max().orElseThrow();
        for (Path folder : serverFolders()) {
            Path config = folder.resolve("kannel.conf");
            PeerTools.kannelTestCfg(config);
            String text = Files.readString(config);
            // test_cfg does not catch missing required keys: bearerbox panics without system-type.
            assertTrue(text.contains("\nsystem-type = "), "system-type");
            assertTrue(text.contains("\nconcatenation = true\n"), "concatenation");
            int maxMessages = Integer.parseInt(text.lines().filter(l -> l.startsWith("max-messages = ")).findFirst().orElseThrow()
                    .substring("max-messages = ".length()));
            assertTrue(maxMessages >= largest, "max-messages " + maxMessages + " < the largest payload, " + largest + " SMS");
        }
    }

    @Test
    void nginxServesEveryFileWithItsTypeAndPassesInstallNotificationsOn() throws Exception {
        for (Path generated : serverFolders()) {
            PeerTools.nginxTest(copy(generated, out.resolve("check-" + generated.getFileName())), "nginx.conf");

            Path deployed = copy(generated, out.resolve("deployed-" + generated.getFileName()));
            List<String> backendLog = new CopyOnWriteArrayList<>();
            try (ProvisioningServer backend = ProvisioningServer.start(deployed, backendLog::add)) {
                int port = freePort();
                // Only the addresses change: a loopback port instead of the base URL's, the back end's port.
                Path config = deployed.resolve("nginx.conf");
                String text = Files.readString(config);
                String listen = text.lines().filter(l -> l.strip().startsWith("listen ")).findFirst().orElseThrow();
                text = text.replace(listen, "        listen 127.0.0.1:" + port + ";")
                        .replace("server 127.0.0.1:8081;", "server 127.0.0.1:" + backend.address().getPort() + ";");
                Files.writeString(config, text);
                PeerTools.nginxTest(deployed, "nginx.conf");
                Process nginx = new ProcessBuilder(PeerTools.nginx().toString(), "-p", deployed + "/", "-c", "nginx.conf", "-g",
                        // As root, nginx's workers would run as nobody, who cannot enter the test's private temporary folder.
                        "daemon off; user " + System.getProperty("user.name") + ";")
                        .redirectErrorStream(true).redirectOutput(deployed.resolve("nginx.out").toFile()).start();
                try {
                    awaitListening(port, nginx, deployed);
                    fetchEverything(URI.create("http://127.0.0.1:" + port + "/"), deployed);
                    HttpClient client = HttpClient.newHttpClient();
                    HttpResponse<String> notify = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/bootstrap/setup.jad/install-notify")).POST(HttpRequest.BodyPublishers.ofString("900 Success")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, notify.statusCode(), notify.body());
                    assertEquals(Optional.of(InstallStatus.SUCCESS), backend.installNotifications().get(0).status());
                    HttpResponse<String> put = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.xhtml"))
                            .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(405, put.statusCode());
                } finally {
                    nginx.destroy();
                    nginx.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** Every file below htdocs, by its path, with the type of its extension and its exact bytes; pages also without their extension. */
    private static void fetchEverything(URI base, Path prefix) throws Exception {
        Path htdocs = prefix.resolve("htdocs");
        HttpClient client = HttpClient.newHttpClient();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(htdocs)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertFalse(files.isEmpty());
        List<String> checked = new ArrayList<>();
        for (Path file : files) {
            String path = htdocs.relativize(file).toString();
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), () -> path + ": " + readIfExistsUnchecked(prefix.resolve("error.log")));
            assertEquals(Optional.of(ContentTypes.of(path)), response.headers().firstValue("Content-Type").map(t -> t.split(";")[0]), path);
            assertTrue(Arrays.equals(Files.readAllBytes(file), response.body()), path);
            checked.add(path);
            for (String[] form : new String[][] { { ".wml", "text/vnd.wap.wml" }, { ".xhtml", "application/vnd.wap.xhtml+xml" } }) {
                if (path.endsWith(form[0])) {
                    String page = path.substring(0, path.length() - form[0].length());
                    page = page.equals("index") ? "" : page.endsWith("/index") ? page.substring(0, page.length() - "index".length()) : page;
                    HttpResponse<byte[]> negotiated = client.send(HttpRequest.newBuilder(base.resolve(page.isEmpty() ? "/" : page))
                            .header("Accept", form[1]).build(), HttpResponse.BodyHandlers.ofByteArray());
                    assertEquals(200, negotiated.statusCode(), page);
                    assertEquals(Optional.of(form[1]), negotiated.headers().firstValue("Content-Type").map(t -> t.split(";")[0]), page);
                }
            }
        }
        assertTrue(checked.stream().anyMatch(p -> p.endsWith(".xhtml")), checked::toString);
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits (a bounded number of tries, no timing asserted) until nginx accepts connections, or fails with its output. */
    private static void awaitListening(int port, Process nginx, Path prefix) throws Exception {
        for (int attempt = 0; attempt < 200; attempt++) {
            if (!nginx.isAlive()) {
                fail("nginx stopped: " + Files.readString(prefix.resolve("nginx.out")) + readIfExists(prefix.resolve("error.log")));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        fail("nginx did not listen on " + port + ": " + readIfExists(prefix.resolve("error.log")));
    }

    private static String readIfExistsUnchecked(Path file) {
        try {
            return readIfExists(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
