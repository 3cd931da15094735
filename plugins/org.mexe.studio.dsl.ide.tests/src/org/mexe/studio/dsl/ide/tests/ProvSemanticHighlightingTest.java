package org.mexe.studio.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.xtext.ide.editor.syntaxcoloring.HighlightingStyles;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;
import org.mexe.studio.dsl.ide.highlighting.ProvSemanticHighlighting;

class ProvSemanticHighlightingTest {

    private static final String TEXT = """
            namespace demo.operator

            import demo.settings.*

            // the set
            parameters Home extends demo.settings.National {
            	gprs {
            		apn "userpin.example"
            		password env "GPRS_PASSWORD"
            		linger 300
            	}
            }
            """;

    /** Each highlighted piece of the text with its style, in order. */
    private static Map<String, String> styles(XtextResource resource) {
        Map<String, String> styles = new LinkedHashMap<>();
        ProvIdeTestSupport.INJECTOR.getInstance(ProvSemanticHighlighting.class).provideHighlightingFor(resource,
                (offset, length, ids) -> styles.merge(TEXT.substring(offset, offset + length), ids[0], (a, b) -> a + "," + b),
                CancelIndicator.NullImpl);
        return styles;
    }

    @Test
    void declarationsReferencesNamespacesAndSecretsAreToldApart() throws IOException {
        Map<String, String> styles = styles(new ProvIdeTestSupport().parse("h.prov", TEXT));
        assertEquals(ProvSemanticHighlighting.DECLARATION_ID, styles.get("Home"));
        assertEquals(ProvSemanticHighlighting.REFERENCE_ID, styles.get("National"));
        assertEquals(ProvSemanticHighlighting.NAMESPACE_ID + "," + ProvSemanticHighlighting.NAMESPACE_ID + "," + ProvSemanticHighlighting.REFERENCE_ID,
                styles.get("demo"), "demo in the namespace, the import and the qualified reference");
        assertEquals(ProvSemanticHighlighting.NAMESPACE_ID, styles.get("operator"), "a keyword used as a namespace segment");
        assertEquals(ProvSemanticHighlighting.SECRET_ID + "," + ProvSemanticHighlighting.SECRET_ID, styles.get("env") + "," + styles.get("\"GPRS_PASSWORD\""));
        assertEquals(HighlightingStyles.STRING_ID, styles.get("\"userpin.example\""), "a string is a string, whatever words it holds");
        assertEquals(HighlightingStyles.KEYWORD_ID, styles.get("extends"));
        assertEquals(HighlightingStyles.NUMBER_ID, styles.get("300"));
        assertEquals(HighlightingStyles.COMMENT_ID, styles.get("// the set\n"));
    }
}
