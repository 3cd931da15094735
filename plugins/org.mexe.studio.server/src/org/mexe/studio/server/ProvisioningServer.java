package org.mexe.studio.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mexe.studio.generator.server.ContentTypes;
import org.mexe.studio.generator.server.ServerLayout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The embedded provisioning server: serves a generated server folder ({@code servers/<Name>/},
 * whose {@code htdocs/} it serves, or any folder) as the generated nginx configuration does, so
 * that a scenario runs end to end on loopback without installing anything.
 * <ul>
 * <li>GET and HEAD of files, with the content types of {@link ContentTypes}; a page without an
 * extension in the form the handset's Accept header asks for ({@link ServerLayout#pageVariants});</li>
 * <li>POST of MIDP install notifications ({@code .../install-notify}): logged with the meaning of
 * the status code, kept for {@link #installNotifications()};</li>
 * <li>GET of {@link ServerLayout#SMS_REQUEST_PATH}, where Kannel's sms-services pass requests;</li>
 * <li>405 for any other method, 400 for a path that climbs out of the root ({@code ..}, also
 * percent-encoded) and 403 for a symbolic link that leads out of it.</li>
 * </ul>
 * It binds to the loopback address unless given another. It is the JDK's {@code com.sun.net.httpserver}
 * with a virtual thread per request: no dependency to ship or keep up to date, in every JDK 21, and
 * enough for a provisioning server (docs/performance.md); handsets of this era speak plain HTTP/1.1.
 */
public final class ProvisioningServer implements AutoCloseable {

    /** An install notification body is a status line; anything longer is not one. */
    private static final int MAX_NOTIFY_BODY = 4096;
    private static final Pattern STATUS = Pattern.compile("^\\s*(\\d{3})\\b\\s*(.*?)\\s*$", Pattern.DOTALL);

    static {
        // Without TCP_NODELAY the JDK server sends a response's headers and body in separate segments
        // that wait for delayed ACKs: a 48 KB JAR took 67 ms instead of 2 (docs/performance.md).
        // The JDK reads the property once, when its first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer http;
    private final ExecutorService executor;
    private final Path root;
    private final Path realRoot;
    private final Consumer<String> log;
    private final List<InstallNotification> notifications = new CopyOnWriteArrayList<>();
    private final List<SmsRequest> smsRequests = new CopyOnWriteArrayList<>();
    private final List<Consumer<SmsRequest>> smsListeners = new CopyOnWriteArrayList<>();

    private ProvisioningServer(HttpServer http, ExecutorService executor, Path root, Consumer<String> log) throws IOException {
        this.http = http;
        this.executor = executor;
        this.root = root;
        this.realRoot = root.toRealPath();
        this.log = log;
    }

    /** Serves {@code folder} on 127.0.0.1 at a port the system picks. */
    public static ProvisioningServer start(Path folder, Consumer<String> log) throws IOException {
        return start(folder, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), log);
    }

    /**
     * Serves {@code folder} (its {@code htdocs/} when it has one) at {@code address}; port 0 picks a
     * free one. {@code log} receives one line per request and must be thread-safe.
     */
    public static ProvisioningServer start(Path folder, InetSocketAddress address, Consumer<String> log) throws IOException {
        Path root = documentRoot(folder);
        if (!Files.isDirectory(root)) {
            throw new IOException(folder + " is not a folder: give a generated server folder (servers/<Name>) or the folder to serve.");
        }
        HttpServer http = HttpServer.create(address, 128);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        ProvisioningServer server = new ProvisioningServer(http, executor, root.toAbsolutePath().normalize(), log);
        http.createContext("/", server::handle);
        http.start();
        return server;
    }

    /** The folder a server folder serves: its {@code htdocs/} when it has one, else itself. */
    public static Path documentRoot(Path folder) {
        Path htdocs = folder.resolve(ServerLayout.HTDOCS);
        return Files.isDirectory(htdocs) ? htdocs : folder;
    }

    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** {@code http://ADDRESS:PORT/}. */
    public URI url() {
        InetSocketAddress address = address();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    public Path root() {
        return root;
    }

    /** The install notifications received so far, in order. */
    public List<InstallNotification> installNotifications() {
        return List.copyOf(notifications);
    }

    /** The SMS requests received so far, in order. */
    public List<SmsRequest> smsRequests() {
        return List.copyOf(smsRequests);
    }

    /** Calls {@code listener} for every SMS request, e.g. to send the settings (the end-to-end run). */
    public void onSmsRequest(Consumer<SmsRequest> listener) {
        smsListeners.add(listener);
    }

    @Override
    public void close() {
        http.stop(0);
        executor.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if (path == null) {
                respond(exchange, 400, "text/plain", "Bad request path.\n", "");
            } else if (ServerLayout.isInstallNotify(path)) {
                if (method.equals("POST")) {
                    installNotify(exchange, path);
                } else {
                    notAllowed(exchange, "POST");
                }
            } else if (path.equals(ServerLayout.SMS_REQUEST_PATH)) {
                if (method.equals("GET")) {
                    smsRequest(exchange);
                } else {
                    notAllowed(exchange, "GET");
                }
            } else if (method.equals("GET") || method.equals("HEAD")) {
                serveFile(exchange, path);
            } else {
                notAllowed(exchange, "GET, HEAD");
            }
        } catch (IOException | RuntimeException e) {
            log.accept(method + " " + exchange.getRequestURI().getRawPath() + " failed: " + e);
        }
    }

    private void serveFile(HttpExchange exchange, String path) throws IOException {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.indexOf('\0') >= 0 || relative.indexOf('\\') >= 0 || List.of(relative.split("/")).contains("..")) {
            respond(exchange, 400, "text/plain", "Path traversal refused.\n", " (refused: climbs out of the root)");
            return;
        }
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root)) {
            respond(exchange, 400, "text/plain", "Path traversal refused.\n", " (refused: outside the root)");
            return;
        }
        Optional<Path> file = find(target, relative, exchange.getRequestHeaders().getFirst("Accept"));
        if (file.isEmpty()) {
            respond(exchange, 404, "text/plain", "Not found.\n", "");
            return;
        }
        Path real = file.get().toRealPath();
        if (!real.startsWith(realRoot)) {
            respond(exchange, 403, "text/plain", "Forbidden: a link out of the served folder.\n", " (refused: a link out of the root)");
            return;
        }
        String type = ContentTypes.of(file.get().getFileName().toString());
        long size = Files.size(real);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Vary", "Accept");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
            exchange.sendResponseHeaders(200, -1);
        } else {
            exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
            try (InputStream in = Files.newInputStream(real); OutputStream out = exchange.getResponseBody()) {
                in.transferTo(out);
            }
        }
        log(exchange, 200, size + " bytes " + type);
    }

    /** The file itself, else the page's forms in the order the Accept header asks for, as nginx's try_files does. */
    private static Optional<Path> find(Path target, String relative, String accept) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(target);
        List<String> variants = ServerLayout.pageVariants(accept);
        String name = relative.isEmpty() || relative.endsWith("/") ? null : target.getFileName().toString();
        if (name != null) {
            variants.forEach(v -> candidates.add(target.resolveSibling(name + v)));
        }
        variants.forEach(v -> candidates.add(target.resolve("index" + v)));
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    private void installNotify(HttpExchange exchange, String path) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_NOTIFY_BODY + 1);
        }
        if (body.length > MAX_NOTIFY_BODY) {
            respond(exchange, 413, "text/plain", "An install notification is one status line.\n", " (refused: body over 4 KiB)");
            return;
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        // The status line is the notification; "Name: value" lines below it are an application's own report.
        String[] lines = text.split("\r?\n");
        Map<String, String> report = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                report.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
            }
        }
        if (!report.isEmpty()) {
            text = lines[0];
        }
        Matcher matcher = STATUS.matcher(text);
        if (!matcher.matches()) {
            respond(exchange, 400, "text/plain", "Expected a MIDP install status such as \"900 Success\".\n",
                    " (refused: no status code in the body)");
            return;
        }
        int code = Integer.parseInt(matcher.group(1));
        Optional<InstallStatus> status = InstallStatus.of(code);
        List<String> tolerated = new ArrayList<>();
        String reported = matcher.group(2);
        if (status.isPresent() && !reported.isEmpty() && !reported.equalsIgnoreCase(status.get().message())) {
            tolerated.add("status message \"" + reported + "\" instead of \"" + status.get().message() + "\"");
        }
        if (status.isEmpty()) {
            tolerated.add("unknown status code " + code);
        }
        InstallNotification notification = new InstallNotification(remote(exchange), path, code, status, String.join(", ", tolerated),
                report);
        notifications.add(notification);
        log.accept(notification.describe());
        // JSR 118: the server answers 200 OK; the handset ignores the body.
        respond(exchange, 200, "text/plain", "OK\n", "");
    }

    private void smsRequest(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        SmsRequest request = new SmsRequest(query.getOrDefault("keyword", ""), query.getOrDefault("from", ""), query.getOrDefault("to", ""));
        smsRequests.add(request);
        log.accept("sms-request \"" + request.keyword() + "\" from " + request.from() + " to " + request.to());
        smsListeners.forEach(listener -> listener.accept(request));
        respond(exchange, 200, "text/plain; charset=UTF-8", "Request received: your settings follow by SMS.\n", "");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                parameters.putIfAbsent(name, value); // a broken escape: keep it as sent
            }
        }
        return parameters;
    }

    private void notAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        respond(exchange, 405, "text/plain", "Method not allowed: use " + allowed + ".\n", "");
    }

    private void respond(HttpExchange exchange, int status, String type, String body, String note) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        log(exchange, status, note.strip());
    }

    private void log(HttpExchange exchange, int status, String detail) {
        log.accept(remote(exchange) + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " " + status
                + (detail.isEmpty() ? "" : " " + detail));
    }

    private static String remote(HttpExchange exchange) {
        return exchange.getRemoteAddress().getAddress().getHostAddress();
    }
}
