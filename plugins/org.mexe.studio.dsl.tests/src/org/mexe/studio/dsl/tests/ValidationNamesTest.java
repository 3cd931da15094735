package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mexe.studio.dsl.tests.ValidationTest.assertNone;
import static org.mexe.studio.dsl.tests.ValidationTest.issues;
import static org.mexe.studio.dsl.tests.ValidationTest.lineOf;
import static org.mexe.studio.dsl.tests.ValidationTest.only;
import static org.mexe.studio.dsl.tests.ValidationTest.validate;
import static org.mexe.studio.dsl.tests.ValidationTest.withCode;

import java.util.List;

import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mexe.studio.dsl.validation.ProvValidator;

/** Names, references and statements: unique, resolvable, given once, without cycles, used. */
class ValidationNamesTest {

    private static final String SETS = """
            namespace test.names

            parameters National {
            	gprs {
            		apn "internet"
            	}
            }

            parameters Regional extends National {
            	gprs {
            		apn "regional"
            	}
            }

            scenario Setup {
            	deliver Regional {
            		security userpin
            		pin generated
            		to "+447700900123"
            	}
            }
            """;

    // ---- duplicate names ----------------------------------------------------------------------

    @Test
    void twoElementsOfAFileCannotShareAName() {
        String text = SETS + "\nhandset National {\n\tclassmarks 3\n}\n";
        Issue issue = only(issues(text), ProvValidator.DUPLICATE_NAME, lineOf(text, "handset National"));
        assertTrue(issue.getMessage().contains("parameters National on line 3"), issue.getMessage());
        assertNone(issues(SETS), ProvValidator.DUPLICATE_NAME);
    }

    @Test
    void twoFilesOfOneNamespaceCannotShareAName() {
        ProvFiles files = new ProvFiles();
        XtextResource first = files.parse("first.prov", SETS);
        XtextResource second = files.parse("second.prov", "namespace test.names\n\nhandset Regional {\n\tclassmarks 3\n}\n");
        Issue issue = only(validate(second), ProvValidator.DUPLICATE_NAME, 3);
        assertTrue(issue.getMessage().contains("first.prov"), issue.getMessage());
        only(validate(first), ProvValidator.DUPLICATE_NAME, lineOf(SETS, "parameters Regional"));

        ProvFiles elsewhere = new ProvFiles();
        elsewhere.parse("first.prov", SETS);
        XtextResource other = elsewhere.parse("other.prov", "namespace test.other\n\nhandset Regional {\n\tclassmarks 3\n}\n");
        assertNone(validate(other), ProvValidator.DUPLICATE_NAME);
    }

    // ---- statements given twice --------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "apn \"internet\"|apn \"second\"|apn",
            "linger 300|linger 600|linger",
            "auth pap|auth chap|auth",
            "password env \"A\"|password file \"b.txt\"|password" })
    void aStatementGivenTwiceInABlockIsAnErrorAtTheSecond(String first, String second, String keyword) {
        String text = "namespace test.twice\n\nparameters P {\n\tgprs {\n\t\t" + first + "\n\t\t" + second + "\n\t}\n}\n";
        Issue issue = only(issues(text), ProvValidator.DUPLICATE_STATEMENT, 6);
        assertEquals(text.indexOf(second), issue.getOffset());
        assertEquals(second.length(), issue.getLength());
        assertTrue(issue.getMessage().startsWith("'" + keyword + "' is given twice in the gprs block of parameters 'P' (first on line 5)"),
                issue.getMessage());
        assertNone(issues(text.replace("\t\t" + second + "\n", "")), ProvValidator.DUPLICATE_STATEMENT);
    }

    @Test
    void aBlockGivenTwiceIsAnErrorAtTheSecond() {
        String text = "namespace test.twice\n\nparameters P {\n\tgprs {\n\t\tapn \"a\"\n\t}\n\tgprs {\n\t\tapn \"b\"\n\t}\n}\n";
        Issue issue = only(issues(text), ProvValidator.DUPLICATE_STATEMENT, 7);
        assertTrue(issue.getMessage().startsWith("'gprs' is given twice in parameters 'P'"), issue.getMessage());
    }

    @Test
    void aPinOrADestinationGivenTwoWaysIsGivenTwice() {
        String pins = SETS.replace("\t\tpin generated\n", "\t\tpin env \"USERPIN\"\n\t\tpin generated\n");
        Issue pin = only(issues(pins), ProvValidator.DUPLICATE_STATEMENT, lineOf(pins, "pin generated"));
        assertTrue(pin.getMessage().startsWith("'pin' is given twice"), pin.getMessage());
        String destinations = SETS.replace("\t\tto \"+447700900123\"\n", "\t\tto \"+447700900123\"\n\t\tto subscribers\n");
        only(issues(destinations), ProvValidator.DUPLICATE_STATEMENT, lineOf(destinations, "to subscribers"));
        assertNone(issues(SETS), ProvValidator.DUPLICATE_STATEMENT);
    }

    @Test
    void aFlagGivenTwiceIsGivenTwice() {
        String text = "namespace test.twice\n\nhandset H {\n\tconcatenated-sms max 4 segments\n\tconcatenated-sms\n}\n";
        Issue issue = only(issues(text), ProvValidator.DUPLICATE_STATEMENT, 5);
        assertTrue(issue.getMessage().startsWith("'concatenated-sms' is given twice in handset 'H'"), issue.getMessage());
    }

    // ---- extends ------------------------------------------------------------------------------

    @Test
    void extendsCannotGoRoundInACircle() {
        String text = SETS.replace("parameters National {", "parameters National extends Regional {");
        List<Issue> cycles = withCode(issues(text), ProvValidator.EXTENDS_CYCLE);
        assertEquals(2, cycles.size(), cycles::toString);
        assertEquals(lineOf(text, "parameters National"), cycles.get(0).getLineNumber());
        assertTrue(cycles.get(0).getMessage().contains("National → Regional → National"), cycles.get(0).getMessage());
        assertEquals(lineOf(text, "parameters Regional"), cycles.get(1).getLineNumber());
        String self = SETS.replace("parameters National {", "parameters National extends National {");
        only(issues(self), ProvValidator.EXTENDS_CYCLE, 3);
        assertNone(issues(SETS), ProvValidator.EXTENDS_CYCLE);
    }

    // ---- unused parameter sets ------------------------------------------------------------------

    @Test
    void aParameterSetNothingUsesIsAWarning() {
        String text = SETS + "\nparameters Spare {\n\tgprs {\n\t\tapn \"spare\"\n\t}\n}\n";
        Issue issue = only(issues(text), ProvValidator.UNUSED_PARAMETER_SET, lineOf(text, "parameters Spare"));
        assertEquals(Severity.WARNING, issue.getSeverity());
        // National is used only by extends, Regional only by a delivery.
        assertNone(issues(SETS), ProvValidator.UNUSED_PARAMETER_SET);
        String updated = text.replace("\t\tto \"+447700900123\"\n\t}\n", "\t\tto \"+447700900123\"\n\t}\n\trun Boot {\n\t\tupdate-sim Spare\n\t}\n")
                + "\nbootstrap-app Boot {\n\tclassmark 3\n}\n";
        assertNone(issues(updated), ProvValidator.UNUSED_PARAMETER_SET);
    }

    @Test
    void aParameterSetUsedFromAnotherFileIsUsed() {
        ProvFiles files = new ProvFiles();
        XtextResource shared = files.parse("shared.prov", "namespace shared\n\nparameters Mail {\n\tmail {\n\t\tfrom \"me@mail.example\"\n\t}\n}\n");
        only(validate(shared), ProvValidator.UNUSED_PARAMETER_SET, 3);
        files.parse("user.prov", "namespace user\n\nimport shared.*\n\nbootstrap-app Boot {\n\tclassmark 3\n}\n\n"
                + "scenario S {\n\trun Boot {\n\t\tupdate-phone Mail\n\t}\n}\n");
        assertNone(validate(shared), ProvValidator.UNUSED_PARAMETER_SET);
    }

    // ---- references ----------------------------------------------------------------------------

    @Test
    void anUnresolvedReferenceIsAnErrorAtTheReferenceOnly() {
        String text = SETS.replace("extends National", "extends Nationl");
        List<Issue> errors = issues(text).stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(Diagnostic.LINKING_DIAGNOSTIC, errors.get(0).getCode());
        assertEquals(lineOf(text, "extends Nationl"), errors.get(0).getLineNumber());
        assertEquals(text.indexOf("Nationl"), errors.get(0).getOffset());
        assertTrue(errors.get(0).getMessage().contains("Nationl"), errors.get(0).getMessage());
        assertEquals(List.of(), issues(SETS).stream().filter(i -> i.getSeverity() == Severity.ERROR).toList());
    }
}
