package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mexe.studio.model.provisioning.BootstrapActions;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.Scenario;

/**
 * One typo gives one syntax error, at the place of the typo, with a message that says what the
 * grammar allows there; the rest of the file still parses, and the node model still holds all
 * of the text (offsets, content assist and the formatter rely on it).
 */
class SyntaxRecoveryTest {

    /** A file without any mistake; each case below changes one thing in it. */
    private static final String VALID = """
            namespace test.recovery

            parameters Home {
            	gprs {
            		apn "internet.operator.example"
            		auth pap
            	}
            	wap {
            		gateway "10.0.0.1"
            		port 9201
            	}
            	www {
            		proxy "proxy.operator.example"
            		port 8080
            		homepage "http://www.operator.example/"
            	}
            	ipv4 {
            		enabled yes
            	}
            }

            scenario Setup {
            	request sms keyword "SETUP" to "2000"
            	deliver Home {
            		format oma-cp
            		security userpin
            		pin env "USERPIN"
            		to "+447700900123"
            	}
            	connect "http://prov.operator.example/"
            }
            """;

    /** A typo, where its error must be (line:column of the file) and a word its message must name. */
    static Stream<Arguments> typos() {
        return Stream.of(
                Arguments.of("a misspelt statement keyword in a block", "apn \"internet", "apm \"internet", 5, 3, "'apm'"),
                Arguments.of("a value of the wrong kind", "port 8080", "port \"8080\"", 14, 8, "a number"),
                Arguments.of("a missing closing brace of a nested block", "\t\tauth pap\n\t}\n", "\t\tauth pap\n", 7, 2, "Missing '}'"),
                Arguments.of("a missing closing brace before the next element", "\t\tenabled yes\n\t}\n}\n", "\t\tenabled yes\n\t}\n", 21, 1, "Missing '}'"),
                Arguments.of("a missing closing brace at the end of the file", "\t}\n\tconnect \"http://prov.operator.example/\"\n}\n",
                        "\t}\n\tconnect \"http://prov.operator.example/\"\n", 30, 41, "end of the file"),
                Arguments.of("a missing value", "apn \"internet.operator.example\"", "apn", 5, 3, "after 'apn'"),
                Arguments.of("a missing enumeration value", "security userpin", "security", 26, 3, "userpin, netwpin"),
                Arguments.of("an unknown enumeration value", "security userpin", "security userpn", 26, 12, "'userpn'"),
                Arguments.of("an unknown word at the top level", "parameters Home", "paramters Home", 3, 1, "'paramters'"),
                Arguments.of("a misspelt stage keyword", "\tdeliver Home", "\tdelivr Home", 24, 2, "'delivr'"),
                Arguments.of("a misspelt keyword inside a stage", " to \"2000\"", " too \"2000\"", 23, 30, "'too'"),
                Arguments.of("a misspelt namespace keyword", "namespace test", "namspace test", 1, 1, "namespace"),
                Arguments.of("a missing opening brace", "\tgprs {", "\tgprs", 4, 2, "Missing '{'"),
                Arguments.of("a missing name", "deliver Home {", "deliver {", 24, 2, "a name"),
                Arguments.of("an unquoted string", "\"internet.operator.example\"", "internet.operator.example", 5, 7, "double quotes"),
                Arguments.of("a string without its closing quote", "\"internet.operator.example\"", "\"internet.operator.example", 5, 7,
                        "not properly closed"),
                Arguments.of("a yes/no value misspelt", "enabled yes", "enabled ys", 18, 11, "yes or no"),
                Arguments.of("a stray closing brace at the top level", "\nscenario Setup", "}\nscenario Setup", 21, 1, "'}'"),
                Arguments.of("an import after the definitions", "\nscenario Setup", "import shared.*\nscenario Setup", 21, 1, "import"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typos")
    void oneTypoGivesOneErrorAtItsPlace(String what, String correct, String typo, int line, int column, String named) {
        assertTrue(VALID.contains(correct), "the case must change the valid text: " + correct);
        String text = VALID.replaceFirst(java.util.regex.Pattern.quote(correct), java.util.regex.Matcher.quoteReplacement(typo));
        ProvFiles files = new ProvFiles();
        XtextResource resource = files.parse("typo.prov", text);
        List<Issue> issues = files.validate(resource);

        assertEquals(1, issues.size(), () -> what + ": " + issues);
        Issue issue = issues.get(0);
        assertEquals(Diagnostic.SYNTAX_DIAGNOSTIC, issue.getCode(), issue::toString);
        assertEquals(line + ":" + column, issue.getLineNumber() + ":" + issue.getColumn(), () -> what + ": " + issue.getMessage());
        assertTrue(issue.getMessage().contains(named), () -> what + ": the message should name " + named + ": " + issue.getMessage());
        assertEquals(text, resource.getParseResult().getRootNode().getText(), "the node model holds all of the text");
        assertLeavesCoverTheText(resource, text);
    }

    @Test
    void theAnswerToTheBriefsExampleIsOneErrorAndTheRestOfTheSetStillParses() {
        // rule-level recovery of ANTLR stopped at the gprs block's '}' and ended the set there
        ProvFiles files = new ProvFiles();
        XtextResource resource = files.parse("apm.prov", VALID.replace("apn \"internet", "apm \"internet"));
        List<Issue> issues = files.validate(resource);

        assertEquals(1, issues.size(), issues::toString);
        assertTrue(issues.get(0).getMessage().contains("apn, auth, user, password, dns, linger"), issues.get(0).getMessage());
        ProvisioningModel model = (ProvisioningModel) resource.getContents().get(0);
        ParameterSet home = (ParameterSet) model.getElements().get(0);
        assertEquals("10.0.0.1", home.getWap().getGateway(), "the wap block after the typo");
        assertEquals("http://www.operator.example/", home.getWww().getHomePage(), "the www block after the typo");
        assertEquals("Setup", model.getElements().get(1).getName(), "the scenario after the set");
    }

    @Test
    void aValueOfTheWrongKindSkipsOnlyThatValue() {
        ProvFiles files = new ProvFiles();
        XtextResource resource = files.parse("port.prov", VALID.replace("port 8080", "port \"8080\""));
        ParameterSet home = (ParameterSet) ((ProvisioningModel) resource.getContents().get(0)).getElements().get(0);

        assertEquals(false, home.getWww().isSetPort(), "the wrong value sets nothing");
        assertEquals("http://www.operator.example/", home.getWww().getHomePage(), "the next statement of the block");
    }

    @Test
    void afterAnUnknownTopLevelWordTheNextElementsStillParse() {
        ProvFiles files = new ProvFiles();
        XtextResource resource = files.parse("top.prov", VALID.replace("parameters Home", "paramters Home"));
        ProvisioningModel model = (ProvisioningModel) resource.getContents().get(0);

        assertEquals(1, model.getElements().size(), () -> model.getElements().toString());
        Scenario setup = (Scenario) model.getElements().get(0);
        assertEquals("Setup", setup.getName());
        assertEquals(3, setup.getStages().size());
    }

    @Test
    void aMissingBraceIsNoticedAtTheNextElementSoThatItStillParses() {
        ProvFiles files = new ProvFiles();
        XtextResource resource = files.parse("brace.prov", VALID.replace("\t\tenabled yes\n\t}\n}\n", "\t\tenabled yes\n"));
        List<Issue> issues = files.validate(resource);
        ProvisioningModel model = (ProvisioningModel) resource.getContents().get(0);

        assertEquals(1, issues.size(), issues::toString);
        assertTrue(issues.get(0).getMessage().contains("'ipv4' block opened at line 17"), issues.get(0).getMessage());
        Scenario setup = (Scenario) model.getElements().get(1);
        assertEquals("Home", ((ParameterDelivery) setup.getStages().get(1)).getParameterSets().get(0).getName());
    }

    @Test
    void aTypoInsideANestedBlockOfAStageStaysInThatBlock() {
        String text = VALID.replace("\tconnect \"http://prov.operator.example/\"\n",
                "\trun Boot {\n\t\toffr \"Plan A\"\n\t}\n\tconnect \"http://prov.operator.example/\"\n");
        ProvFiles files = new ProvFiles();
        XtextResource resource = files.parse("run.prov", text);
        List<Issue> issues = files.validate(resource);

        assertEquals(1, issues.size(), issues::toString);
        assertEquals(31, issues.get(0).getLineNumber());
        assertTrue(issues.get(0).getMessage().contains("offer, collect, update-phone, update-sim, order"), issues.get(0).getMessage());
        Scenario setup = (Scenario) ((ProvisioningModel) resource.getContents().get(0)).getElements().get(1);
        assertTrue(setup.getStages().get(2) instanceof BootstrapActions);
        assertEquals(4, setup.getStages().size(), "the stage after the block");
    }

    @Test
    void twoTyposInDifferentPlacesGiveTwoErrors() {
        ProvFiles files = new ProvFiles();
        List<Issue> issues = files.validate(files.parse("two.prov",
                VALID.replace("apn \"internet", "apm \"internet").replace("security userpin", "security userpn")));

        assertEquals(List.of(5, 26), issues.stream().map(Issue::getLineNumber).toList(), issues::toString);
    }

    @Test
    void syntaxErrorsHideTheChecksOfTheHalfParsedModel() {
        // without the syntax error, the missing PIN and the unresolved set would be reported
        String text = VALID.replace("\t\tpin env \"USERPIN\"\n", "").replace("deliver Home", "deliver Hom").replace("port 9201", "prot 9201");
        ProvFiles files = new ProvFiles();
        List<Issue> issues = files.validate(files.parse("hidden.prov", text));

        assertEquals(1, issues.size(), issues::toString);
        assertEquals(Diagnostic.SYNTAX_DIAGNOSTIC, issues.get(0).getCode());
    }

    @Test
    void theValidTextHasNoIssueOtherThanItsOwn() {
        assertEquals(List.of(), new ProvFiles().validate(VALID).stream()
                .filter(i -> Diagnostic.SYNTAX_DIAGNOSTIC.equals(i.getCode())).toList());
    }

    /** Every character belongs to exactly one leaf, in order: what content assist and the formatter rely on. */
    private static void assertLeavesCoverTheText(XtextResource resource, String text) {
        int offset = 0;
        for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
            assertEquals(offset, leaf.getTotalOffset(), () -> "a gap or overlap before '" + leaf.getText() + "'");
            assertEquals(text.substring(leaf.getTotalOffset(), leaf.getTotalEndOffset()), leaf.getText());
            offset = leaf.getTotalEndOffset();
        }
        assertEquals(text.length(), offset, "the leaves reach the end of the text");
    }
}
