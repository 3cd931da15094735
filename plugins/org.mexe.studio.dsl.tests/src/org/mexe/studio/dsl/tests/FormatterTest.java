package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.serializer.ISerializer;
import org.junit.jupiter.api.Test;
import org.mexe.studio.dsl.formatting2.ProvFormatting;

class FormatterTest {

    private static final String FORMATTED = """
            namespace demo.operator

            import shared.sets.*

            parameters Home {
            	gprs {
            		apn "internet.operator.example"
            		auth pap user "web"
            	}
            	proxy {
            		address "10.0.0.1"
            		port 8080
            	}
            	homepage "http://wap.operator.example/"
            }

            scenario Setup {
            	deliver Home, Other {
            		format oma-cp
            		security userpin
            		pin file "pin.txt"
            		to "+447700900123"
            	}
            }
            """;

    private final ProvFormatting formatting = ProvFiles.INJECTOR.getInstance(ProvFormatting.class);

    private String format(String text) {
        return formatting.format(new ProvFiles().parse("format.prov", text));
    }

    @Test
    void messyTextComesOutInTheCanonicalLayout() {
        String messy = FORMATTED.replaceAll("\\s+", " ").replace("Home , Other", "Home ,Other").replace("{ ", "{");
        assertEquals(FORMATTED, format(messy));
    }

    @Test
    void formattedTextComesBackUnchanged() {
        assertEquals(FORMATTED, format(FORMATTED));
    }

    @Test
    void modelToTextToModelIsEqual() throws IOException {
        var resource = new ProvFiles().parse("roundtrip.prov", FORMATTED.replace("deliver Home, Other", "deliver Home"));
        EObject model = resource.getContents().get(0);
        String text = ProvFiles.INJECTOR.getInstance(ISerializer.class).serialize(model, SaveOptions.newBuilder().format().getOptions());
        EObject reparsed = new ProvFiles().parse("reparsed.prov", text).getContents().get(0);
        assertEquals(true, EcoreUtil.equals(model, reparsed), text);
        assertEquals(FORMATTED.replace("deliver Home, Other", "deliver Home"), new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
