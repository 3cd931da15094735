package org.mexe.studio.dsl.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.mexe.studio.model.provisioning.Connect;
import org.mexe.studio.model.provisioning.HostedContent;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.Server;

/**
 * Checks of provisioning servers: what they host, and whether the settings a scenario delivers
 * lead the handset to the server it connects to.
 */
public class ServerValidator extends AbstractDeclarativeValidator {

    private static final String PREFIX = "org.mexe.studio.dsl.";
    public static final String SHARED_HOSTED_PATH = PREFIX + "sharedHostedPath";
    public static final String CONNECT_NOT_DELIVERED = PREFIX + "connectNotDelivered";

    @Override
    public void register(EValidatorRegistrar registrar) {
        // Composed into ProvValidator, which registers for the package.
    }

    /** One path serves one file: two applications at one path would overwrite each other's JAD. */
    @Check
    public void hostedPathsAreDistinct(Server server) {
        Map<String, HostedContent> byPath = new HashMap<>();
        for (HostedContent content : server.getContent()) {
            if (content.getPath() == null) {
                continue;
            }
            String path = normalise(content.getPath());
            HostedContent first = byPath.putIfAbsent(path, content);
            if (first != null) {
                error("The path \"" + content.getPath() + "\" of the server " + server.getName() + " already hosts "
                        + name(first) + " (line " + NodeModelUtils.getNode(first).getStartLine() + "): two applications cannot share"
                        + " one path, as the second JAD and JAR would replace the first. Give " + name(content) + " a path of its own.",
                        content, Literals.HOSTED_CONTENT__PATH, SHARED_HOSTED_PATH);
            }
        }
    }

    /**
     * A connect stage after a delivery should go where the delivered settings point (the WAP or WWW
     * setup URL or home page): the handset opens what it was given, not what the scenario says.
     */
    @Check
    public void connectFollowsTheDeliveredSettings(Connect connect) {
        if (!(connect.eContainer() instanceof Scenario scenario) || !ServerUrls.deliversBefore(scenario, connect)) {
            return; // with no delivery before it, the handset got its settings elsewhere
        }
        List<String> delivered = ServerUrls.deliveredUrls(scenario, connect);
        Server server = connect.getServer();
        if (server != null && !server.eIsProxy()) {
            if (server.getBaseUrl() == null || delivered.stream().anyMatch(url -> ServerUrls.pathOn(server, url).isPresent())) {
                return;
            }
            warning("The handset connects to the server " + server.getName() + " (" + server.getBaseUrl() + "), but none of the"
                    + " settings delivered before this stage points at it " + listed(delivered) + ": set the WAP or WWW"
                    + " 'setup-url' or 'homepage' of a delivered parameter set to a page of " + server.getBaseUrl()
                    + ", or connect to the server those settings name.", connect, Literals.CONNECT__SERVER, CONNECT_NOT_DELIVERED);
        } else if (connect.getUrl() != null) {
            if (delivered.stream().anyMatch(url -> ServerUrls.samePage(url, connect.getUrl()))) {
                return;
            }
            warning("The handset connects to " + connect.getUrl() + ", but none of the settings delivered before this stage"
                    + " points at it " + listed(delivered) + ": set the WAP or WWW 'setup-url' or 'homepage' of a delivered"
                    + " parameter set to it, or connect to the URL those settings name.", connect, Literals.CONNECT__URL,
                    CONNECT_NOT_DELIVERED);
        }
    }

    private static String listed(List<String> delivered) {
        return delivered.isEmpty() ? "(they hold no setup URL or home page)" : "(they point at " + String.join(", ", delivered) + ")";
    }

    private static String normalise(String path) {
        String p = path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    private static String name(HostedContent content) {
        return Optional.ofNullable(content.getApplication()).filter(a -> !a.eIsProxy()).map(a -> a.getName()).orElse("an application");
    }
}
