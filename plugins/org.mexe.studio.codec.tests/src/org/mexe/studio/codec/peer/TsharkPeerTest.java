package org.mexe.studio.codec.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.TestResources;
import org.mexe.studio.codec.cp.Characteristic;
import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.cp.OmaCpMessage;
import org.mexe.studio.codec.cp.OmaCpMessageEncoder;
import org.mexe.studio.codec.cp.Parm;
import org.mexe.studio.codec.cp.ProvLanguage;
import org.mexe.studio.codec.cp.ProvXml;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.codec.wbxml.WbxmlAnnotation;
import org.mexe.studio.codec.wbxml.WbxmlDecoder;
import org.mexe.studio.testing.PeerTools;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Wireshark's dissectors (Debian tshark) read our SMS-SUBMITs end to end: UDH, reassembly, WSP push, WBXML. */
class TsharkPeerTest {

    private static final SubmitParameters TO_SWEDEN = new SubmitParameters(SmsAddress.international("46708251358"), 250, 0x5C);
    private static final String PROV_1_0_PUBLIC_ID = "0x0000000b";

    @Test
    void segmentedUserPinPushIsReassembledWithSecMacAndProvPublicId() {
        ProvisioningDocument document = ProvXml.parse(TestResources.text(TestResources.OPERATOR_SETTINGS_XML));
        OmaCpMessage message = OmaCpMessageEncoder.signed(document, new CpSecurity.UserPin("1234"), 1, TO_SWEDEN);
        assertTrue(message.submits().size() > 1, "the fixture must need concatenation");

        List<List<String>> frames = PeerTools.tsharkFields(message.tpdus(), "gsm_sms.tp-mr", "gsm_sms.tp-da",
                "gsm_sms.udh.mm.msg_id", "gsm_sms.udh.mm.msg_part", "gsm_sms.udh.mm.msg_parts",
                "wsp.parameter.sec", "wsp.parameter.mac", "wbxml.public_id.known");
        int parts = message.submits().size();
        assertEquals(parts, frames.size());
        for (int i = 0; i < parts; i++) {
            List<String> frame = frames.get(i);
            assertEquals(String.valueOf((250 + i) % 256), frame.get(0), "TP-MR");
            assertEquals("46708251358", frame.get(1));
            assertEquals(List.of("92", String.valueOf(i + 1), String.valueOf(parts)), frame.subList(2, 5));
        }
        List<String> last = frames.get(parts - 1);
        assertEquals("0x01", last.get(5), "SEC = USERPIN");
        assertEquals(message.signature().orElseThrow().mac(), last.get(6));
        assertEquals(PROV_1_0_PUBLIC_ID, last.get(7));
        frames.subList(0, parts - 1).forEach(frame -> assertEquals(List.of("", "", ""), frame.subList(5, 8),
                "WSP appears only once the message is complete"));
    }

    @Test
    void wiresharkKnowsEveryTokenWeEmit() {
        ProvisioningDocument document = ProvXml.parse(TestResources.text(TestResources.OPERATOR_SETTINGS_XML));
        OmaCpMessage message = OmaCpMessageEncoder.signed(document, new CpSecurity.UserPin("1234"), 1, TO_SWEDEN);
        String dissection = PeerTools.tsharkVerbose(message.tpdus());
        assertTrue(dissection.contains("Content-Type: application/vnd.wap.connectivity-wbxml; SEC=USERPIN; MAC="
                + message.signature().orElseThrow().mac()), "content type line");
        assertTrue(dissection.contains("type='APPLICATION'"), "page 1 characteristic");
        assertTrue(dissection.contains("name='APPID'"), "page 1 parm");
        assertFalse(dissection.contains("not defined"), "no token unknown to Wireshark");
    }

    /**
     * Our byte-by-byte reading of the WBXML (the Payload Inspector's) cuts the document where
     * Wireshark's WBXML dissector does: the same header fields, and in the body the same tokens at
     * the same offsets with the same sizes and strings.
     */
    @Test
    void annotatedWbxmlBytesAreTheTokensWiresharkReads() throws Exception {
        ProvisioningDocument document = ProvXml.parse(TestResources.text(TestResources.OPERATOR_SETTINGS_XML));
        OmaCpMessage message = OmaCpMessageEncoder.signed(document, new CpSecurity.UserPin("1234"), 1, TO_SWEDEN);
        List<WbxmlAnnotation> ours = WbxmlDecoder.annotate(ProvLanguage.PROV_1_0, message.wbxml(), new ArrayList<>());

        Document pdml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(PeerTools.tsharkPdml(message.tpdus()))));
        NodeList protos = pdml.getElementsByTagName("proto");
        Element wbxml = null;
        for (int i = 0; i < protos.getLength(); i++) {
            if ("wbxml".equals(((Element) protos.item(i)).getAttribute("name"))) {
                wbxml = (Element) protos.item(i);
            }
        }
        assertTrue(wbxml != null, "tshark dissected the reassembled push as WBXML");
        int base = Integer.parseInt(wbxml.getAttribute("pos"));
        List<String> theirs = new ArrayList<>();
        NodeList fields = wbxml.getElementsByTagName("field");
        for (int i = 0; i < fields.getLength(); i++) {
            Element field = (Element) fields.item(i);
            String name = field.getAttribute("name");
            boolean token = name.startsWith("wbxml.") && !name.startsWith("wbxml.string_table_item");
            boolean table = name.isEmpty() && field.getAttribute("show").startsWith("String table:");
            if (token || table) {
                int offset = Integer.parseInt(field.getAttribute("pos")) - base;
                boolean string = name.equals("wbxml.str_i") || name.equals("wbxml.str_t");
                theirs.add(offset + "+" + field.getAttribute("size") + (string ? " '" + field.getAttribute("show") + "'" : ""));
            }
        }
        List<String> mine = ours.stream().map(a -> a.offset() + "+" + a.length()
                + (a.meaning().startsWith("STR_") ? " " + a.meaning().substring(a.meaning().indexOf('\'')) : "")).toList();
        assertEquals(theirs, mine);
        assertEquals(message.wbxml().length, ours.stream().mapToInt(WbxmlAnnotation::length).sum(), "every byte is named once");
    }

    @Test
    void singleSegmentNetworkPinPush() {
        ProvisioningDocument document = new ProvisioningDocument(List.of(new Characteristic("BOOTSTRAP",
                List.of(new Parm("NAME", "Operator")))));
        OmaCpMessage message = OmaCpMessageEncoder.signed(document, new CpSecurity.NetworkPin("466923103145252"), 9, TO_SWEDEN);
        assertEquals(1, message.submits().size());
        List<List<String>> frames = PeerTools.tsharkFields(message.tpdus(),
                "gsm_sms.udh.mm.msg_part", "wsp.parameter.sec", "wsp.parameter.mac", "wbxml.public_id.known");
        assertEquals(List.of(List.of("", "0x00", message.signature().orElseThrow().mac(), PROV_1_0_PUBLIC_ID)), frames);
    }

    @Test
    void unsignedPushHasNoSecurityParameters() {
        ProvisioningDocument document = new ProvisioningDocument(List.of(new Characteristic("BOOTSTRAP",
                List.of(new Parm("NAME", "Operator")))));
        OmaCpMessage message = OmaCpMessageEncoder.unsigned(document, 9, TO_SWEDEN);
        List<List<String>> frames = PeerTools.tsharkFields(message.tpdus(),
                "wsp.header.content_type", "wsp.parameter.sec", "wsp.parameter.mac", "wbxml.public_id.known");
        assertEquals(List.of(List.of("application/vnd.wap.connectivity-wbxml", "", "", PROV_1_0_PUBLIC_ID)), frames);
    }
}
