package org.mexe.studio.generator.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.mexe.studio.dsl.validation.ServerUrls;
import org.mexe.studio.model.provisioning.Server;

/**
 * Where a provisioning server's files go and how it answers, shared by the generator (htdocs,
 * nginx, Kannel), the bootstrap applications (JAD URLs) and {@code prov serve}:
 * <ul>
 * <li>{@code servers/<Name>/htdocs/<path>}: what the handsets fetch, a hosted application's JAD and
 * JAR at the path its {@code hosts ... at} names;</li>
 * <li>a POST to a path that ends in {@code /install-notify} is a MIDP install notification (the
 * JAD's {@code MIDlet-Install-Notify} is the hosted path followed by {@code /install-notify});</li>
 * <li>a page without an extension ({@code /welcome}) is served in the form the handset accepts:
 * {@code welcome.xhtml} (XHTML Mobile Profile) or {@code welcome.wml} (WML), see {@link #pageVariants};</li>
 * <li>the provisioning back end ({@code prov serve}, or the operator's own) listens on
 * {@link #BACKEND_PORT} of the loopback interface: nginx passes install notifications to it, and
 * Kannel's sms-services send it the subscribers' requests at {@link #SMS_REQUEST_PATH}.</li>
 * </ul>
 */
public final class ServerLayout {

    public static final String SERVERS = "servers";
    public static final String HTDOCS = "htdocs";
    public static final String INSTALL_NOTIFY = "install-notify";
    public static final String SMS_REQUEST_PATH = "/sms-request";
    /** The back end's port in the generated nginx and Kannel configurations (a default the operator may change). */
    public static final int BACKEND_PORT = 8081;

    public static final String XHTML = ".xhtml";
    public static final String WML = ".wml";

    private ServerLayout() {
    }

    /** {@code servers/<Name>}, relative to the output folder. */
    public static String folder(Server server) {
        return SERVERS + "/" + server.getName();
    }

    /** {@code servers/<Name>/htdocs}, relative to the output folder. */
    public static String htdocs(Server server) {
        return folder(server) + "/" + HTDOCS;
    }

    /** A hosted path as a path below htdocs: no leading slash. */
    public static String hostedPath(String path) {
        String trimmed = path.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        return trimmed;
    }

    /** The server's base URL, ending in a slash. */
    public static String baseUrl(Server server) {
        return ServerUrls.baseUrl(server);
    }

    /** The URL of a hosted path on the server. */
    public static String urlOf(Server server, String hostedPath) {
        return baseUrl(server) + hostedPath(hostedPath);
    }

    /** The {@code MIDlet-Install-Notify} URL of an application hosted at {@code hostedPath}. */
    public static String installNotifyUrl(Server server, String hostedPath) {
        return urlOf(server, hostedPath) + "/" + INSTALL_NOTIFY;
    }

    /** Whether a request path is an install notification's ({@code .../install-notify} or {@code /install-notify/...}). */
    public static boolean isInstallNotify(String requestPath) {
        return requestPath.endsWith("/" + INSTALL_NOTIFY) || requestPath.startsWith("/" + INSTALL_NOTIFY + "/");
    }

    /** The path of {@code url} below the server's base URL, when it is on this server (see {@link ServerUrls#pathOn}). */
    public static Optional<String> pathOn(Server server, String url) {
        return ServerUrls.pathOn(server, url);
    }

    /** The host name of the server's base URL, for nginx's {@code server_name}. */
    public static String host(Server server) {
        try {
            String host = new URI(baseUrl(server)).getHost();
            return host == null ? "localhost" : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return "localhost";
        }
    }

    /** The TCP port of the server's base URL (80 for http, 443 for https unless given). */
    public static int port(Server server) {
        try {
            return port(new URI(baseUrl(server)));
        } catch (URISyntaxException e) {
            return 80;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /**
     * The forms of a page to try, best first, for a handset's {@code Accept} header: a browser that
     * names XHTML (WAP 2.0) gets XHTML Mobile Profile, one that names only WML (WAP 1.x) gets WML,
     * anything else XHTML first. nginx's generated {@code map $http_accept} makes the same choice.
     */
    public static List<String> pageVariants(String accept) {
        String lower = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (lower.contains("application/vnd.wap.xhtml+xml") || lower.contains("application/xhtml+xml")) {
            return List.of(XHTML, WML);
        }
        if (lower.contains("text/vnd.wap.wml")) {
            return List.of(WML, XHTML);
        }
        return List.of(XHTML, WML);
    }
}
