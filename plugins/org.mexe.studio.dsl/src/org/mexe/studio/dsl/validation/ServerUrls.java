package org.mexe.studio.dsl.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mexe.studio.model.payload.EffectiveParameters;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.Server;
import org.mexe.studio.model.provisioning.Stage;

/**
 * Which URLs are on which server, and which URLs a scenario's deliveries give the handset: the
 * checks (a connect the settings do not lead to) and the server generator (which pages to write)
 * ask the same questions.
 */
public final class ServerUrls {

    private ServerUrls() {
    }

    /** The server's base URL, ending in a slash. */
    public static String baseUrl(Server server) {
        String base = server.getBaseUrl() == null ? "http://localhost/" : server.getBaseUrl().strip();
        return base.endsWith("/") ? base : base + "/";
    }

    /**
     * The path of {@code url} below the server's base URL (no leading slash, "" for the base
     * itself) when the URL is on this server: same scheme, host (any case) and port, and a path
     * under the base's. Query and fragment do not matter.
     */
    public static Optional<String> pathOn(Server server, String url) {
        if (url == null || server.getBaseUrl() == null) {
            return Optional.empty();
        }
        try {
            URI base = new URI(baseUrl(server));
            URI target = new URI(url.strip());
            if (target.getScheme() == null || target.getHost() == null || base.getHost() == null
                    || !target.getScheme().equalsIgnoreCase(base.getScheme())
                    || !target.getHost().equalsIgnoreCase(base.getHost())
                    || port(target) != port(base)) {
                return Optional.empty();
            }
            String basePath = base.getPath() == null || base.getPath().isEmpty() ? "/" : base.getPath();
            String path = target.getPath() == null || target.getPath().isEmpty() ? "/" : target.getPath();
            if (!(path.endsWith("/") ? path : path + "/").startsWith(basePath)) {
                return Optional.empty();
            }
            return Optional.of(path.length() <= basePath.length() ? "" : path.substring(basePath.length()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether two URLs name the same page: host and scheme in any case, a trailing slash or not. */
    public static boolean samePage(String a, String b) {
        try {
            URI x = new URI(a.strip());
            URI y = new URI(b.strip());
            return x.getScheme() != null && y.getScheme() != null && x.getScheme().equalsIgnoreCase(y.getScheme())
                    && x.getHost() != null && y.getHost() != null && x.getHost().equalsIgnoreCase(y.getHost())
                    && port(x) == port(y) && trimSlash(x.getPath()).equals(trimSlash(y.getPath()));
        } catch (URISyntaxException e) {
            return a.strip().equals(b.strip());
        }
    }

    /**
     * The WAP and WWW setup URLs and home pages that the deliveries of {@code scenario} before
     * {@code stage} give the handset (parameter sets merged with what they extend), in order.
     */
    public static List<String> deliveredUrls(Scenario scenario, Stage stage) {
        Set<String> urls = new LinkedHashSet<>();
        for (Stage earlier : scenario.getStages()) {
            if (earlier == stage) {
                break;
            }
            if (earlier instanceof ParameterDelivery delivery) {
                for (ParameterSet set : delivery.getParameterSets()) {
                    if (set.eIsProxy()) {
                        continue;
                    }
                    ParameterSet merged;
                    try {
                        merged = EffectiveParameters.of(set).merged();
                    } catch (IllegalArgumentException e) {
                        continue; // unresolved: the linker reports it
                    }
                    if (merged.getWap() != null) {
                        addIfSet(urls, merged.getWap().getSetupUrl());
                        addIfSet(urls, merged.getWap().getHomePage());
                    }
                    if (merged.getWww() != null) {
                        addIfSet(urls, merged.getWww().getSetupUrl());
                        addIfSet(urls, merged.getWww().getHomePage());
                    }
                }
            }
        }
        return new ArrayList<>(urls);
    }

    /** Whether the scenario delivers any parameters before {@code stage}. */
    public static boolean deliversBefore(Scenario scenario, Stage stage) {
        for (Stage earlier : scenario.getStages()) {
            if (earlier == stage) {
                return false;
            }
            if (earlier instanceof ParameterDelivery) {
                return true;
            }
        }
        return false;
    }

    private static void addIfSet(Set<String> urls, String url) {
        if (url != null && !url.isBlank()) {
            urls.add(url.strip());
        }
    }

    private static String trimSlash(String path) {
        String p = path == null ? "" : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
