package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.serializer.ISerializer;
import org.junit.jupiter.api.Test;
import org.mexe.studio.dsl.formatting2.ProvFormatting;
import org.mexe.studio.testing.EveryConstruct;

/**
 * The formatter lays out every construct of the language the one canonical way, keeps
 * comments, and agrees with the serializer: model to text to model is equal, and the text of a
 * model is its canonical layout.
 */
class FormatterTest {

    private final ProvFiles files = new ProvFiles();
    private final ProvFormatting formatting = ProvFiles.INJECTOR.getInstance(ProvFormatting.class);

    FormatterTest() {
        files.parse("other.prov", EveryConstruct.SETS);
        files.parse("north/elsewhere.prov", EveryConstruct.NORTH);
    }

    private int formatted;

    private String format(String text) {
        return formatting.format(files.parse("format" + ++formatted + ".prov", text));
    }

    /** The same text with every line break and indentation reduced to single spaces, around braces and commas too. */
    private static String messy(String text) {
        return text.replaceAll("\\s+", " ").replace(", ", " ,").replace("{ ", "{").replace(" }", "}");
    }

    @Test
    void messyTextComesOutInTheCanonicalLayout() {
        String messy = messy(EveryConstruct.MAIN);
        assertFalse(messy.contains("\n"), "the messy text is one line");
        assertEquals(EveryConstruct.MAIN, format(messy));
    }

    @Test
    void formattedTextComesBackUnchanged() {
        assertEquals(EveryConstruct.MAIN, format(EveryConstruct.MAIN));
        assertEquals(EveryConstruct.SETS, format(EveryConstruct.SETS));
    }

    @Test
    void commentsAreKeptWhereTheyWere() {
        String formatted = """
                // The operator's settings.
                namespace demo.operator // the namespace

                /* Shared sets. */ import shared.sets.*

                parameters Home { // the home network
                	gprs {
                		apn "internet.operator.example" // from the operator's APN list
                		auth pap
                	}
                	// no WAP gateway yet
                }

                // The scenario of the brief.
                scenario Setup {
                	deliver Home {
                		format oma-cp /* the default */
                		security netwpin
                	}
                	// more stages to come
                }
                // end of file
                """;
        String messy = """
                // The operator's settings.
                namespace   demo.operator    // the namespace
                /* Shared sets. */ import shared.sets.*
                parameters Home{ // the home network
                    gprs { apn "internet.operator.example"    // from the operator's APN list
                  auth pap }
                // no WAP gateway yet
                }

                // The scenario of the brief.
                scenario Setup { deliver Home { format oma-cp /* the default */ security netwpin }
                        // more stages to come
                }
                // end of file""";
        assertEquals(formatted, format(messy));
        assertEquals(formatted, format(formatted));
    }

    @Test
    void aFileWithSyntaxErrorsComesBackAsItWas() {
        String broken = "namespace a\nparameters   P {\n gprs { apm \"x\" }\n}\n";
        assertEquals(broken, format(broken));
    }

    @Test
    void modelToTextToModelIsEqual() {
        XtextResource resource = files.parse("roundtrip.prov", EveryConstruct.MAIN);
        EObject model = resource.getContents().get(0);
        assertTrue(resource.getErrors().isEmpty(), () -> resource.getErrors().toString());

        String text = ProvFiles.INJECTOR.getInstance(ISerializer.class).serialize(model, SaveOptions.newBuilder().format().getOptions());
        EObject reparsed = files.parse("reparsed.prov", text).getContents().get(0);

        assertTrue(EcoreUtil.equals(model, reparsed), text);
        assertEquals(EveryConstruct.MAIN, text);
    }

    @Test
    void aModelWithoutTextSerializesToTheCanonicalLayout() {
        // as a model imported from XMI: no node model, only objects
        EObject parsed = files.parse("source.prov", EveryConstruct.MAIN).getContents().get(0);
        EcoreUtil.resolveAll(parsed);
        XtextResource bare = (XtextResource) parsed.eResource().getResourceSet().createResource(URI.createURI("memory:/bare.prov"));
        EObject copy = EcoreUtil.copy(parsed);
        bare.getContents().add(copy);

        String text = ProvFiles.INJECTOR.getInstance(ISerializer.class).serialize(copy, SaveOptions.newBuilder().format().getOptions());

        // the default store of a certificate is not written out; everything else is as a person writes it
        assertEquals(EveryConstruct.MAIN.replace("\tstored-on none\n", ""), text);
        assertTrue(EcoreUtil.equals(copy, files.parse("bare-reparsed.prov", text).getContents().get(0)), text);
    }
}
