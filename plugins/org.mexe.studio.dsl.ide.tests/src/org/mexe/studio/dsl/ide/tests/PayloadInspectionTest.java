package org.mexe.studio.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;
import org.mexe.studio.dsl.ide.ProvIdeSetup;
import org.mexe.studio.dsl.ide.payload.PayloadInspection;

import com.google.inject.Injector;

/** The Payload Inspector's content: the delivery under the caret, layer by layer, with no secret read. */
class PayloadInspectionTest {

    private static final Injector INJECTOR = new ProvIdeSetup().createInjectorAndDoEMFRegistration();

    private static final String SOURCE = """
            namespace inspect.example

            parameters Home {
            	gprs {
            		apn "internet.operator.example"
            		auth pap
            		user "web"
            		password file "never-read.txt"
            	}
            	www {
            		homepage "http://wap.operator.example/start"
            	}
            }

            handset Small {
            	classmarks 3
            	concatenated-sms max 2 segments
            }

            scenario Launch {
            	handsets Small
            	deliver Home {
            		security netwpin
            		to "+447700900123"
            	}
            }
            """;

    @Test
    void theDeliveryUnderTheCaretIsShownLayerByLayer() throws Exception {
        XtextResource resource = (XtextResource) INJECTOR.getInstance(XtextResourceSet.class).createResource(URI.createURI("memory:/inspect.prov"));
        resource.load(new ByteArrayInputStream(SOURCE.getBytes(StandardCharsets.UTF_8)), null);

        assertTrue(PayloadInspection.at(resource, SOURCE.indexOf("auth pap")).isEmpty(), "a parameter set is no delivery");
        PayloadInspection.Inspection inspection = PayloadInspection.at(resource, SOURCE.indexOf("security netwpin")).orElseThrow();
        assertEquals("deliver Home", inspection.delivery());
        List<String> titles = inspection.sections().stream().map(PayloadInspection.Section::title).toList();
        assertEquals(List.of("Sizes", "Document", "WBXML", "WSP push"), titles.subList(0, 4));
        assertEquals("MAC", titles.get(titles.size() - 1));
        int sms = (int) titles.stream().filter(t -> t.startsWith("SMS ")).count();
        assertTrue(sms >= 1);
        assertEquals("SMS 1 of " + sms, titles.get(4));

        PayloadInspection.Section sizes = inspection.sections().get(0);
        assertTrue(sizes.summary().startsWith(sms + " SMS, "), sizes.summary());
        assertTrue(sizes.summary().contains("each of the 1 password(s) is a stand-in"), sizes.summary());
        assertTrue(sizes.text().startsWith("Small: takes 2 SMS, " + (sms <= 2 ? "fits" : "TOO MANY")), sizes.text());
        // OMA CP in WBXML starts 03 0B 6A: WBXML 1.3, public id 0x0B (PROV 1.0), charset 106 (UTF-8), OMA-WAP-ProvCont.
        // Each header field and token has its line (the cut is Wireshark's: TsharkPeerTest).
        List<String> wbxml = inspection.sections().get(2).text().lines().toList();
        assertTrue(wbxml.get(0).matches("0000  03 +version 1\\.3"), wbxml.get(0));
        assertTrue(wbxml.get(1).matches("0001  0B +public identifier 0x0B.*\\(PROV 1\\.0\\)"), wbxml.get(1));
        assertTrue(wbxml.get(2).matches("0002  6A +charset MIBenum 106 \\(UTF-8\\)"), wbxml.get(2));
        assertTrue(wbxml.stream().anyMatch(line -> line.matches("[0-9A-F]{4}  03 .*STR_I inline string 'web'")), wbxml::toString);
        assertTrue(wbxml.get(wbxml.size() - 1).matches("[0-9A-F]{4}  01 +END </wap-provisioningdoc>"), wbxml.get(wbxml.size() - 1));
        // A concatenated SMS-SUBMIT with a header: TP-MTI 01 and TP-UDHI, no validity period.
        assertTrue(inspection.sections().get(4).text().startsWith("0000  41 "), inspection.sections().get(4).text());
        String document = inspection.sections().get(1).text();
        assertTrue(document.contains("<parm name=\"AUTHNAME\" value=\"web\"/>"), document);
        assertFalse(inspection.toString().contains("never-read"), "the secret's file is named in the payload");
    }

    @Test
    void aHexDumpHasOffsetsBytesAndText() {
        assertEquals("0000  41 42 00 FF                                      AB..\n", PayloadInspection.dump(new byte[] { 0x41, 0x42, 0, (byte) 0xFF }));
        assertEquals(2, PayloadInspection.dump(new byte[17]).lines().count());
        assertTrue(PayloadInspection.dump(new byte[17]).lines().toList().get(1).startsWith("0010  00 "));
    }
}
