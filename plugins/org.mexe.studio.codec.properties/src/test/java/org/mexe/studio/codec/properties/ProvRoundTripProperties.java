package org.mexe.studio.codec.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.mexe.studio.codec.cp.ProvWbxml;
import org.mexe.studio.codec.cp.ProvXml;
import org.mexe.studio.codec.cp.ProvisioningDocument;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Writing a provisioning document and reading it back gives the same tree, in XML and in WBXML. */
class ProvRoundTripProperties {

    @Property(tries = 200)
    void xmlRoundTrip(@ForAll("documents") ProvisioningDocument document) {
        assertEquals(document, ProvXml.parse(ProvXml.write(document)));
    }

    @Property(tries = 200)
    void wbxmlRoundTrip(@ForAll("documents") ProvisioningDocument document) {
        assertEquals(document, ProvWbxml.decode(ProvWbxml.encode(document)));
    }

    /** The path a .prov artefact takes: XML text in, WBXML out, and back to the same text. */
    @Property(tries = 100)
    void xmlThroughWbxmlGivesTheSameText(@ForAll("documents") ProvisioningDocument document) {
        String xml = ProvXml.write(document);
        assertEquals(xml, ProvXml.write(ProvWbxml.decode(ProvWbxml.encode(ProvXml.parse(xml)))));
    }

    @Provide
    Arbitrary<ProvisioningDocument> documents() {
        return CodecArbitraries.documents();
    }
}
