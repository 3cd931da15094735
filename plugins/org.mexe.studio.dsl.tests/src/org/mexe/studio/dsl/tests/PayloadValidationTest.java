package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.mexe.studio.dsl.validation.PayloadValidator;

/**
 * The payload fits the handset: each delivery is encoded with the codec and its SMS count held
 * against every target handset's segment limit. Both sides of each rule, with its issue code.
 */
class PayloadValidationTest {

    /** A set that fits in one SMS with its USERPIN push, and one that needs several. */
    private static final String SETS = """
            namespace test.payload

            parameters Small { gprs { apn "internet.example" } }

            parameters Big {
            	gprs { apn "internet.example" auth pap user "web" password env "GPRS_PASSWORD" }
            %s}

            handset Roomy { concatenated-sms max 6 segments }
            handset Tight { concatenated-sms max 2 segments }
            handset Single { formats oma-cp }
            """.formatted(bookmarks(6));

    /** A www block with {@code count} bookmarks, each with its own host so that no string is shared. */
    private static String bookmarks(int count) {
        StringBuilder www = new StringBuilder("\twww {\n");
        for (int i = 0; i < count; i++) {
            www.append("\t\tbookmark \"Page ").append(i).append("\" \"http://site").append(i).append(".example/p").append(i).append("\"\n");
        }
        return www.append("\t}\n").toString();
    }

    private static String scenario(String handsets, String sets, String options) {
        return SETS + """

                scenario S {
                	handsets %s
                	deliver %s { %s to "+447700900123" }
                }
                """.formatted(handsets, sets, options);
    }

    private static List<Issue> issues(String text, String code) {
        return new ProvFiles().validate(text).stream().filter(issue -> code.equals(issue.getCode())).toList();
    }

    @Test
    void aDeliveryWithinTheHandsetsLimitIsFine() {
        assertEquals(List.of(), issues(scenario("Roomy", "Big", "security userpin pin env \"PIN\""), PayloadValidator.TOO_MANY_SEGMENTS));
        assertEquals(List.of(), issues(scenario("Single", "Small", "security userpin pin env \"PIN\""), PayloadValidator.TOO_MANY_SEGMENTS));
    }

    @Test
    void aDeliveryBeyondTheSegmentLimitNamesTheHandsetTheCountAndTheLimit() {
        String text = scenario("Roomy, Tight", "Big", "security userpin pin env \"PIN\"");
        List<Issue> issues = issues(text, PayloadValidator.TOO_MANY_SEGMENTS);
        assertEquals(1, issues.size(), issues::toString);
        Issue issue = issues.get(0);
        assertEquals(Severity.ERROR, issue.getSeverity());
        Matcher count = Pattern.compile("This delivery needs (\\d+) SMS \\(with each of the 1 password\\(s\\) counted as 16 characters\\), but the"
                + " handset 'Tight' takes at most 2 concatenated SMS: split 'Big' into smaller parameter sets delivered in several"
                + " stages, or leave out parameters the handset does not need\\.").matcher(issue.getMessage());
        assertTrue(count.matches(), issue.getMessage());
        int sms = Integer.parseInt(count.group(1));
        assertTrue(sms > 2 && sms <= 6, "between the two limits: " + sms);
        assertEquals(List.of("Tight", Integer.toString(sms), "2"), List.of(issue.getData()));
        assertEquals(text.lines().takeWhile(line -> !line.contains("deliver")).count() + 1, (long) issue.getLineNumber(),
                "at the delivery");
    }

    @Test
    void aHandsetWithoutConcatenatedSmsTakesOneSms() {
        List<Issue> issues = issues(scenario("Single", "Small, Big", "security userpin pin env \"PIN\""), PayloadValidator.TOO_MANY_SEGMENTS);
        assertEquals(1, issues.size(), issues::toString);
        assertTrue(issues.get(0).getMessage().contains("but the handset 'Single' takes 1 SMS (it has no concatenated-sms): split"
                + " 'Small', 'Big' over several deliver stages"), issues.get(0).getMessage());
    }

    @Test
    void inheritedParametersCountToo() {
        String text = scenario("Tight", "Regional", "security none").replace("handset Roomy",
                "parameters Regional extends Big { gprs { apn \"regional.example\" } }\n\nhandset Roomy");
        assertEquals(1, issues(text, PayloadValidator.TOO_MANY_SEGMENTS).size());
        String own = scenario("Tight", "Regional", "security none").replace("handset Roomy",
                "parameters Regional { gprs { apn \"regional.example\" } }\n\nhandset Roomy");
        assertEquals(List.of(), issues(own, PayloadValidator.TOO_MANY_SEGMENTS));
    }

    @Test
    void moreThanAConcatenatedMessageCanNumberIsAnErrorWithoutAnyHandset() {
        String huge = SETS.replace(bookmarks(6), bookmarks(1500));
        String text = huge + """

                scenario S { deliver Big { security userpin pin env "PIN" to "+447700900123" } }
                """;
        List<Issue> issues = issues(text, PayloadValidator.TOO_LONG);
        assertEquals(1, issues.size(), issues::toString);
        assertTrue(issues.get(0).getMessage().matches("This delivery needs \\d+ SMS \\(\\d+ octets of push\\), more than the 255 one"
                + " concatenated message can have: split 'Big' over several deliver stages\\."), issues.get(0).getMessage());
        assertEquals(List.of(), issues(text.replace(bookmarks(1500), bookmarks(6)), PayloadValidator.TOO_LONG));
    }

    @Test
    void whatAFormatCannotCarryIsAWarningAtTheSet() {
        String withMail = SETS.replace("parameters Small { gprs { apn \"internet.example\" } }",
                "parameters Small { gprs { apn \"internet.example\" } mail { smtp \"smtp.example\" } }");
        String nokia = withMail + """

                scenario S { deliver Small { format nokia-ota security none to "+447700900123" } }
                """;
        List<Issue> issues = issues(nokia, PayloadValidator.NOT_CARRIED);
        assertEquals(2, issues.size(), issues::toString);
        assertEquals(Severity.WARNING, issues.get(0).getSeverity());
        assertEquals("The Nokia OTA document cannot carry the gprs access point of the parameter set 'Small': a Nokia OTA ADDRESS"
                + " connects through a WAP gateway; give the set a wap { gateway \"a.b.c.d\" }.", issues.get(0).getMessage());
        assertEquals("The Nokia OTA document cannot carry mail of the parameter set 'Small': Nokia OTA browser settings have no mail"
                + " settings; deliver them with format oma-cp.", issues.get(1).getMessage());
        assertEquals(List.of("Small", "mail"), List.of(issues.get(1).getData()));

        String omaCp = withMail + """

                scenario S { deliver Small { security userpin pin env "PIN" to "+447700900123" } }
                """;
        assertEquals(List.of(), issues(omaCp, PayloadValidator.NOT_CARRIED));
    }
}
