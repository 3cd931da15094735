package org.mexe.studio.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mexe.studio.dsl.ide.tests.ProvIdeTestSupport.offsetOf;

import java.io.IOException;
import java.util.List;

import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;
import org.mexe.studio.dsl.ide.quickfix.ProvQuickFixes;
import org.mexe.studio.dsl.ide.quickfix.ProvQuickFixes.Edit;
import org.mexe.studio.dsl.ide.quickfix.ProvQuickFixes.Fix;
import org.mexe.studio.dsl.validation.ProvValidator;

class ProvQuickFixesTest {

    private final ProvIdeTestSupport support = new ProvIdeTestSupport();
    private final ProvQuickFixes quickFixes = ProvIdeTestSupport.INJECTOR.getInstance(ProvQuickFixes.class);

    /** The text after {@code fix}'s edits, applied from the end so that offsets stay right. */
    private static String apply(String text, Fix fix) {
        StringBuilder result = new StringBuilder(text);
        fix.edits().stream().sorted((a, b) -> Integer.compare(b.offset(), a.offset()))
                .forEach((Edit edit) -> result.replace(edit.offset(), edit.offset() + edit.length(), edit.text()));
        return result.toString();
    }

    private static Fix titled(List<Fix> fixes, String title) {
        return fixes.stream().filter(f -> f.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no fix '" + title + "' in " + fixes.stream().map(Fix::title).toList()));
    }

    @Test
    void anUnresolvedNameIsImportedFromTheNamespaceThatDeclaresIt() throws IOException {
        support.parse("settings.prov", "namespace demo.settings\n\nparameters National {\n}\n");
        String text = "namespace demo.scenarios\n\nscenario S {\n\tdeliver National {\n\t}\n}\n";
        XtextResource scenario = support.parse("scenario.prov", text);
        support.resolveAll();
        List<Fix> fixes = quickFixes.fixes(scenario, Diagnostic.LINKING_DIAGNOSTIC, offsetOf(text, "National", 0));
        assertEquals("namespace demo.scenarios\n\nimport demo.settings.National\n\nscenario S {\n\tdeliver National {\n\t}\n}\n",
                apply(text, titled(fixes, "Import 'demo.settings.National'")));
    }

    @Test
    void anImportGoesAfterTheLastImport() throws IOException {
        support.parse("settings.prov", "namespace demo.settings\n\nparameters National {\n}\n");
        String text = "namespace demo.scenarios\n\nimport demo.other.*\n\nscenario S {\n\tdeliver National {\n\t}\n}\n";
        XtextResource scenario = support.parse("scenario.prov", text);
        List<Fix> fixes = quickFixes.fixes(scenario, Diagnostic.LINKING_DIAGNOSTIC, offsetOf(text, "National", 0));
        assertTrue(apply(text, titled(fixes, "Import 'demo.settings.National'"))
                .startsWith("namespace demo.scenarios\n\nimport demo.other.*\nimport demo.settings.National\n\nscenario"));
    }

    @Test
    void aMisspeltNameIsCorrectedToAVisibleOneOfTheRightType() throws IOException {
        String text = "namespace demo\n\nparameters National {\n}\n\nhandset Nationale {\n}\n\nscenario S {\n\tdeliver Nationl {\n\t}\n}\n";
        XtextResource resource = support.parse("s.prov", text);
        support.resolveAll();
        List<Fix> fixes = quickFixes.fixes(resource, Diagnostic.LINKING_DIAGNOSTIC, offsetOf(text, "Nationl", 0));
        assertEquals(List.of("Change to 'National'"), fixes.stream().map(Fix::title).toList(), "a handset is not a parameter set");
        assertTrue(apply(text, fixes.get(0)).contains("\tdeliver National {"));
    }

    @Test
    void anUnusedSetIsRemovedWithItsBlankLine() throws IOException {
        String text = "namespace demo\n\nparameters Spare {\n\tgprs {\n\t\tapn \"a.example\"\n\t}\n}\n\nparameters Used {\n}\n\nscenario S {\n\tdeliver Used {\n\t}\n}\n";
        XtextResource resource = support.parse("u.prov", text);
        Fix fix = titled(quickFixes.fixes(resource, ProvValidator.UNUSED_PARAMETER_SET, offsetOf(text, "Spare", 0)),
                "Remove the unused parameter set 'Spare'");
        assertEquals("namespace demo\n\nparameters Used {\n}\n\nscenario S {\n\tdeliver Used {\n\t}\n}\n", apply(text, fix));
    }

    @Test
    void theLastUnusedSetTakesTheBlankLineBeforeIt() throws IOException {
        String text = "namespace demo\n\nscenario S {\n}\n\nparameters Spare {\n}\n";
        XtextResource resource = support.parse("l.prov", text);
        Fix fix = titled(quickFixes.fixes(resource, ProvValidator.UNUSED_PARAMETER_SET, offsetOf(text, "Spare", 0)),
                "Remove the unused parameter set 'Spare'");
        assertEquals("namespace demo\n\nscenario S {\n}\n", apply(text, fix));
    }

    @Test
    void aMissingSecurityIsAddedOnItsOwnLine() throws IOException {
        String text = "namespace demo\n\nparameters P {\n}\n\nscenario S {\n\tdeliver P {\n\t\tto \"+447700900123\"\n\t}\n}\n";
        XtextResource resource = support.parse("m.prov", text);
        Fix fix = titled(quickFixes.fixes(resource, ProvValidator.MISSING_SECURITY, offsetOf(text, "P {\n\t\t", 0)), "Add 'security userpin'");
        assertEquals("namespace demo\n\nparameters P {\n}\n\nscenario S {\n\tdeliver P {\n\t\tto \"+447700900123\"\n\t\tsecurity userpin\n\t}\n}\n",
                apply(text, fix));
    }

    @Test
    void aSignedNokiaOtaDeliveryBecomesUnsigned() throws IOException {
        String text = "namespace demo\n\nparameters P {\n}\n\nscenario S {\n\tdeliver P {\n\t\tformat nokia-ota\n\t\tsecurity userpin\n\t}\n}\n";
        XtextResource resource = support.parse("n.prov", text);
        Fix fix = quickFixes.fixes(resource, ProvValidator.NOKIA_OTA_SECURITY, offsetOf(text, "userpin", 0)).get(0);
        assertTrue(apply(text, fix).contains("\t\tsecurity none\n"));
    }

    @Test
    void aConnectBeforeTheDeliveryGetsTheDeliveryMovedBeforeIt() throws IOException {
        String text = """
                namespace demo

                parameters P {
                	www {
                		homepage "http://setup.example/"
                	}
                }

                server Setup {
                	url "http://setup.example/"
                }

                scenario S {
                	connect Setup
                	// the settings first
                	deliver P {
                		security none
                		to "+447700900123"
                	}
                }
                """;
        XtextResource resource = support.parse("order.prov", text);
        support.resolveAll();
        assertTrue(errorCodes(resource).contains(ProvValidator.CONNECT_BEFORE_PARAMETERS), errorCodes(resource)::toString);
        Fix fix = titled(quickFixes.fixes(resource, ProvValidator.CONNECT_BEFORE_PARAMETERS, offsetOf(text, "connect Setup", 0)),
                "Move 'deliver P' before 'connect Setup'");
        String fixed = apply(text, fix);
        assertTrue(fixed.contains("scenario S {\n\t// the settings first\n\tdeliver P {\n\t\tsecurity none\n\t\tto \"+447700900123\"\n\t}\n\tconnect Setup\n}\n"),
                fixed);
        XtextResource again = support.parse("order-fixed.prov", fixed.replace("namespace demo", "namespace demo.fixed"));
        support.resolveAll();
        assertFalse(errorCodes(again).contains(ProvValidator.CONNECT_BEFORE_PARAMETERS), errorCodes(again)::toString);
    }

    @Test
    void aTrustSetUpAfterTheDownloadMovesBeforeIt() throws IOException {
        String text = """
                namespace demo

                scenario S {
                	download Boot
                	trust Roots
                }
                """;
        XtextResource resource = support.parse("trust.prov", text);
        List<Fix> fixes = quickFixes.fixes(resource, ProvValidator.TRUST_AFTER_DOWNLOAD, offsetOf(text, "trust Roots", 0));
        assertEquals(List.of("Move 'trust Roots' before 'download Boot'"), fixes.stream().map(Fix::title).toList());
        assertTrue(apply(text, fixes.get(0)).contains("scenario S {\n\ttrust Roots\n\tdownload Boot\n}\n"), apply(text, fixes.get(0)));
    }

    @Test
    void aDeliveryTooLongForItsHandsetIsSplitIntoOneStagePerSet() throws IOException {
        String text = """
                namespace demo

                parameters Web {
                	www {
                		homepage "http://www.operator.example/start/with/a/rather/long/path/for/the/home/page"
                	}
                }

                parameters Wap {
                	wap {
                		homepage "http://wap.operator.example/start/with/a/rather/long/path/for/the/home/page"
                	}
                }

                handset Small {
                	classmarks 1
                	concatenated-sms max 2 segments
                }

                scenario S {
                	handsets Small
                	deliver Web, Wap {
                		security none
                		to "+447700900123"
                	}
                }
                """;
        XtextResource resource = support.parse("split.prov", text);
        support.resolveAll();
        assertTrue(errorCodes(resource).contains(org.mexe.studio.dsl.validation.PayloadValidator.TOO_MANY_SEGMENTS), errorCodes(resource)::toString);
        Fix fix = titled(quickFixes.fixes(resource, org.mexe.studio.dsl.validation.PayloadValidator.TOO_MANY_SEGMENTS, offsetOf(text, "Web, Wap", 0)),
                "Split into one deliver stage per parameter set (Web, Wap)");
        String fixed = apply(text, fix);
        assertTrue(fixed.contains("""
                	deliver Web {
                		security none
                		to "+447700900123"
                	}
                	deliver Wap {
                		security none
                		to "+447700900123"
                	}
                """), fixed);
        XtextResource again = support.parse("split-fixed.prov", fixed.replace("namespace demo", "namespace demo.fixed"));
        support.resolveAll();
        assertFalse(errorCodes(again).contains(org.mexe.studio.dsl.validation.PayloadValidator.TOO_MANY_SEGMENTS), errorCodes(again)::toString);

        String singleText = text.replace("namespace demo", "namespace demo.single").replace("deliver Web, Wap", "deliver Web");
        XtextResource single = support.parse("single.prov", singleText);
        int at = offsetOf(singleText, "Web {\n\t\tsecurity", 0);
        assertEquals("Web", singleText.substring(at, at + 3));
        assertEquals(List.of(), quickFixes.fixes(single, org.mexe.studio.dsl.validation.PayloadValidator.TOO_MANY_SEGMENTS, at),
                "one set: nothing to split");
    }

    private static List<String> errorCodes(XtextResource resource) {
        return resource.getResourceServiceProvider().getResourceValidator()
                .validate(resource, org.eclipse.xtext.validation.CheckMode.ALL, org.eclipse.xtext.util.CancelIndicator.NullImpl).stream()
                .map(org.eclipse.xtext.validation.Issue::getCode).filter(java.util.Objects::nonNull).toList();
    }

    @Test
    void otherCodesHaveNoFixes() throws IOException {
        String text = "namespace demo\n";
        XtextResource resource = support.parse("o.prov", text);
        assertEquals(List.of(), quickFixes.fixes(resource, "org.mexe.studio.dsl.duplicateStatement", 0));
        assertEquals(List.of(), quickFixes.fixes(resource, null, 0));
    }
}
