package org.mexe.studio.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;
import org.mexe.studio.dsl.ide.model.ModelBrowser;
import org.mexe.studio.dsl.ide.model.ModelBrowser.Node;
import org.mexe.studio.dsl.ide.model.ModelBrowser.Property;

/** The Model Browser's content: the whole model across files, extends resolved, secrets never shown. */
class ModelBrowserTest {

    private final ProvIdeTestSupport support = new ProvIdeTestSupport();

    private static final String BASE = """
            namespace browse.base

            parameters National {
            	gprs {
            		apn "internet.operator.example"
            		auth pap
            		user "web"
            		password file "never-read.txt"
            	}
            	www {
            		homepage "http://wap.operator.example/"
            	}
            }
            """;

    private static final String SCENARIOS = """
            namespace browse.scenarios

            import browse.base.*

            parameters Capital extends National {
            	www {
            		homepage "http://capital.operator.example/"
            	}
            }

            handset Small {
            	classmarks 1, 3
            	concatenated-sms max 2 segments
            }

            scenario Launch {
            	handsets Small
            	deliver Capital {
            		security netwpin
            		to "+447700900123"
            	}
            }
            """;

    @Test
    void everyNamespaceAndElementIsShownWithExtendsResolved() throws Exception {
        XtextResource scenarios = support.parse("scenarios.prov", SCENARIOS);
        XtextResource base = support.parse("base.prov", BASE);

        List<Node> namespaces = ModelBrowser.of(List.of(scenarios, base), ProvIdeTestSupport.INJECTOR.getInstance(IQualifiedNameProvider.class));

        assertEquals(List.of("namespace browse.base", "namespace browse.scenarios"), namespaces.stream().map(Node::label).toList());
        Node second = namespaces.get(1);
        assertEquals(List.of("parameters Capital", "handset Small", "scenario Launch"), second.children().stream().map(Node::label).toList());

        Node capital = second.children().get(0);
        assertTrue(capital.properties().contains(new Property("extends", "browse.base.National", "")), capital.properties()::toString);
        assertTrue(capital.properties().contains(new Property("www homepage", "\"http://capital.operator.example/\"", "Capital")),
                capital.properties()::toString);
        assertTrue(capital.properties().contains(new Property("gprs apn", "\"internet.operator.example\"", "National")),
                "a value the set inherits, with the set it comes from: " + capital.properties());
        assertTrue(capital.properties().contains(new Property("gprs password", "file \"never-read.txt\" (secret, not shown)", "National")),
                capital.properties()::toString);
        assertEquals(SCENARIOS.indexOf("parameters Capital"), capital.location().orElseThrow().offset());
        assertEquals(URI.createURI("memory:/scenarios.prov"), capital.location().orElseThrow().file());

        Node launch = second.children().get(2);
        assertTrue(launch.properties().contains(new Property("handsets", "browse.scenarios.Small", "")), launch.properties()::toString);
        Node deliver = launch.children().get(0);
        assertEquals("deliver", deliver.label());
        assertTrue(deliver.properties().contains(new Property("parameters", "browse.scenarios.Capital", "")), deliver.properties()::toString);
        assertTrue(deliver.properties().contains(new Property("security", "netwpin", "")), deliver.properties()::toString);
    }
}
