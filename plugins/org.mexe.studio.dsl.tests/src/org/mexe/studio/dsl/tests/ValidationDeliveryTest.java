package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mexe.studio.dsl.tests.ValidationTest.assertNone;
import static org.mexe.studio.dsl.tests.ValidationTest.issues;
import static org.mexe.studio.dsl.tests.ValidationTest.lineOf;
import static org.mexe.studio.dsl.tests.ValidationTest.only;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mexe.studio.dsl.validation.ProvValidator;

/** A delivery has a security, a destination, and what its security method needs. */
class ValidationDeliveryTest {

    /** A scenario with one delivery whose statements are {@code body}, and a subscriber file with {@code columns}. */
    private static String delivery(String columns, String body) {
        return """
                namespace test.delivery

                parameters Home {
                	gprs {
                		apn "internet"
                	}
                }

                subscribers New {
                	file "subscribers.csv"
                	columns %s
                }

                scenario Setup {
                	subscribers New
                	deliver Home {
                %s
                	}
                }
                """.formatted(columns, body.lines().map(line -> "\t\t" + line).collect(Collectors.joining("\n")));
    }

    private static final int DELIVER_LINE = 16;

    @Test
    void aDeliveryNeedsASecurity() {
        String text = delivery("msisdn", "to \"+447700900123\"");
        only(issues(text), ProvValidator.MISSING_SECURITY, DELIVER_LINE);
        assertNone(issues(delivery("msisdn", "security none\nto \"+447700900123\"")), ProvValidator.MISSING_SECURITY);
    }

    @Test
    void aDeliveryNeedsADestination() {
        only(issues(delivery("msisdn", "security netwpin\nimsi \"234150999999999\"")), ProvValidator.MISSING_DESTINATION, DELIVER_LINE);
        assertNone(issues(delivery("msisdn", "security netwpin\nimsi \"234150999999999\"\nto \"+447700900123\"")),
                ProvValidator.MISSING_DESTINATION);
        assertNone(issues(delivery("msisdn, imsi", "security netwpin\nto subscribers")), ProvValidator.MISSING_DESTINATION);
    }

    @Test
    void toSubscribersNeedsASubscriberFileWithMsisdns() {
        String noMsisdn = delivery("imsi", "security netwpin\nto subscribers");
        only(issues(noMsisdn), ProvValidator.NO_SUBSCRIBER_SOURCE, lineOf(noMsisdn, "to subscribers"));
        String noSource = delivery("msisdn, imsi", "security netwpin\nto subscribers").replace("\tsubscribers New\n", "");
        only(issues(noSource), ProvValidator.NO_SUBSCRIBER_SOURCE, lineOf(noSource, "to subscribers"));
        assertNone(issues(delivery("msisdn, imsi", "security netwpin\nto subscribers")), ProvValidator.NO_SUBSCRIBER_SOURCE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "userpin", "usernetwpin", "userpinmac" })
    void methodsWithAUserPinNeedAPin(String method) {
        String imsi = method.equals("usernetwpin") ? "\nimsi \"234150999999999\"" : "";
        String without = delivery("msisdn", "security " + method + imsi + "\nto \"+447700900123\"");
        Issue missing = only(issues(without), ProvValidator.MISSING_PIN, lineOf(without, "security"));
        assertTrue(missing.getMessage().contains(method.toUpperCase()), missing.getMessage());
        for (String pin : List.of("pin env \"USERPIN\"", "pin file \"pin.txt\"", "pin generated")) {
            assertNone(issues(delivery("msisdn", "security " + method + imsi + "\n" + pin + "\nto \"+447700900123\"")),
                    ProvValidator.MISSING_PIN);
        }
        assertNone(issues(delivery("msisdn, imsi, pin", "security " + method + "\nto subscribers")), ProvValidator.MISSING_PIN);
        only(issues(delivery("msisdn, imsi", "security " + method + "\nto subscribers")), ProvValidator.MISSING_PIN, DELIVER_LINE + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "netwpin", "usernetwpin" })
    void methodsWithTheNetworkPinNeedAnImsi(String method) {
        String pin = method.equals("usernetwpin") ? "\npin generated" : "";
        only(issues(delivery("msisdn", "security " + method + pin + "\nto \"+447700900123\"")), ProvValidator.MISSING_IMSI,
                DELIVER_LINE + 1);
        assertNone(issues(delivery("msisdn", "security " + method + pin + "\nimsi \"234150999999999\"\nto \"+447700900123\"")),
                ProvValidator.MISSING_IMSI);
        assertNone(issues(delivery("msisdn, imsi", "security " + method + pin + "\nto subscribers")), ProvValidator.MISSING_IMSI);
        // The subscriber file's imsi column only serves a delivery that goes to the subscribers.
        only(issues(delivery("msisdn, imsi", "security " + method + pin + "\nto \"+447700900123\"")), ProvValidator.MISSING_IMSI,
                DELIVER_LINE + 1);
    }

    @Test
    void securityNoneWithOmaCpIsAWarning() {
        String text = delivery("msisdn", "format oma-cp\nsecurity none\nto \"+447700900123\"");
        Issue warning = only(issues(text), ProvValidator.UNAUTHENTICATED_DELIVERY, lineOf(text, "security none"));
        assertEquals(Severity.WARNING, warning.getSeverity());
        only(issues(text.replace("\t\tformat oma-cp\n", "")), ProvValidator.UNAUTHENTICATED_DELIVERY, lineOf(text, "security none") - 1);
        assertNone(issues(delivery("msisdn", "format nokia-ota\nsecurity none\nto \"+447700900123\"")),
                ProvValidator.UNAUTHENTICATED_DELIVERY);
    }

    @Test
    void nokiaOtaCarriesNoMac() {
        String text = delivery("msisdn", "format nokia-ota\nsecurity userpin\npin generated\nto \"+447700900123\"");
        Issue error = only(issues(text), ProvValidator.NOKIA_OTA_SECURITY, lineOf(text, "security userpin"));
        assertEquals(Severity.ERROR, error.getSeverity());
        assertTrue(error.getMessage().contains("security none"), error.getMessage());
        assertNone(issues(delivery("msisdn", "format nokia-ota\nsecurity none\nto \"+447700900123\"")), ProvValidator.NOKIA_OTA_SECURITY);
        assertNone(issues(delivery("msisdn", "format oma-cp\nsecurity userpin\npin generated\nto \"+447700900123\"")),
                ProvValidator.NOKIA_OTA_SECURITY);
    }

    @Test
    void aCompleteDeliveryHasNoError() {
        List<Issue> issues = issues(delivery("msisdn, imsi, pin", "format oma-cp\nsecurity usernetwpin\nbearer concatenated-sms\nto subscribers"));
        assertEquals(List.of(), issues.stream().filter(i -> i.getSeverity() == Severity.ERROR).toList());
    }
}
