package org.mexe.studio.codec.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.mexe.studio.codec.TestResources;
import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.cp.OmaCpMessageEncoder;
import org.mexe.studio.codec.cp.ProvWbxml;
import org.mexe.studio.codec.cp.ProvXml;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.testing.PeerTools;

/**
 * Kannel's OMA CP compiler (kannel-extras {@code test_ota}) and libwbxml's {@code xml2wbxml} as
 * two independent encoders of the same XML: our decoder must read their WBXML, and our encoding
 * must never be longer than theirs (the size requirement). MACs are out of scope here:
 * Kannel's NETWPIN key is wrong.
 */
class KannelPeerTest {

    /** {@code prov generate examples}' output for examples/demo-operator (see resources/oma-cp/README.md). */
    private static final String DEMO_OPERATOR_XML = "/oma-cp/demo-operator-generated.xml";

    private static final List<String> DOCUMENTS = List.of(
            TestResources.APPENDIX_C_XML,
            TestResources.APPLICATION_XML,
            TestResources.OPERATOR_SETTINGS_XML,
            DEMO_OPERATOR_XML);

    private static final SubmitParameters TO_SWEDEN = new SubmitParameters(SmsAddress.international("46708251358"), 7, 0x2A);

    @Test
    void ourDecoderReadsKannelsEncodingAsTheSameDocument() {
        for (String fixture : DOCUMENTS) {
            String xml = TestResources.text(fixture);
            assertEquals(ProvXml.parse(xml), ProvWbxml.decode(PeerTools.kannelTestOta(xml)), fixture);
        }
    }

    @Test
    void ourDecoderReadsLibwbxmlsEncodingAsTheSameDocument() {
        for (String fixture : DOCUMENTS) {
            String xml = TestResources.text(fixture);
            assertEquals(ProvXml.parse(xml), ProvWbxml.decode(PeerTools.xml2wbxml(xml)), fixture);
        }
    }

    @Test
    void libwbxmlDecodesOurEncodingOfTheGeneratedDocument() {
        ProvisioningDocument document = ProvXml.parse(TestResources.text(DEMO_OPERATOR_XML));
        assertEquals(document, ProvXml.parse(PeerTools.wbxml2xml(ProvWbxml.encode(document))));
    }

    /** Also reports the figures behind the "Bytes and SMS segments" table in docs/performance.md. */
    @Test
    void ourEncodingIsNeverLongerThanKannelsOrLibwbxmls(TestReporter reporter) {
        for (String fixture : DOCUMENTS) {
            String xml = TestResources.text(fixture);
            ProvisioningDocument document = ProvXml.parse(xml);
            int ours = ProvWbxml.encode(document).length;
            int libwbxml = PeerTools.xml2wbxml(xml).length;
            int kannel = PeerTools.kannelTestOta(xml).length;
            int segments = OmaCpMessageEncoder.signed(document, new CpSecurity.UserPin("1234"), 1, TO_SWEDEN).submits().size();
            reporter.publishEntry(fixture, "ours=%d libwbxml=%d kannel=%d userpin-sms=%d".formatted(ours, libwbxml, kannel, segments));
            assertTrue(ours <= kannel, () -> fixture + ": ours " + ours + " bytes, Kannel " + kannel);
            assertTrue(ours <= libwbxml, () -> fixture + ": ours " + ours + " bytes, libwbxml " + libwbxml);
        }
    }
}
