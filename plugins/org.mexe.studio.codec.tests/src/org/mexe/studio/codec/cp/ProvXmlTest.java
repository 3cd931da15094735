package org.mexe.studio.codec.cp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.InvalidDocumentException;
import org.mexe.studio.codec.TestResources;

class ProvXmlTest {

    static final ProvisioningDocument SMALL = new ProvisioningDocument(List.of(
            new Characteristic("NAPDEF", List.of(
                    new Parm("NAME", "A & B <\"quoted\"> 'x'"),
                    new Parm("NAP-ADDRESS", "tab\there\nline\r"),
                    Parm.flag("T-BIT"),
                    new Parm("EMPTY", "")),
                    List.of(new Characteristic("VALIDITY", List.of(new Parm("COUNTRY", "Ünïcødé € 😀"))))),
            new Characteristic("ACCESS", List.of())));

    @Test
    void writesTheDocumentDeterministically() {
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE wap-provisioningdoc PUBLIC "-//WAPFORUM//DTD PROV 1.0//EN" "http://www.wapforum.org/DTD/prov.dtd">
                <wap-provisioningdoc version="1.0">
                  <characteristic type="NAPDEF">
                    <parm name="NAME" value="A &amp; B &lt;&quot;quoted&quot;&gt; 'x'"/>
                    <parm name="NAP-ADDRESS" value="tab&#9;here&#10;line&#13;"/>
                    <parm name="T-BIT"/>
                    <parm name="EMPTY" value=""/>
                    <characteristic type="VALIDITY">
                      <parm name="COUNTRY" value="Ünïcødé € 😀"/>
                    </characteristic>
                  </characteristic>
                  <characteristic type="ACCESS"/>
                </wap-provisioningdoc>
                """, ProvXml.write(SMALL));
    }

    @Test
    void readsBackWhatItWrites() {
        assertEquals(SMALL, ProvXml.parse(ProvXml.write(SMALL)));
        byte[] utf8 = ProvXml.write(SMALL).getBytes(StandardCharsets.UTF_8);
        assertEquals(SMALL, ProvXml.parse(new ByteArrayInputStream(utf8)));
    }

    @Test
    void readsTheAppendixCExample() {
        ProvisioningDocument document = ProvXml.parse(TestResources.text(TestResources.APPENDIX_C_XML));
        assertEquals(java.util.Optional.of("1.0"), document.version());
        assertEquals(List.of("PXLOGICAL", "NAPDEF", "ACCESS"),
                document.characteristics().stream().map(Characteristic::type).toList());
        Characteristic napdef = document.characteristics().get(1);
        assertEquals(Parm.flag("T-BIT"), napdef.parms().get(10));
        assertEquals(List.of("NAPAUTHINFO", "VALIDITY"), napdef.characteristics().stream().map(Characteristic::type).toList());
        assertEquals(new Characteristic("PORT", List.of(new Parm("PORTNBR", "9203"))),
                document.characteristics().get(0).characteristics().get(1).characteristics().get(0));
    }

    /** What a handset skips is skipped with a warning naming the element path; only another root is refused. */
    @Test
    void structuralLibertiesNameTheElementPath() {
        assertEquals("/wap-provisioningdoc/characteristic[1](NAPDEF)/parm[2]",
                firstWarning("<wap-provisioningdoc version='1.0'><characteristic type='NAPDEF'>"
                        + "<parm name='NAPID' value='a'/><parm value='x'/></characteristic></wap-provisioningdoc>").location());
        assertEquals("/wap-provisioningdoc/characteristic[1]",
                firstWarning("<wap-provisioningdoc version='1.0'><characteristic/></wap-provisioningdoc>").location());
        assertEquals("/wap-provisioningdoc/parm[1](X)",
                firstWarning("<wap-provisioningdoc version='1.0'><parm name='X'/></wap-provisioningdoc>").location());
        assertEquals("/wap-provisioningdoc",
                firstWarning("<wap-provisioningdoc version='1.0' extra='1'/>").location());
        assertEquals("/provisioningdoc", failure("<provisioningdoc version='1.0'/>").location());
    }

    private static org.mexe.studio.codec.CodecWarning firstWarning(String xml) {
        List<org.mexe.studio.codec.CodecWarning> warnings = new java.util.ArrayList<>();
        ProvXml.parse(xml, warnings);
        return warnings.get(0);
    }

    @Test
    void modelRejectsCharactersXmlCannotCarry() {
        assertThrows(InvalidDocumentException.class, () -> new Parm("NAME", "bell\u0007"));
        assertThrows(InvalidDocumentException.class, () -> new Parm("NAME", "lone \uD800 surrogate"));
        assertThrows(InvalidDocumentException.class, () -> new Characteristic(" ", List.of()));
    }

    private static InvalidDocumentException failure(String xml) {
        return assertThrows(InvalidDocumentException.class, () -> ProvXml.parse(xml));
    }

    /** Found by fuzzing: the JDK parser failed on a control character in an inline DTD with a MissingResourceException. */
    @Test
    void aMalformedDoctypeIsAnInvalidDocument() {
        org.junit.jupiter.api.Assertions.assertThrows(org.mexe.studio.codec.InvalidDocumentException.class,
                () -> ProvXml.parse("<!DOCTYPE a [\u0001]><a/>"));
    }
}
