package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IDiagnosticConverter;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mexe.studio.dsl.validation.ProvDiagnosticConverter;
import org.mexe.studio.dsl.validation.ProvValidator;

/**
 * The checks of the first release on the new grammar, and the helpers the other Validation*Test
 * classes share: parse a text, validate it, find the issues of one code.
 */
class ValidationTest {

    static final String VALID = """
            namespace test.valid

            parameters Home {
            	gprs {
            		apn "internet.operator.example"
            		auth chap
            		user "web"
            		password env "GPRS_PASSWORD"
            	}
            	www {
            		proxy "10.0.0.1"
            		port 8080
            		homepage "http://wap.operator.example/"
            	}
            }

            scenario Setup {
            	deliver Home {
            		format oma-cp
            		security userpin
            		pin env "USERPIN"
            		to "+447700900123"
            	}
            }
            """;

    static List<Issue> issues(String text) {
        return validate(new ProvFiles().parse("test.prov", text));
    }

    /** Validates {@code resource} as the language does, after linking every file of its resource set. */
    static List<Issue> validate(XtextResource resource) {
        EcoreUtil.resolveAll(resource.getResourceSet());
        return ProvFiles.INJECTOR.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
    }

    static List<Issue> errors(String text) {
        return issues(text).stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
    }

    static List<Issue> withCode(List<Issue> issues, String code) {
        return issues.stream().filter(i -> code.equals(i.getCode())).toList();
    }

    /** The one issue with {@code code}, which must be on {@code line}. */
    static Issue only(List<Issue> issues, String code, int line) {
        List<Issue> found = withCode(issues, code);
        assertEquals(1, found.size(), () -> "expected one " + code + " in " + issues);
        assertEquals(line, found.get(0).getLineNumber(), () -> found.get(0).toString());
        return found.get(0);
    }

    /** No issue with {@code code} in a text that parsed (a syntax error would hide every check). */
    static void assertNone(List<Issue> issues, String code) {
        assertEquals(List.of(), issues.stream().filter(i -> i.isSyntaxError() || String.valueOf(i.getCode())
                .startsWith(Diagnostic.SYNTAX_DIAGNOSTIC)).toList());
        assertEquals(List.of(), withCode(issues, code));
    }

    /** The 1-based line of the first occurrence of {@code needle} in {@code text}. */
    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertTrue(at >= 0, needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void aCompleteScenarioHasNoIssue() {
        assertEquals(List.of(), issues(VALID));
    }

    @Test
    void theLanguageShowsTheMetamodelsFindingsThroughItsConverter() {
        assertInstanceOf(ProvDiagnosticConverter.class, ProvFiles.INJECTOR.getInstance(IDiagnosticConverter.class),
                "ProvRuntimeModule must bind IDiagnosticConverter to ProvDiagnosticConverter");
    }

    @ParameterizedTest
    @ValueSource(strings = { "bad apn!", "-internet", "internet.", "a..b", "internet.mnc001.mcc234.gprs" })
    void anInvalidApnIsAnErrorOfTheMetamodelAtItsLine(String apn) {
        List<Issue> errors = errors(VALID.replace("internet.operator.example", apn));
        assertEquals(1, errors.size(), () -> errors.toString());
        Issue issue = errors.get(0);
        assertEquals(5, issue.getLineNumber());
        assertTrue(issue.getMessage().contains("\"" + apn + "\""), issue.getMessage());
        assertEquals("org.mexe.studio.model.1", issue.getCode());
    }

    @Test
    void anApnOfMoreThan100CharactersIsAnError() {
        String apn = "a".repeat(63) + "." + "b".repeat(40);
        assertTrue(errors(VALID.replace("internet.operator.example", apn)).get(0).getMessage().contains("at most 100"));
    }

    @Test
    void userpinWithoutPinIsAnError() {
        List<Issue> errors = errors(VALID.replace("\t\tpin env \"USERPIN\"\n", ""));
        assertEquals(1, errors.size(), () -> errors.toString());
        assertEquals(ProvValidator.MISSING_PIN, errors.get(0).getCode());
        assertEquals(20, errors.get(0).getLineNumber());
    }

    @Test
    void netwpinNeedsAValidImsi() {
        String netwpin = VALID.replace("security userpin", "security netwpin");
        assertEquals(ProvValidator.MISSING_IMSI, errors(netwpin).get(0).getCode());
        List<Issue> invalid = errors(netwpin.replace("pin env \"USERPIN\"", "imsi \"12ab\""));
        assertEquals(ProvValidator.INVALID_IMSI, only(invalid, ProvValidator.INVALID_IMSI, 21).getCode());
        assertEquals(List.of(), errors(netwpin.replace("pin env \"USERPIN\"", "imsi \"466923103145252\"")));
    }

    @Test
    void outOfRangePortAndBadDestinationAndHomePageKeepTheirCodes() {
        only(errors(VALID.replace("8080", "70000")), ProvValidator.INVALID_PORT, 12);
        only(errors(VALID.replace("+447700900123", "call me")), ProvValidator.INVALID_DESTINATION, 22);
        only(errors(VALID.replace("http://wap.operator.example/", "wap.operator")), ProvValidator.INVALID_HOME_PAGE, 13);
    }

    @Test
    void anUnresolvedReferenceIsReportedAtTheReference() {
        List<Issue> errors = errors(VALID.replace("deliver Home", "deliver Hom"));
        assertEquals(1, errors.size(), () -> errors.toString());
        assertEquals(Diagnostic.LINKING_DIAGNOSTIC, errors.get(0).getCode());
        assertEquals(18, errors.get(0).getLineNumber());
        assertEquals(10, errors.get(0).getColumn());
        assertTrue(errors.get(0).getMessage().contains("Hom"));
    }

    @Test
    void aTypoIsReportedFirstAtItsPlaceAndHidesChecksOfTheBrokenModel() {
        List<Issue> errors = errors(VALID.replace("port 8080", "prot 8080"));
        assertEquals(12, errors.get(0).getLineNumber(), () -> errors.toString());
        assertEquals(3, errors.get(0).getColumn(), () -> errors.toString());
        assertTrue(errors.get(0).getMessage().contains("'prot'"), errors.get(0).getMessage());
        assertTrue(errors.stream().allMatch(i -> Diagnostic.SYNTAX_DIAGNOSTIC.equals(i.getCode())), () -> errors.toString());
    }

    @Test
    void anEmptyParameterSetIsAWarning() {
        List<Issue> issues = issues("namespace a\n\nparameters Empty {\n}\n");
        Issue empty = only(issues, ProvValidator.EMPTY_PARAMETER_SET, 3);
        assertEquals(Severity.WARNING, empty.getSeverity());
        assertTrue(issues.stream().noneMatch(i -> i.getSeverity() == Severity.ERROR), issues::toString);
        assertNone(issues(VALID), ProvValidator.EMPTY_PARAMETER_SET);
    }

    @Test
    void referencesCrossFilesThroughImports() {
        ProvFiles files = new ProvFiles();
        files.parse("shared.prov", "namespace shared.sets\n\nparameters National {\n\twww {\n\t\thomepage \"http://operator.example/\"\n\t}\n}\n");
        var scenario = files.parse("scenario.prov", """
                namespace regional

                import shared.sets.*

                scenario Setup {
                	deliver National {
                		format oma-cp
                		security userpin
                		pin env "USERPIN"
                		to "+447700900123"
                	}
                }
                """);
        assertEquals(List.of(), validate(scenario));
    }
}
