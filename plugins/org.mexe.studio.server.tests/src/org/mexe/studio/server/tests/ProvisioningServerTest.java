package org.mexe.studio.server.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.server.InstallStatus;
import org.mexe.studio.server.ProvisioningServer;

/** {@code prov serve}'s server: types, pages by Accept, install notifications, refusals, loopback, and a bounded load with no error. */
class ProvisioningServerTest {

    @TempDir
    Path folder;

    private Path htdocs;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private ProvisioningServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    /** File name, content type, content: one of each kind a provisioning server holds. */
    private static final List<String[]> FILES = List.of(
            new String[] { "bootstrap/setup.jad", "text/vnd.sun.j2me.app-descriptor", "MIDlet-Name: Setup\n" },
            new String[] { "bootstrap/setup.jar", "application/java-archive", "PK\u0003\u0004jar" },
            new String[] { "welcome.wml", "text/vnd.wap.wml", "<wml><card/></wml>" },
            new String[] { "welcome.xhtml", "application/vnd.wap.xhtml+xml", "<html/>" },
            new String[] { "deck.wmlc", "application/vnd.wap.wmlc", "\u0002\u0004j\u0000" },
            new String[] { "script.wmls", "text/vnd.wap.wmlscript", "extern function f() {}" },
            new String[] { "script.wmlsc", "application/vnd.wap.wmlscriptc", "\u0001\u0000" },
            new String[] { "settings.wbxml", "application/vnd.wap.connectivity-wbxml", "\u0003\u000b\u006a" },
            new String[] { "index.xhtml", "application/vnd.wap.xhtml+xml", "<html>home</html>" },
            new String[] { "index.wml", "text/vnd.wap.wml", "<wml>home</wml>" },
            new String[] { "README", "application/octet-stream", "no extension" });

    @BeforeEach
    void start() throws IOException {
        htdocs = Files.createDirectories(folder.resolve("htdocs"));
        for (String[] file : FILES) {
            Path path = htdocs.resolve(file[0]);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file[2], StandardCharsets.ISO_8859_1);
        }
        Files.writeString(folder.resolve("outside.txt"), "SECRET outside the root");
        server = ProvisioningServer.start(folder, log::add);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listensOnLoopbackByDefaultAndServesTheServerFoldersHtdocs() {
        assertTrue(server.address().getAddress().isLoopbackAddress(), server.address().toString());
        assertTrue(server.address().getPort() > 0);
        assertEquals(htdocs.toAbsolutePath().normalize(), server.root());
        assertEquals("http://127.0.0.1:" + server.address().getPort() + "/", server.url().toString());
    }

    @Test
    void servesEveryFileWithItsContentType() throws Exception {
        for (String[] file : FILES) {
            HttpResponse<byte[]> response = get("/" + file[0], Map.of());
            assertEquals(200, response.statusCode(), file[0]);
            assertEquals(Optional.of(file[1]), response.headers().firstValue("Content-Type"), file[0]);
            assertArrayEquals(file[2].getBytes(StandardCharsets.ISO_8859_1), response.body(), file[0]);
        }
        assertTrue(log.stream().anyMatch(line -> line.contains("GET /bootstrap/setup.jad 200")), log::toString);
    }

    @Test
    void headSendsTheLengthWithoutTheBody() throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(server.url().resolve("/bootstrap/setup.jad"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("19"), response.headers().firstValue("Content-Length"));
        assertEquals(0, response.body().length);
    }

    @Test
    void aPageComesInTheFormTheBrowserAccepts() throws Exception {
        assertEquals("<wml><card/></wml>", text(get("/welcome", Map.of("Accept", "text/vnd.wap.wml, image/vnd.wap.wbmp"))));
        assertEquals("<html/>", text(get("/welcome", Map.of("Accept", "application/vnd.wap.xhtml+xml, text/vnd.wap.wml"))));
        assertEquals("<html/>", text(get("/welcome", Map.of())));
        assertEquals("<wml>home</wml>", text(get("/", Map.of("Accept", "text/vnd.wap.wml"))));
        HttpResponse<byte[]> home = get("/", Map.of("Accept", "application/xhtml+xml"));
        assertEquals("<html>home</html>", text(home));
        assertEquals(Optional.of("application/vnd.wap.xhtml+xml"), home.headers().firstValue("Content-Type"));
        assertEquals(404, get("/missing", Map.of()).statusCode());
    }

    @Test
    void acceptsInstallNotificationsAndLogsTheirMeaning() throws Exception {
        assertEquals(200, post("/bootstrap/setup.jad/install-notify", "900 Success\n").statusCode());
        assertEquals(200, post("/bootstrap/setup.jad/install-notify", "906 Invalid Descriptor").statusCode());
        assertEquals(200, post("/install-notify/wallet", "909").statusCode());
        // Lenient: a code MIDP 2.0 does not define is logged as such, not refused.
        assertEquals(200, post("/bootstrap/setup.jad/install-notify", "950 Vendor status").statusCode());
        assertEquals(400, post("/bootstrap/setup.jad/install-notify", "installed fine").statusCode());
        assertEquals(405, get("/bootstrap/setup.jad/install-notify", Map.of()).statusCode());

        var received = server.installNotifications();
        assertEquals(List.of(900, 906, 909, 950), received.stream().map(n -> n.code()).toList());
        assertEquals(Optional.of(InstallStatus.SUCCESS), received.get(0).status());
        assertEquals(Optional.of(InstallStatus.INVALID_DESCRIPTOR), received.get(1).status());
        assertEquals(Optional.of(InstallStatus.APPLICATION_AUTHENTICATION_FAILURE), received.get(2).status());
        assertEquals(Optional.empty(), received.get(3).status());
        assertTrue(log.contains("install-notify /bootstrap/setup.jad/install-notify from 127.0.0.1: 900 Success"), log::toString);
        assertTrue(log.stream().anyMatch(l -> l.contains("909 Application authentication failure")), log::toString);
        assertTrue(log.stream().anyMatch(l -> l.contains("950 (not a MIDP 2.0 install status) [tolerated: unknown status code 950]")),
                log::toString);
    }

    @Test
    void takesTheSmsRequestsKannelPassesOn() throws Exception {
        List<String> heard = new ArrayList<>();
        server.onSmsRequest(request -> heard.add(request.keyword()));
        HttpResponse<byte[]> response = get("/sms-request?keyword=SETUP&from=%2B447700900123&to=2000", Map.of());
        assertEquals(200, response.statusCode());
        assertEquals("SETUP", server.smsRequests().get(0).keyword());
        assertEquals("+447700900123", server.smsRequests().get(0).from());
        assertEquals("2000", server.smsRequests().get(0).to());
        assertEquals(List.of("SETUP"), heard);
    }

    @Test
    void refusesPathsThatClimbOutOfTheRoot() throws Exception {
        for (String target : List.of("/../outside.txt", "/%2e%2e/outside.txt", "/%2E%2E%2Foutside.txt", "/bootstrap/..%2f..%2foutside.txt",
                "/bootstrap/%2e%2e/%2e%2e/outside.txt", "/..\\outside.txt")) {
            String response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 400"), target + ": " + response);
            assertFalse(response.contains("SECRET"), target);
        }
        // Double encoding is a literal file name, which does not exist.
        assertTrue(raw("GET /%252e%252e/outside.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 404"));
    }

    @Test
    void refusesSymbolicLinksOutOfTheRoot() throws Exception {
        Files.createSymbolicLink(htdocs.resolve("escape.txt"), folder.resolve("outside.txt"));
        Files.createSymbolicLink(htdocs.resolve("up"), folder);
        Files.createSymbolicLink(htdocs.resolve("inside.jad"), htdocs.resolve("bootstrap/setup.jad"));
        assertEquals(403, get("/escape.txt", Map.of()).statusCode());
        assertEquals(403, get("/up/outside.txt", Map.of()).statusCode());
        HttpResponse<byte[]> inside = get("/inside.jad", Map.of());
        assertEquals(200, inside.statusCode(), "a link that stays inside the root is served");
    }

    @Test
    void refusesMethodsItDoesNotServe() throws Exception {
        for (String method : List.of("PUT", "DELETE", "POST", "PATCH")) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(server.url().resolve("/bootstrap/setup.jad"))
                    .method(method, HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(405, response.statusCode(), method);
            assertEquals(Optional.of("GET, HEAD"), response.headers().firstValue("Allow"), method);
        }
        assertEquals("MIDlet-Name: Setup\n", Files.readString(htdocs.resolve("bootstrap/setup.jad")), "nothing was changed");
    }

    /** A bounded load (no timing: the rate is measured apart, docs/performance.md): every response complete and right. */
    @Test
    void holdsABoundedLoadWithoutAnError() throws Exception {
        int clients = 16;
        int requestsEach = 125;
        byte[] jar = Files.readAllBytes(htdocs.resolve("bootstrap/setup.jar"));
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    int errors = 0;
                    for (int i = 0; i < requestsEach; i++) {
                        String path = i % 2 == 0 ? "/bootstrap/setup.jar" : "/welcome";
                        HttpResponse<byte[]> response = get(path, Map.of("Accept", "text/vnd.wap.wml"));
                        boolean right = response.statusCode() == 200 && (i % 2 == 0 ? java.util.Arrays.equals(jar, response.body())
                                : "<wml><card/></wml>".equals(text(response)));
                        errors += right ? 0 : 1;
                    }
                    return errors;
                }));
            }
            int errors = 0;
            for (Future<Integer> result : results) {
                errors += result.get();
            }
            assertEquals(0, errors, "requests answered wrongly out of " + clients * requestsEach);
        }
        // The server logs a request once its response is sent, so the client may read the last response
        // before its line is in: wait for the lines (a bound, not a measurement), then count them.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (log.stream().filter(l -> l.contains(" 200 ")).count() < clients * requestsEach && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(clients * requestsEach, log.stream().filter(l -> l.contains(" 200 ")).count());
    }

    private HttpResponse<byte[]> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(String path, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.url().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A request as written, past any client's normalisation of the path. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
