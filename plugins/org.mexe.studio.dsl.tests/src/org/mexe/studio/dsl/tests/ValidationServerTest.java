package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mexe.studio.dsl.tests.ValidationTest.assertNone;
import static org.mexe.studio.dsl.tests.ValidationTest.issues;
import static org.mexe.studio.dsl.tests.ValidationTest.lineOf;
import static org.mexe.studio.dsl.tests.ValidationTest.only;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.mexe.studio.dsl.validation.ServerValidator;

/** A server's hosted paths are its own, and the delivered settings lead the handset to the server it connects to. */
class ValidationServerTest {

    private static String model(String hosts, String setupUrl, String connect) {
        return """
                namespace test.servers

                parameters Home {
                	www {
                		setup-url "%s"
                	}
                }

                server Prov {
                	url "http://prov.example/shop/"
                %s
                }

                bootstrap-app Boot {
                	classmark 3
                }

                component Wallet {
                	classmark 3
                }

                scenario Brief {
                	deliver Home {
                		security userpin
                		pin generated
                		to "+447700900123"
                	}
                	%s
                }
                """.formatted(setupUrl, hosts, connect);
    }

    @Test
    void twoApplicationsCannotShareAHostedPath() {
        String text = model("\thosts Boot at \"apps/boot.jad\"\n\thosts Wallet at \"/apps/boot.jad\"", "http://prov.example/shop/", "connect Prov");
        Issue issue = only(issues(text), ServerValidator.SHARED_HOSTED_PATH, lineOf(text, "hosts Wallet"));
        assertEquals(Severity.ERROR, issue.getSeverity());
        assertTrue(issue.getMessage().contains("already hosts Boot (line " + lineOf(text, "hosts Boot") + ")"), issue.getMessage());
        assertNone(issues(model("\thosts Boot at \"apps/boot.jad\"\n\thosts Wallet at \"apps/wallet.jad\"", "http://prov.example/shop/",
                "connect Prov")), ServerValidator.SHARED_HOSTED_PATH);
    }

    @Test
    void theDeliveredSettingsPointAtTheServerTheHandsetConnectsTo() {
        String elsewhere = model("", "http://other.example/shop/setup", "connect Prov");
        Issue issue = only(issues(elsewhere), ServerValidator.CONNECT_NOT_DELIVERED, lineOf(elsewhere, "connect Prov"));
        assertEquals(Severity.WARNING, issue.getSeverity());
        assertTrue(issue.getMessage().contains("they point at http://other.example/shop/setup"), issue.getMessage());
        // Another path of the same host outside the base URL is not this server either.
        only(issues(model("", "http://prov.example/other", "connect Prov")), ServerValidator.CONNECT_NOT_DELIVERED,
                lineOf(elsewhere, "connect Prov"));
        // Any page under the base URL, host in any case, is.
        assertNone(issues(model("", "http://PROV.example/shop/welcome", "connect Prov")), ServerValidator.CONNECT_NOT_DELIVERED);
    }

    @Test
    void aConnectByUrlGoesWhereTheSettingsPoint() {
        String text = model("", "http://prov.example/shop/setup", "connect \"http://prov.example/shop/start\"");
        only(issues(text), ServerValidator.CONNECT_NOT_DELIVERED, lineOf(text, "connect \""));
        assertNone(issues(model("", "http://prov.example/shop/setup", "connect \"http://prov.example/shop/setup/\"")),
                ServerValidator.CONNECT_NOT_DELIVERED);
    }
}
