package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mexe.studio.dsl.validation.ProvValidator;
import org.mexe.studio.model.constraints.ApnConstraint;

class ValidationTest {

    private static final String VALID = """
            namespace test.valid

            parameters Home {
            	gprs {
            		apn "internet.operator.example"
            		auth chap user "web" password env "GPRS_PASSWORD"
            	}
            	proxy {
            		address "10.0.0.1"
            		port 8080
            	}
            	homepage "http://wap.operator.example/"
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

    private List<Issue> errors(String text) {
        return new ProvFiles().validate(text).stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
    }

    @Test
    void aCompleteScenarioHasNoIssue() {
        assertEquals(List.of(), new ProvFiles().validate(VALID));
    }

    @ParameterizedTest
    @ValueSource(strings = { "bad apn!", "-internet", "internet.", "a..b", "internet.mnc001.mcc234.gprs" })
    void anInvalidApnIsAnErrorOfTheMetamodelAtItsLine(String apn) {
        List<Issue> errors = errors(VALID.replace("internet.operator.example", apn));
        assertEquals(1, errors.size(), () -> errors.toString());
        Issue issue = errors.get(0);
        assertEquals(5, issue.getLineNumber());
        assertTrue(issue.getMessage().contains("\"" + apn + "\""), issue.getMessage());
        assertTrue(issue.getCode().endsWith(ApnConstraint.SOURCE + "." + ApnConstraint.INVALID_APN)
                || issue.getCode().contains("hasValidApn"), issue.getCode());
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
        assertEquals(18, errors.get(0).getLineNumber());
    }

    @Test
    void netwpinNeedsAValidImsi() {
        String netwpin = VALID.replace("security userpin", "security netwpin");
        assertEquals(ProvValidator.MISSING_IMSI, errors(netwpin).get(0).getCode());
        assertEquals(ProvValidator.INVALID_IMSI, errors(netwpin.replace("pin env \"USERPIN\"", "imsi \"12ab\"")).get(0).getCode());
        assertEquals(List.of(), errors(netwpin.replace("pin env \"USERPIN\"", "imsi \"466923103145252\"")));
    }

    @Test
    void outOfRangePortAndBadDestinationAndHomePage() {
        assertEquals(ProvValidator.INVALID_PORT, errors(VALID.replace("8080", "70000")).get(0).getCode());
        assertEquals(ProvValidator.INVALID_DESTINATION, errors(VALID.replace("+447700900123", "call me")).get(0).getCode());
        assertEquals(ProvValidator.INVALID_HOME_PAGE, errors(VALID.replace("http://wap.operator.example/", "wap.operator")).get(0).getCode());
    }

    @Test
    void anUnresolvedReferenceIsReportedAtTheReference() {
        List<Issue> errors = errors(VALID.replace("deliver Home", "deliver Hom"));
        assertEquals(1, errors.size(), () -> errors.toString());
        assertEquals(Diagnostic.LINKING_DIAGNOSTIC, errors.get(0).getCode());
        assertEquals(16, errors.get(0).getLineNumber());
        assertTrue(errors.get(0).getMessage().contains("Hom"));
    }

    @Test
    void aTypoIsReportedFirstAtItsPlaceAndHidesChecksOfTheBrokenModel() {
        List<Issue> errors = errors(VALID.replace("port 8080", "prot 8080"));
        assertEquals(10, errors.get(0).getLineNumber(), () -> errors.toString());
        assertEquals(3, errors.get(0).getColumn(), () -> errors.toString());
        assertTrue(errors.get(0).getMessage().contains("'prot'"), errors.get(0).getMessage());
        assertTrue(errors.stream().allMatch(i -> Diagnostic.SYNTAX_DIAGNOSTIC.equals(i.getCode())), () -> errors.toString());
    }

    @Test
    void anEmptyParameterSetIsAWarning() {
        List<Issue> issues = new ProvFiles().validate("namespace a\n\nparameters Empty {\n}\n");
        assertEquals(1, issues.size());
        assertEquals(Severity.WARNING, issues.get(0).getSeverity());
        assertEquals(ProvValidator.EMPTY_PARAMETER_SET, issues.get(0).getCode());
    }

    @Test
    void referencesCrossFilesThroughImports() {
        ProvFiles files = new ProvFiles();
        files.parse("shared.prov", "namespace shared.sets\n\nparameters National {\n\thomepage \"http://operator.example/\"\n}\n");
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
        assertEquals(List.of(), files.validate(scenario));
    }
}
