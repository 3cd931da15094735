package org.mexe.studio.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mexe.studio.dsl.ide.tests.ProvIdeTestSupport.offsetOf;

import java.io.IOException;

import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;
import org.mexe.studio.dsl.ide.hover.ProvHover;
import org.mexe.studio.dsl.ide.hover.ProvHover.HoverText;

class ProvHoverTest {

    private static final String SETTINGS = """
            namespace demo.settings

            parameters Base {
            	gprs {
            		apn "internet.example"
            		password env "GPRS_PASSWORD"
            	}
            }

            parameters Regional extends Base {
            	gprs {
            		linger 300
            	}
            }
            """;

    private static final String SCENARIO = """
            namespace demo.scenarios

            import demo.settings.*

            handset Small {
            	concatenated-sms max 2 segments
            }

            handset Tiny {
            }

            scenario S {
            	handsets Small, Tiny
            	deliver Regional {
            		security userpin
            		pin generated
            		to "+447700900123"
            	}
            }
            """;

    private final ProvIdeTestSupport support = new ProvIdeTestSupport();
    private final ProvHover hover = ProvIdeTestSupport.INJECTOR.getInstance(ProvHover.class);

    private XtextResource scenario() throws IOException {
        support.parse("settings.prov", SETTINGS);
        XtextResource scenario = support.parse("scenario.prov", SCENARIO);
        support.resolveAll();
        return scenario;
    }

    @Test
    void aReferenceShowsItsTargetsEffectiveValuesAndWhereEachComesFrom() throws IOException {
        XtextResource scenario = scenario();
        int offset = offsetOf(SCENARIO, "deliver Regional", 10);
        HoverText text = hover.hoverAt(scenario, offset).orElseThrow();
        assertEquals(offsetOf(SCENARIO, "Regional", 0), text.offset());
        assertEquals("Regional".length(), text.length());
        String markdown = text.markdown();
        assertTrue(markdown.startsWith("**parameters** `demo.settings.Regional` extends `demo.settings.Base`"), markdown);
        assertTrue(markdown.contains("declared in `settings.prov`, line 10"), markdown);
        assertTrue(markdown.contains("| gprs apn | \"internet.example\" | Base |"), markdown);
        assertTrue(markdown.contains("| gprs linger | 300 | Regional |"), markdown);
        assertTrue(markdown.contains("| gprs password | env \"GPRS_PASSWORD\" (secret, not shown) | Base |"), markdown);
    }

    @Test
    void theDeclaredNameShowsTheSameAsAReference() throws IOException {
        support.parse("scenario.prov", SCENARIO);
        XtextResource settings = support.parse("settings.prov", SETTINGS);
        support.resolveAll();
        String markdown = hover.hoverAt(settings, offsetOf(SETTINGS, "parameters Base", 12)).orElseThrow().markdown();
        assertTrue(markdown.startsWith("**parameters** `demo.settings.Base`"), markdown);
        assertTrue(markdown.contains("(this file)"), markdown);
    }

    @Test
    void deliverShowsThePayloadAgainstTheHandsetsLimit() throws IOException {
        XtextResource scenario = scenario();
        String markdown = hover.hoverAt(scenario, offsetOf(SCENARIO, "deliver", 3)).orElseThrow().markdown();
        assertTrue(markdown.startsWith("**deliver**: "), markdown);
        assertTrue(markdown.matches("(?s).*\\*\\*payload\\*\\*: 2 SMS, \\d+ WBXML bytes, \\d+ push bytes.*"), markdown);
        assertTrue(markdown.contains("- `Small` takes 2: fits"), markdown);
        assertTrue(markdown.contains("- `Tiny` takes 1: TOO MANY (2 > 1)"), markdown);
    }

    @Test
    void aKeywordSaysWhatItMeans() throws IOException {
        XtextResource scenario = scenario();
        String markdown = hover.hoverAt(scenario, offsetOf(SCENARIO, "security userpin", 10)).orElseThrow().markdown();
        assertTrue(markdown.startsWith("**userpin**: Signed with an HMAC of a PIN"), markdown);
    }

    @Test
    void aSecretSaysWhereItIsReadFromNeverItsValue() throws IOException {
        support.parse("scenario.prov", SCENARIO);
        XtextResource settings = support.parse("settings.prov", SETTINGS);
        String markdown = hover.hoverAt(settings, offsetOf(SETTINGS, "\"GPRS_PASSWORD\"", 3)).orElseThrow().markdown();
        assertTrue(markdown.startsWith("**secret**, read from the environment variable `GPRS_PASSWORD`"), markdown);
    }

    @Test
    void whiteSpaceAndCommentsHaveNoHover() throws IOException {
        XtextResource resource = support.parse("c.prov", "namespace a\n\n// a comment\n");
        assertFalse(hover.hoverAt(resource, offsetOf("namespace a\n\n// a comment\n", "comment", 2)).isPresent());
        assertFalse(hover.hoverAt(resource, "namespace a".length() + 1).isPresent());
    }
}
