package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mexe.studio.dsl.tests.ValidationTest.assertNone;
import static org.mexe.studio.dsl.tests.ValidationTest.issues;
import static org.mexe.studio.dsl.tests.ValidationTest.lineOf;
import static org.mexe.studio.dsl.tests.ValidationTest.only;
import static org.mexe.studio.dsl.tests.ValidationTest.withCode;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.mexe.studio.dsl.validation.ProvValidator;

/** A scenario's applications and deliveries suit its handsets, and its stages come in an order that works. */
class ValidationScenarioTest {

    private static final String DELIVER = "deliver Home {\n\tsecurity userpin\n\tpin generated\n\tto \"+447700900123\"\n}";
    private static final String NOKIA = "deliver Home {\n\tformat nokia-ota\n\tsecurity none\n\tto \"+447700900123\"\n}";
    private static final String CONNECT = "connect Prov";
    private static final String DOWNLOAD = "download Boot over http";
    private static final String RUN = "run Boot {\n\toffer \"Plan A\", \"Plan B\"\n\torder Wallet\n}";
    private static final String INSTALL = "install Wallet over http";
    private static final String TRUST = "trust Root";

    /** A scenario for {@code handsets} with {@code stages}, in that order. */
    private static String scenario(String handsets, String... stages) {
        String body = String.join("\n", stages).lines().map(line -> "\t" + line).collect(Collectors.joining("\n"));
        return """
                namespace test.scenarios

                parameters Home {
                	gprs {
                		apn "internet"
                	}
                }

                handset Modern {
                	classmarks 1, 3
                	formats oma-cp
                }

                handset Old {
                	classmarks 1
                	formats nokia-ota
                }

                server Prov {
                	url "http://prov.example/"
                }

                certificate Root {
                	file "root.pem"
                	stored-on handset
                }

                bootstrap-app Boot {
                	classmark 3
                }

                component Wallet {
                	classmark 3
                }

                scenario Brief {
                	handsets %s
                %s
                }
                """.formatted(handsets, body);
    }

    private static List<Issue> errors(String text) {
        return issues(text).stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
    }

    // ---- handsets ----------------------------------------------------------------------------

    @Test
    void theBriefsOrderForOneHandsetFamilyHasNoErrorOfTheseRules() {
        List<Issue> issues = issues(scenario("Modern", TRUST, DELIVER, CONNECT, DOWNLOAD, RUN, INSTALL));
        for (String code : List.of(ProvValidator.UNSUPPORTED_CLASSMARK, ProvValidator.UNSUPPORTED_FORMAT,
                ProvValidator.CONNECT_BEFORE_PARAMETERS, ProvValidator.DOWNLOAD_BEFORE_CONNECT, ProvValidator.RUN_BEFORE_DOWNLOAD,
                ProvValidator.COMPONENT_BEFORE_CONNECT, ProvValidator.TRUST_AFTER_DOWNLOAD)) {
            assertNone(issues, code);
        }
    }

    @Test
    void anApplicationMustRunOnEveryTargetHandset() {
        String text = scenario("Modern, Old", DELIVER, NOKIA, CONNECT, DOWNLOAD, RUN, INSTALL);
        List<Issue> classmarks = withCode(errors(text), ProvValidator.UNSUPPORTED_CLASSMARK);
        assertEquals(2, classmarks.size(), classmarks::toString);
        assertEquals(lineOf(text, DOWNLOAD), classmarks.get(0).getLineNumber());
        assertTrue(classmarks.get(0).getMessage().contains("Old (classmarks 1)"), classmarks.get(0).getMessage());
        assertEquals(lineOf(text, "order Wallet"), classmarks.get(1).getLineNumber());
        assertNone(issues(scenario("Modern", DELIVER, CONNECT, DOWNLOAD, RUN, INSTALL)), ProvValidator.UNSUPPORTED_CLASSMARK);
    }

    @Test
    void aDeliveryMustReachEveryHandsetInAFormatItReads() {
        String text = scenario("Modern, Old", DELIVER);
        Issue issue = only(issues(text), ProvValidator.UNSUPPORTED_FORMAT, lineOf(text, "deliver Home"));
        assertTrue(issue.getMessage().contains("Old (reads nokia-ota)"), issue.getMessage());
        // A second delivery of the same sets in Nokia OTA serves the old handsets; the OMA CP one serves the rest.
        assertNone(issues(scenario("Modern, Old", DELIVER, NOKIA)), ProvValidator.UNSUPPORTED_FORMAT);
        String onlyNokia = scenario("Modern", NOKIA);
        only(issues(onlyNokia), ProvValidator.UNSUPPORTED_FORMAT, lineOf(onlyNokia, "format nokia-ota"));
    }

    // ---- order of stages ---------------------------------------------------------------------

    @Test
    void parametersAreDeliveredBeforeTheConnect() {
        String text = scenario("Modern", CONNECT, DELIVER, DOWNLOAD);
        Issue issue = only(issues(text), ProvValidator.CONNECT_BEFORE_PARAMETERS, lineOf(text, CONNECT));
        assertTrue(issue.getMessage().contains("stage 2, 'deliver Home'"), issue.getMessage());
        // Without a delivery the settings are already on the phone: the connect alone is fine.
        assertNone(issues(scenario("Modern", CONNECT, DOWNLOAD)), ProvValidator.CONNECT_BEFORE_PARAMETERS);
    }

    @Test
    void theHandsetConnectsBeforeTheBootstrapDownload() {
        String text = scenario("Modern", DELIVER, DOWNLOAD, CONNECT, RUN);
        Issue issue = only(issues(text), ProvValidator.DOWNLOAD_BEFORE_CONNECT, lineOf(text, DOWNLOAD));
        assertTrue(issue.getMessage().contains("stage 3, 'connect Prov'"), issue.getMessage());
        assertNone(issues(scenario("Modern", DELIVER, DOWNLOAD, RUN)), ProvValidator.DOWNLOAD_BEFORE_CONNECT);
    }

    @Test
    void aBootstrapApplicationIsDownloadedBeforeItRuns() {
        String misplaced = scenario("Modern", DELIVER, CONNECT, RUN, DOWNLOAD);
        Issue issue = only(issues(misplaced), ProvValidator.RUN_BEFORE_DOWNLOAD, lineOf(misplaced, "run Boot"));
        assertTrue(issue.getMessage().contains("stage 4, 'download Boot'"), issue.getMessage());
        String missing = scenario("Modern", DELIVER, CONNECT, RUN);
        Issue missingIssue = only(issues(missing), ProvValidator.RUN_BEFORE_DOWNLOAD, lineOf(missing, "run Boot"));
        assertTrue(missingIssue.getMessage().contains("add 'download Boot'"), missingIssue.getMessage());
        assertNone(issues(scenario("Modern", DELIVER, CONNECT, DOWNLOAD, RUN)), ProvValidator.RUN_BEFORE_DOWNLOAD);
    }

    @Test
    void componentsAreOrderedAndInstalledAfterTheConnect() {
        String install = scenario("Modern", DELIVER, INSTALL, CONNECT);
        only(issues(install), ProvValidator.COMPONENT_BEFORE_CONNECT, lineOf(install, INSTALL));
        String order = scenario("Modern", DELIVER, DOWNLOAD, RUN, CONNECT);
        only(issues(order), ProvValidator.COMPONENT_BEFORE_CONNECT, lineOf(order, "order Wallet"));
        assertNone(issues(scenario("Modern", DELIVER, CONNECT, INSTALL)), ProvValidator.COMPONENT_BEFORE_CONNECT);
    }

    @Test
    void theTrustSetUpComesBeforeAnyDownload() {
        String text = scenario("Modern", DELIVER, CONNECT, DOWNLOAD, TRUST, RUN);
        Issue issue = only(issues(text), ProvValidator.TRUST_AFTER_DOWNLOAD, lineOf(text, TRUST));
        assertTrue(issue.getMessage().contains("stage 3, 'download Boot'"), issue.getMessage());
        String installFirst = scenario("Modern", DELIVER, CONNECT, INSTALL, TRUST);
        only(issues(installFirst), ProvValidator.TRUST_AFTER_DOWNLOAD, lineOf(installFirst, TRUST));
        assertNone(issues(scenario("Modern", TRUST, DELIVER, CONNECT, DOWNLOAD, RUN)), ProvValidator.TRUST_AFTER_DOWNLOAD);
        // Without a trust stage the roots are preloaded: nothing is out of order.
        assertNone(issues(scenario("Modern", DELIVER, CONNECT, DOWNLOAD, RUN)), ProvValidator.TRUST_AFTER_DOWNLOAD);
    }
}
