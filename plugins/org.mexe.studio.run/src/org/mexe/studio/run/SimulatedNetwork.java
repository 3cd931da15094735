package org.mexe.studio.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handsets' packet data network: it knows the host names of the model's servers and takes a
 * request for one of them to the loopback server that stands in for it, as an operator's WAP
 * gateway or proxy would. The handset sends the URL it has, host name and all (the request goes
 * through the network as through an HTTP proxy); a host the model has no server for is not in
 * this network.
 */
final class SimulatedNetwork implements AutoCloseable {

    /** A response as the handset got it. */
    record Response(URI uri, int status, String contentType, byte[] body) {

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final Map<String, InetSocketAddress> hosts = new ConcurrentHashMap<>();
    private final HttpClient client;
    private final Duration timeout;

    SimulatedNetwork(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).proxy(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                InetSocketAddress address = hosts.get(host(uri));
                return List.of(address == null ? Proxy.NO_PROXY : new Proxy(Proxy.Type.HTTP, address));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            }
        }).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Requests for {@code host} go to {@code address} from now on. */
    void route(String host, InetSocketAddress address) {
        hosts.put(host.toLowerCase(Locale.ROOT), address);
    }

    boolean knows(URI uri) {
        return hosts.containsKey(host(uri));
    }

    Optional<InetSocketAddress> addressOf(URI uri) {
        return Optional.ofNullable(hosts.get(host(uri)));
    }

    private static String host(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    Response get(URI uri, String accept) throws IOException {
        return send(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET().build(), uri);
    }

    Response post(URI uri, String contentType, byte[] body) throws IOException {
        return send(HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), uri);
    }

    private Response send(HttpRequest request, URI uri) throws IOException {
        if (!knows(uri)) {
            throw new IOException("no server of the model hosts " + uri.getHost());
        }
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(uri, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
