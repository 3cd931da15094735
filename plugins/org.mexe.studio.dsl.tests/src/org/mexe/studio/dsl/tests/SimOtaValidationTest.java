package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mexe.studio.dsl.tests.ValidationTest.assertNone;
import static org.mexe.studio.dsl.tests.ValidationTest.issues;
import static org.mexe.studio.dsl.tests.ValidationTest.lineOf;
import static org.mexe.studio.dsl.tests.ValidationTest.only;
import static org.mexe.studio.dsl.tests.ValidationTest.withCode;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.mexe.studio.dsl.validation.SimOtaValidator;

/** SIM updates: the key set that secures them, and which settings the (U)SIM has no file for. */
class SimOtaValidationTest {

    private static String model(String ota, String update) {
        return """
                namespace test.sim

                certificate OperatorRoot {
                	file "operator-root.pem"
                	stored-on sim
                }

                certificate MakerRoot {
                	file "maker-root.pem"
                	stored-on handset
                }

                domain Operator is operator {
                	roots OperatorRoot
                }

                domain Maker is manufacturer {
                	roots MakerRoot
                }

                parameters Keys {
                	public-keys OperatorRoot
                }

                parameters Mixed {
                	gprs {
                		apn "internet"
                	}
                	default-classmark 3
                	public-keys MakerRoot
                }

                %s

                bootstrap-app Boot {
                	classmark 3
                }

                scenario Brief {
                	download Boot over http
                	run Boot {
                		%s
                	}
                }
                """.formatted(ota, update);
    }

    private static final String CARDS = """
            sim-ota Cards {
            	kic env "OTA_KIC"
            	kid env "OTA_KID"
            	key-set 2
            	algorithm aes
            	tar "B00010"
            }""";

    @Test
    void aCompleteUpdateOfRootsRaisesNothing() {
        List<Issue> issues = issues(model(CARDS, "update-sim Keys via Cards"));
        for (String code : List.of(SimOtaValidator.SIM_OTA_MISSING, SimOtaValidator.SIM_OTA_INCOMPLETE, SimOtaValidator.INVALID_TAR,
                SimOtaValidator.SIM_SETTING_UNMAPPED)) {
            assertNone(issues, code);
        }
    }

    @Test
    void anUpdateWithoutAKeySetIsAWarning() {
        String text = model(CARDS, "update-sim Keys");
        Issue issue = only(issues(text), SimOtaValidator.SIM_OTA_MISSING, lineOf(text, "update-sim Keys"));
        assertEquals(Severity.WARNING, issue.getSeverity());
        assertTrue(issue.getMessage().contains("no secured packets can be made") && issue.getMessage().contains("'via'"), issue.getMessage());
    }

    @Test
    void everySettingWithoutASimFileIsNamedWithItsReason() {
        String text = model(CARDS, "update-sim Keys, Mixed via Cards");
        List<Issue> unmapped = withCode(issues(text), SimOtaValidator.SIM_SETTING_UNMAPPED);
        assertEquals(3, unmapped.size(), unmapped::toString);
        unmapped.forEach(i -> assertEquals(Severity.WARNING, i.getSeverity()));
        String messages = String.join("\n", unmapped.stream().map(Issue::getMessage).toList());
        assertTrue(messages.contains("Mixed gprs: not written to the SIM because no (U)SIM file holds access point settings"), messages);
        assertTrue(messages.contains("Mixed default-classmark: not written to the SIM because the default classmark is a setting of the"
                + " handset's MExE environment"), messages);
        assertTrue(messages.contains("Mixed public key MakerRoot: not written to the SIM because it is a root of a manufacturer domain"),
                messages);
        // Placed at the set's name in the statement.
        unmapped.forEach(i -> assertEquals(lineOf(text, "update-sim Keys, Mixed"), i.getLineNumber()));
        assertEquals(text.indexOf("Mixed via"), unmapped.get(0).getOffset());
    }

    @Test
    void aKeySetNeedsItsKeysKeyVersionAlgorithmAndTar() {
        String text = model("""
                sim-ota Cards {
                	kic env "OTA_KIC"
                }""", "update-sim Keys via Cards");
        List<Issue> incomplete = withCode(issues(text), SimOtaValidator.SIM_OTA_INCOMPLETE);
        String messages = String.join("\n", incomplete.stream().map(Issue::getMessage).toList());
        assertEquals(4, incomplete.size(), messages);
        incomplete.forEach(i -> assertEquals(Severity.ERROR, i.getSeverity()));
        assertTrue(messages.contains("names only one of KIc and KID"), messages);
        assertTrue(messages.contains("names no key set"), messages);
        assertTrue(messages.contains("names no algorithm"), messages);
        assertTrue(messages.contains("names no TAR"), messages);
    }

    @Test
    void keysComeFromOnePlaceAndTheTarIsThreeOctets() {
        String text = """
                namespace test.sim

                keystore OtaKeys {
                	file "ota.p12"
                	password env "OTA_P12_PASSWORD"
                }

                sim-ota Cards {
                	keystore OtaKeys
                	kid env "OTA_KID"
                	key-set 16
                	algorithm des3-2key
                	tar "B0001"
                }
                """;
        List<Issue> all = issues(text);
        List<Issue> incomplete = withCode(all, SimOtaValidator.SIM_OTA_INCOMPLETE);
        String messages = String.join("\n", incomplete.stream().map(Issue::getMessage).toList());
        assertEquals(2, incomplete.size(), messages);
        assertTrue(messages.contains("takes its keys from the keystore OtaKeys and from 'kic'/'kid': keep one of them"), messages);
        assertTrue(messages.contains("The key set 16 is out of range"), messages);
        Issue tar = only(all, SimOtaValidator.INVALID_TAR, lineOf(text, "tar \"B0001\""));
        assertTrue(tar.getMessage().contains("is not three octets in hex"), tar.getMessage());
    }
}
