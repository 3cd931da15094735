package org.mexe.studio.codec.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.TestResources;
import org.mexe.studio.codec.cp.Characteristic;
import org.mexe.studio.codec.cp.Parm;
import org.mexe.studio.codec.cp.ProvLanguage;
import org.mexe.studio.codec.cp.ProvWbxml;
import org.mexe.studio.codec.cp.ProvXml;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.codec.wbxml.WbxmlAttribute;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.codec.wbxml.WbxmlEncoder;
import org.mexe.studio.codec.wbxml.XmlElementReader;
import org.mexe.studio.testing.PeerTools;

/** libwbxml (Debian libwbxml2-utils) as an independent decoder and reference encoder. Trees are compared, not text. */
class LibwbxmlPeerTest {

    /** Everything the encoder does differently from the fixtures: string table, page 1 values, escaping, UTF-8. */
    private static final ProvisioningDocument EDGE_CASES = new ProvisioningDocument(List.of(
            new Characteristic("NAPDEF", List.of(
                    new Parm("NAPID", "NAP<&>\"1\""),
                    new Parm("NAME", "Ünïcødé € 😀"),
                    new Parm("NAME", ""),
                    Parm.flag("T-BIT"),
                    new Parm("BEARER", "3G-GSM"),
                    new Parm("X-UNKNOWN", "NAP<&>\"1\""))),
            new Characteristic("APPLICATION", List.of(
                    new Parm("APPID", "w4"),
                    new Parm("ADDRTYPE", "APPSRV"),
                    new Parm("AAUTHTYPE", "HTTP-DIGEST"),
                    new Parm("FROM", "x@example.com")),
                    List.of(new Characteristic("APPADDR", List.of(new Parm("ADDR", "mms.example"),
                            new Parm("ADDRTYPE", "OBEX"))))),
            new Characteristic("X-VENDOR-SETTINGS", List.of(new Parm("PORTNBR", "9201")))));

    @Test
    void libwbxmlDecodesOurEncodingToTheSameTree() {
        List<ProvisioningDocument> documents = List.of(
                ProvXml.parse(TestResources.text(TestResources.APPENDIX_C_XML)),
                ProvXml.parse(TestResources.text(TestResources.APPLICATION_XML)),
                ProvXml.parse(TestResources.text(TestResources.OPERATOR_SETTINGS_XML)),
                EDGE_CASES);
        for (ProvisioningDocument document : documents) {
            String decodedByLibwbxml = PeerTools.wbxml2xml(ProvWbxml.encode(document));
            assertEquals(document, ProvXml.parse(decodedByLibwbxml), decodedByLibwbxml);
        }
    }

    /** Acceptance of issue 9: a document without version, as operators send it, encodes to WBXML that libwbxml reads. */
    @Test
    void libwbxmlDecodesDocumentsWithoutVersionAndOtherLiberties() {
        List<ProvisioningDocument> documents = List.of(
                new ProvisioningDocument(java.util.Optional.empty(),
                        ProvXml.parse(TestResources.text(TestResources.OPERATOR_SETTINGS_XML)).characteristics()),
                ProvXml.parse(TestResources.text("/lenient/field-napdef-no-version.xml")),
                ProvXml.parse(TestResources.text("/lenient/microsoft-browserfavorite.xml")));
        for (ProvisioningDocument document : documents) {
            String decodedByLibwbxml = PeerTools.wbxml2xml(ProvWbxml.encode(document));
            assertEquals(false, decodedByLibwbxml.contains("<wap-provisioningdoc version"), decodedByLibwbxml);
            assertEquals(document, ProvXml.parse(decodedByLibwbxml), decodedByLibwbxml);
        }
    }

    @Test
    void libwbxmlReadsLiteralTagsAndAttributes() {
        WbxmlElement tree = new WbxmlElement(ProvLanguage.ROOT_ELEMENT, List.of(new WbxmlAttribute("version", "1.0")), List.of(
                new WbxmlElement("characteristic", List.of(new WbxmlAttribute("type", "PXLOGICAL"), new WbxmlAttribute("vendor", "acme")),
                        List.of(new WbxmlElement("extension", List.of(new WbxmlAttribute("vendor", "acme")), List.of())))));
        byte[] wbxml = WbxmlEncoder.encode(ProvLanguage.PROV_1_0, tree);
        assertEquals(tree, XmlElementReader.read(PeerTools.wbxml2xml(wbxml)));
    }

    @Test
    void libwbxmlEncodesTheFixturesToOurBytes() {
        for (String fixture : List.of(TestResources.APPENDIX_C_XML, TestResources.APPLICATION_XML)) {
            String xml = TestResources.text(fixture);
            assertEquals(Hex.encode(PeerTools.xml2wbxml(xml)), Hex.encode(ProvWbxml.encode(ProvXml.parse(xml))), fixture);
        }
    }
}
