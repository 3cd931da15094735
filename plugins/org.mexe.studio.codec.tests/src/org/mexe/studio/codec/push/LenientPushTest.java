package org.mexe.studio.codec.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.CodecWarning;
import org.mexe.studio.codec.TestResources;
import org.mexe.studio.codec.cp.ProvCont;
import org.mexe.studio.codec.wbxml.WbxmlElement;

/** Kannel's own SI, SL and Nokia OTA test documents, and the liberties senders take with them. */
class LenientPushTest {

    @Test
    void kannelsTestDocumentsAreRecognisedAndReadWithoutWarnings() {
        record Sample(String path, PushDocumentType type) {
        }
        for (Sample sample : List.of(new Sample("/lenient/kannel-si.xml", PushDocumentType.SI),
                new Sample("/lenient/kannel-sl.xml", PushDocumentType.SL),
                new Sample("/lenient/kannel-settings4.xml", PushDocumentType.NOKIA_OTA_SETTINGS),
                // Its DOCTYPE says CHARACTERISTIC_LIST: the root element decides.
                new Sample("/lenient/kannel-bookmark.xml", PushDocumentType.NOKIA_OTA_SETTINGS))) {
            String xml = TestResources.text(sample.path());
            assertEquals(Optional.of(sample.type()), PushDocumentType.recognise(xml), sample.path());
            List<CodecWarning> warnings = new ArrayList<>();
            WbxmlElement document = PushXml.parse(sample.type(), xml, warnings);
            assertEquals(List.of(), warnings, sample.path());
            List<CodecWarning> decoded = new ArrayList<>();
            assertEquals(document, PushWbxml.decode(sample.type(), PushWbxml.encode(sample.type(), document), decoded));
            assertEquals(List.of(), decoded, sample.path());
        }
    }

    @Test
    void nokiaOtaInAnotherCaseAndWithUnknownParmsIsReadWithWarnings() {
        String xml = """
                <CHARACTERISTIC-LIST>
                  <CHARACTERISTIC TYPE="address" COLOR="red">
                    <PARM NAME="BEARER" VALUE="gprs"/>
                    <PARM NAME="ppp_authname" VALUE="wap"/>
                    <PARM NAME="PPP_AUTHSECRET" VALUE="hidden-one"/>
                    <PARM NAME="X_VENDOR" VALUE="1"/>
                  </CHARACTERISTIC>
                  <BOOKMARKS/>
                </CHARACTERISTIC-LIST>
                """;
        List<CodecWarning> warnings = new ArrayList<>();
        WbxmlElement document = PushXml.parse(PushDocumentType.NOKIA_OTA_SETTINGS, xml, warnings);
        assertEquals(List.of(
                "/CHARACTERISTIC-LIST/CHARACTERISTIC[1](address): TYPE 'address' is written ADDRESS by the OTA Settings 7.0 DTD (the case differs)",
                "/CHARACTERISTIC-LIST/CHARACTERISTIC[1](address): attribute COLOR is not declared on CHARACTERISTIC by the OTA Settings 7.0 DTD; a handset ignores it",
                "/CHARACTERISTIC-LIST/CHARACTERISTIC[1](address)/PARM[1](BEARER): BEARER 'gprs' is written GPRS by OTA Settings 7.0 (the case differs)",
                "/CHARACTERISTIC-LIST/CHARACTERISTIC[1](address)/PARM[2](ppp_authname): PARM ppp_authname is written PPP_AUTHNAME in OTA Settings 7.0",
                "/CHARACTERISTIC-LIST/CHARACTERISTIC[1](address)/PARM[4](X_VENDOR): PARM X_VENDOR is not one of OTA Settings 7.0's; a handset ignores it",
                "/CHARACTERISTIC-LIST/BOOKMARKS[2]: element BOOKMARKS is not allowed inside CHARACTERISTIC-LIST by the OTA Settings 7.0 DTD; a handset ignores it"),
                warnings.stream().map(CodecWarning::toString).toList());
        assertFalse(warnings.toString().contains("hidden-one"));
        // Encoding works too and says the same.
        assertEquals(warnings, PushContent.check(PushDocumentType.NOKIA_OTA_SETTINGS, document));
    }

    @Test
    void maskingHidesNokiaPasswords() {
        WbxmlElement document = PushXml.parse(PushDocumentType.NOKIA_OTA_SETTINGS, TestResources.text("/lenient/kannel-settings4.xml"));
        String masked = PushXml.write(PushDocumentType.NOKIA_OTA_SETTINGS, PushContent.masked(document));
        assertTrue(masked.contains("<PARM NAME=\"PPP_AUTHSECRET\" VALUE=\"" + ProvCont.MASK + "\"/>"), masked);
        assertTrue(masked.contains("<PARM NAME=\"PPP_AUTHNAME\" VALUE=\"rl\"/>"), masked);
        assertFalse(masked.contains("VALUE=\"wap\""), masked);
    }

    @Test
    void siActionInAnotherCaseIsAWarning() {
        List<CodecWarning> warnings = new ArrayList<>();
        PushXml.parse(PushDocumentType.SI, "<si><indication href=\"http://a.example/\" action=\"SIGNAL-HIGH\">x</indication></si>",
                warnings);
        assertEquals(List.of("/si/indication[1]: action 'SIGNAL-HIGH' is written signal-high by the SI 1.0 DTD (the case differs)"),
                warnings.stream().map(CodecWarning::toString).toList());
    }
}
