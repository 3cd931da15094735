package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mexe.studio.dsl.tests.ValidationTest.assertNone;
import static org.mexe.studio.dsl.tests.ValidationTest.issues;
import static org.mexe.studio.dsl.tests.ValidationTest.lineOf;
import static org.mexe.studio.dsl.tests.ValidationTest.withCode;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.mexe.studio.dsl.validation.BootstrapValidator;
import org.mexe.studio.dsl.validation.ProvValidator;

/** The bootstrap applications a scenario sends fit its handsets: JAR size and classmark. */
class BootstrapValidationTest {

    private static String model(String maxJar, String componentClassmark) {
        return """
                namespace test.bootstrap

                handset Small {
                	classmarks 3
                %s
                }

                bootstrap-app Boot {
                	classmark 3
                	size 48000
                }

                component Wallet {
                	classmark %s
                	size 64000
                }

                scenario Brief {
                	handsets Small
                	download Boot over http
                	run Boot {
                		order Wallet
                	}
                	install Wallet over http
                }
                """.formatted(maxJar, componentClassmark);
    }

    @Test
    void aJarOverTheHandsetsLimitIsAnErrorAtTheStageThatSendsIt() {
        String text = model("\tmax-jar 50000 bytes", "3");
        List<Issue> errors = withCode(issues(text), BootstrapValidator.JAR_OVER_HANDSET_LIMIT);
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(Severity.ERROR, errors.get(0).getSeverity());
        assertEquals(lineOf(text, "order Wallet"), errors.get(0).getLineNumber());
        assertTrue(errors.get(0).getMessage().contains("Wallet has 64000 bytes ('size'), more than the 50000 bytes the handset Small"),
                errors.get(0).getMessage());
        assertNone(issues(model("\tmax-jar 64000 bytes", "3")), BootstrapValidator.JAR_OVER_HANDSET_LIMIT);
        assertNone(issues(model("", "3")), BootstrapValidator.JAR_OVER_HANDSET_LIMIT);
    }

    @Test
    void aComponentWhoseClassmarkNoTargetHandsetHasIsAnError() {
        String text = model("", "4");
        List<Issue> errors = withCode(issues(text), ProvValidator.UNSUPPORTED_CLASSMARK);
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(lineOf(text, "order Wallet"), errors.get(0).getLineNumber());
        assertTrue(errors.get(0).getMessage().contains("classmark 4"), errors.get(0).getMessage());
        assertNone(issues(model("", "3")), ProvValidator.UNSUPPORTED_CLASSMARK);
    }
}
