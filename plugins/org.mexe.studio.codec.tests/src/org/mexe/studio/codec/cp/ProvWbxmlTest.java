package org.mexe.studio.codec.cp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.InvalidDocumentException;
import org.mexe.studio.codec.TestResources;

class ProvWbxmlTest {

    @Test
    void reproducesTheAppendixCEncodingByteForByte() {
        ProvisioningDocument document = ProvXml.parse(TestResources.text(TestResources.APPENDIX_C_XML));
        assertEquals(Hex.encode(TestResources.bytes(TestResources.APPENDIX_C_WBXML)), Hex.encode(ProvWbxml.encode(document)));
    }

    @Test
    void decodesTheAppendixCEncodingToTheExampleDocument() {
        assertEquals(ProvXml.parse(TestResources.text(TestResources.APPENDIX_C_XML)),
                ProvWbxml.decode(TestResources.bytes(TestResources.APPENDIX_C_WBXML)));
    }

    @Test
    void switchesToPageOneForApplicationTokensLikeLibwbxml() {
        ProvisioningDocument document = ProvXml.parse(TestResources.text(TestResources.APPLICATION_XML));
        assertEquals(Hex.encode(TestResources.bytes(TestResources.APPLICATION_LIBWBXML)), Hex.encode(ProvWbxml.encode(document)));
    }

    @Test
    void applicationCharacteristicBytes() {
        ProvisioningDocument document = new ProvisioningDocument(List.of(new Characteristic("APPLICATION", List.of(
                new Parm("APPID", "w4"),
                new Parm("NAME", "MMS"),
                new Parm("ADDRTYPE", "APPSRV")))));
        assertEquals("03 0B 6A 00 C5 46 01 "
                + "C6 00 01 55 01 "                 // attribute page 1: type=APPLICATION
                + "87 36 00 00 06 03 77 34 00 01 "  // APPID (page 1), back to page 0 for value=, "w4"
                + "87 07 06 03 4D 4D 53 00 01 "     // NAME exists on page 0
                + "87 00 01 35 00 00 06 00 01 8D 01 " // ADDRTYPE (page 1), value= (page 0), APPSRV (page 1 only)
                + "01 01", Hex.encodeSpaced(ProvWbxml.encode(document)));
    }

    @Test
    void flagParmAndEmptyValueStayDistinct() {
        ProvisioningDocument document = new ProvisioningDocument(List.of(new Characteristic("NAPDEF", List.of(
                Parm.flag("T-BIT"),
                new Parm("NAME", "")))));
        byte[] wbxml = ProvWbxml.encode(document);
        assertEquals("03 0B 6A 00 C5 46 01 C6 55 01 87 4C 01 87 07 06 01 01 01", Hex.encodeSpaced(wbxml));
        assertEquals(document, ProvWbxml.decode(wbxml));
    }

    @Test
    void unknownNamesAndValuesTravelAsStrings() {
        ProvisioningDocument document = new ProvisioningDocument(List.of(new Characteristic("X-VENDOR", List.of(
                new Parm("FROM", "me@example.com"),
                new Parm("BEARER", "3G-GSM")))));
        byte[] wbxml = ProvWbxml.encode(document);
        assertEquals("03 0B 6A 00 C5 46 01 C6 50 03 58 2D 56 45 4E 44 4F 52 00 01 "
                + "87 05 03 46 52 4F 4D 00 06 03 6D 65 40 65 78 61 6D 70 6C 65 2E 63 6F 6D 00 01 "
                + "87 10 06 03 33 47 2D 47 53 4D 00 01 01 01", Hex.encodeSpaced(wbxml));
        assertEquals(document, ProvWbxml.decode(wbxml));
    }

    @Test
    void roundTripsXmlThroughTreeAndWbxml() {
        for (String fixture : List.of(TestResources.APPENDIX_C_XML, TestResources.APPLICATION_XML,
                TestResources.OPERATOR_SETTINGS_XML)) {
            ProvisioningDocument document = ProvXml.parse(TestResources.text(fixture));
            byte[] wbxml = ProvWbxml.encode(document);
            assertEquals(document, ProvWbxml.decode(wbxml), fixture);
            assertEquals(document, ProvXml.parse(ProvXml.write(document)), fixture);
            assertArrayEquals(wbxml, ProvWbxml.encode(ProvWbxml.decode(wbxml)), fixture);
        }
        assertEquals(ProvXmlTest.SMALL, ProvWbxml.decode(ProvWbxml.encode(ProvXmlTest.SMALL)));
    }

    @Test
    void wellFormedWbxmlThatIsNoProvisioningDocument() {
        // String table "foo"; LITERAL tag inside the root.
        List<org.mexe.studio.codec.CodecWarning> warnings = new java.util.ArrayList<>();
        ProvWbxml.decode(Hex.decode("03 0B 6A 04 66 6F 6F 00 C5 46 01 04 00 01"), warnings);
        assertEquals("/wap-provisioningdoc/foo[1]", warnings.get(0).location());
        // The root must still be a provisioning document: LITERAL "foo" as root.
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class,
                () -> ProvWbxml.decode(Hex.decode("03 0B 6A 04 66 6F 6F 00 04 00")));
        assertEquals("/foo", e.location());
    }
}
