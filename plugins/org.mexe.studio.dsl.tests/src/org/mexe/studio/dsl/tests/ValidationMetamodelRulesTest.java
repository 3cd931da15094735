package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mexe.studio.dsl.tests.ValidationTest.assertNone;
import static org.mexe.studio.dsl.tests.ValidationTest.issues;
import static org.mexe.studio.dsl.tests.ValidationTest.lineOf;
import static org.mexe.studio.dsl.tests.ValidationTest.only;

import java.util.List;
import java.util.stream.Stream;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mexe.studio.dsl.validation.ProvDiagnosticConverter;
import org.mexe.studio.dsl.validation.ProvValidator;
import org.mexe.studio.model.constraints.ModelConstraints;

/**
 * The metamodel's invariants as the language shows them: each rule, written right and written
 * wrong, with its issue code at the line of the wrong value.
 */
class ValidationMetamodelRulesTest {

    /** A rule seen from the text: {@code good} passes, {@code bad} fails with {@code code} on the line of {@code at}. */
    record Case(String rule, String good, String bad, String code, String at) {
        @Override
        public String toString() {
            return rule;
        }
    }

    private static Case model(String rule, int code, String good, String bad, String at) {
        return new Case(rule, good, bad, ProvDiagnosticConverter.issueCode(code), at);
    }

    static Stream<Case> cases() {
        return Stream.of(
                model("IPv4 address", ModelConstraints.INVALID_IPV4_ADDRESS,
                        "parameters P {\n\tipv4 {\n\t\taddress \"10.1.1.1\"\n\t}\n}",
                        "parameters P {\n\tipv4 {\n\t\taddress \"10.1.1.256\"\n\t}\n}", "10.1.1.256"),
                model("IPv6 address", ModelConstraints.INVALID_IPV6_ADDRESS,
                        "parameters P {\n\tipv6 {\n\t\tenabled yes\n\t\taddress \"2001:db8::1\"\n\t}\n}",
                        "parameters P {\n\tipv6 {\n\t\tenabled yes\n\t\taddress \"2001:db8:::1\"\n\t}\n}", "2001:db8:::1"),
                model("GPRS DNS server", ModelConstraints.INVALID_DNS_SERVER,
                        "parameters P {\n\tgprs {\n\t\tapn \"internet\"\n\t\tdns \"10.0.0.1\", \"2001:db8::53\"\n\t}\n}",
                        "parameters P {\n\tgprs {\n\t\tapn \"internet\"\n\t\tdns \"10.0.0.1\",\n\t\t\t\"dns.example\"\n\t}\n}", "dns.example"),
                model("WAP gateway", ModelConstraints.INVALID_HOST,
                        "parameters P {\n\twap {\n\t\tgateway \"10.10.0.9\"\n\t}\n}",
                        "parameters P {\n\twap {\n\t\tgateway \"10.10.0.999\"\n\t}\n}", "10.10.0.999"),
                model("mail server host", ModelConstraints.INVALID_HOST,
                        "parameters P {\n\tmail {\n\t\tsmtp \"smtp.operator.example\" port 587\n\t}\n}",
                        "parameters P {\n\tmail {\n\t\tsmtp \"smtp operator\" port 587\n\t}\n}", "smtp operator"),
                model("setup URL", ModelConstraints.INVALID_URL,
                        "parameters P {\n\twww {\n\t\tsetup-url \"http://setup.example/\"\n\t}\n}",
                        "parameters P {\n\twww {\n\t\tsetup-url \"setup.example\"\n\t}\n}", "setup.example"),
                model("bookmark URL", ModelConstraints.INVALID_URL,
                        "parameters P {\n\twap {\n\t\tbookmark \"News\" \"http://news.example/\"\n\t}\n}",
                        "parameters P {\n\twap {\n\t\tbookmark \"News\" \"news\"\n\t}\n}", "\"news\""),
                model("server URL", ModelConstraints.INVALID_URL,
                        "server S {\n\turl \"https://prov.example:8443/\"\n}",
                        "server S {\n\turl \"https://prov.example:84430/\"\n}", "84430"),
                model("connect URL", ModelConstraints.INVALID_URL,
                        "scenario Sc {\n\tconnect \"http://prov.example/start\"\n}",
                        "scenario Sc {\n\tconnect \"prov.example/start\"\n}", "prov.example/start"),
                model("WAP home page", ModelConstraints.INVALID_HOME_PAGE,
                        "parameters P {\n\twap {\n\t\thomepage \"http://wap.example/\"\n\t}\n}",
                        "parameters P {\n\twap {\n\t\thomepage \"wap.example\"\n\t}\n}", "wap.example"),
                model("WAP port", ModelConstraints.INVALID_PORT,
                        "parameters P {\n\twap {\n\t\tport 9201\n\t}\n}",
                        "parameters P {\n\twap {\n\t\tport 0\n\t}\n}", "port 0"),
                model("mail port", ModelConstraints.INVALID_PORT,
                        "parameters P {\n\tmail {\n\t\timap \"imap.example\" port 993\n\t}\n}",
                        "parameters P {\n\tmail {\n\t\timap \"imap.example\" port 99300\n\t}\n}", "99300"),
                model("dial-up number", ModelConstraints.INVALID_PHONE_NUMBER,
                        "parameters P {\n\tgsm-csd {\n\t\tnumber \"+447700900100\"\n\t}\n}",
                        "parameters P {\n\tgsm-csd {\n\t\tnumber \"+44 7700 900100\"\n\t}\n}", "+44 7700"),
                model("request number", ModelConstraints.INVALID_PHONE_NUMBER,
                        "scenario Sc {\n\trequest sms keyword \"SETUP\" to \"2000\"\n}",
                        "scenario Sc {\n\trequest sms keyword \"SETUP\" to \"SETUP\"\n}", "to \"SETUP\""),
                model("application classmark", ModelConstraints.INVALID_CLASSMARK,
                        "bootstrap-app Boot {\n\tclassmark 3\n}",
                        "bootstrap-app Boot {\n\tclassmark 5\n}", "classmark 5"),
                model("application without classmark", ModelConstraints.INVALID_CLASSMARK,
                        "component Wallet {\n\tclassmark 1\n}",
                        "component Wallet {\n\tsize 2000\n}", "component Wallet"),
                model("handset classmarks", ModelConstraints.INVALID_CLASSMARK,
                        "handset H {\n\tclassmarks 1, 3\n}",
                        "handset H {\n\tclassmarks 1, 7\n}", "1, 7"),
                model("default classmark", ModelConstraints.INVALID_CLASSMARK,
                        "parameters P {\n\tdefault-classmark 2\n}",
                        "parameters P {\n\tdefault-classmark 9\n}", "default-classmark 9"),
                model("CSD speed", ModelConstraints.INVALID_CSD_SPEED,
                        "parameters P {\n\tgsm-csd {\n\t\tspeed 14400\n\t}\n}",
                        "parameters P {\n\tgsm-csd {\n\t\tspeed 14000\n\t}\n}", "14000"),
                model("linger", ModelConstraints.INVALID_LINGER,
                        "parameters P {\n\tgprs {\n\t\tapn \"internet\"\n\t\tlinger 300\n\t}\n}",
                        "parameters P {\n\tgprs {\n\t\tapn \"internet\"\n\t\tlinger 0\n\t}\n}", "linger 0"),
                model("IPv6 without enabled", ModelConstraints.IPV6_NOT_ENABLED,
                        "parameters P {\n\tipv6 {\n\t\tenabled yes\n\t\taddress \"2001:db8::1\"\n\t}\n}",
                        "parameters P {\n\tipv6 {\n\t\tenabled no\n\t\taddress \"2001:db8::1\"\n\t}\n}", "address"),
                model("6-to-4 without IPv4", ModelConstraints.SIX_TO_FOUR_WITHOUT_IPV4,
                        "parameters P {\n\tipv4 {\n\t\tenabled yes\n\t}\n\tipv6 {\n\t\tenabled yes\n\t\tsix-to-four yes\n\t}\n}",
                        "parameters P {\n\tipv4 {\n\t\tenabled no\n\t}\n\tipv6 {\n\t\tenabled yes\n\t\tsix-to-four yes\n\t}\n}", "six-to-four"),
                model("certificate source", ModelConstraints.INVALID_CERTIFICATE_SOURCE,
                        "keystore K {\n\tfile \"k.p12\"\n\tpassword env \"K_PASSWORD\"\n}\ncertificate C {\n\tkeystore K alias \"c\"\n}",
                        "keystore K {\n\tfile \"k.p12\"\n\tpassword env \"K_PASSWORD\"\n}\ncertificate C {\n\tkeystore K alias \"c\"\n\tfile \"c.pem\"\n}",
                        "file \"c.pem\""),
                model("keystore without password", ModelConstraints.INCOMPLETE_KEYSTORE,
                        "keystore K {\n\tfile \"k.p12\"\n\tpassword file \"k.password\"\n}",
                        "keystore K {\n\tfile \"k.p12\"\n}", "keystore K"),
                model("segment limit", ModelConstraints.INVALID_SEGMENT_LIMIT,
                        "handset H {\n\tconcatenated-sms max 8 segments\n}",
                        "handset H {\n\tconcatenated-sms max 300 segments\n}", "300"),
                model("sender address", ModelConstraints.INVALID_EMAIL_ADDRESS,
                        "parameters P {\n\tmail {\n\t\tfrom \"me@mail.example\"\n\t}\n}",
                        "parameters P {\n\tmail {\n\t\tfrom \"me at mail\"\n\t}\n}", "me at mail"),
                model("secret location", ModelConstraints.INVALID_SECRET_LOCATION,
                        "parameters P {\n\tgprs {\n\t\tapn \"internet\"\n\t\tpassword env \"GPRS_PASSWORD\"\n\t}\n}",
                        "parameters P {\n\tgprs {\n\t\tapn \"internet\"\n\t\tpassword env \"GPRS-PASSWORD\"\n\t}\n}", "GPRS-PASSWORD"),
                new Case("delivery destination", deliveryTo("\"+447700900123\""), deliveryTo("\"0044 7700\""),
                        ProvValidator.INVALID_DESTINATION, "0044 7700"),
                new Case("delivery IMSI", deliveryWithImsi("234150999999999"), deliveryWithImsi("23415"),
                        ProvValidator.INVALID_IMSI, "imsi"));
    }

    private static String deliveryTo(String to) {
        return "parameters P {\n\tgprs {\n\t\tapn \"internet\"\n\t}\n}\nscenario Sc {\n\tdeliver P {\n\t\tsecurity netwpin\n\t\timsi \"234150999999999\"\n\t\tto "
                + to + "\n\t}\n}";
    }

    private static String deliveryWithImsi(String imsi) {
        return "parameters P {\n\tgprs {\n\t\tapn \"internet\"\n\t}\n}\nscenario Sc {\n\tdeliver P {\n\t\tsecurity netwpin\n\t\timsi \""
                + imsi + "\"\n\t\tto \"+447700900123\"\n\t}\n}";
    }

    private static String file(String elements) {
        return "namespace test.rules\n\n" + elements + "\n";
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aRuleWrittenRightHasNoFindingAndWrittenWrongIsAnErrorAtTheValue(Case rule) {
        assertNone(issues(file(rule.good())), rule.code());
        String bad = file(rule.bad());
        Issue issue = only(issues(bad), rule.code(), lineOf(bad, rule.at()));
        assertEquals(Severity.ERROR, issue.getSeverity());
        assertTrue(issue.getMessage().matches("(?s).*\\b(give|add|write|keep)\\b.*"), issue.getMessage());
    }

    @Test
    void everyRuleOfTheMetamodelIsShownInTheText() {
        List<String> codes = cases().map(Case::code).distinct().toList();
        for (int code = ModelConstraints.INVALID_IPV4_ADDRESS; code <= ModelConstraints.INVALID_SECRET_LOCATION; code++) {
            assertTrue(codes.contains(ProvDiagnosticConverter.issueCode(code)), "no case for metamodel rule " + code);
        }
    }

    @Test
    void aBadValueInAListIsShownAtThatValue() {
        String text = file("parameters P {\n\tipv4 {\n\t\taddress \"10.0.0.1\", \"10.0.0.999\"\n\t}\n}");
        Issue issue = only(issues(text), ProvDiagnosticConverter.issueCode(ModelConstraints.INVALID_IPV4_ADDRESS), 5);
        assertEquals(text.indexOf("\"10.0.0.999\""), issue.getOffset());
    }

    @Test
    void aRegionalGprsBlockInheritsTheApn() {
        String text = file("parameters National {\n\tgprs {\n\t\tapn \"internet\"\n\t}\n}\n"
                + "parameters North extends National {\n\tgprs {\n\t\tlinger 60\n\t}\n}");
        assertNone(issues(text), ProvDiagnosticConverter.issueCode(ModelConstraints.INVALID_APN));
        String alone = text.replace(" extends National", "");
        only(issues(alone), ProvDiagnosticConverter.issueCode(ModelConstraints.INVALID_APN), lineOf(alone, "\tgprs {\n\t\tlinger"));
    }

    @Test
    void ipv6InheritsEnabledFromTheSetItExtends() {
        String text = file("parameters National {\n\tipv6 {\n\t\tenabled yes\n\t}\n}\n"
                + "parameters Regional extends National {\n\tipv6 {\n\t\taddress \"2001:db8::1\"\n\t}\n}");
        assertNone(issues(text), ProvDiagnosticConverter.issueCode(ModelConstraints.IPV6_NOT_ENABLED));
        String without = text.replace("enabled yes", "dns \"2001:db8::53\"");
        List<Issue> issues = issues(without);
        assertEquals(2, ValidationTest.withCode(issues, ProvDiagnosticConverter.issueCode(ModelConstraints.IPV6_NOT_ENABLED)).size(),
                issues::toString);
    }
}
