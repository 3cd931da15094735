package org.mexe.studio.codec.wbxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.InvalidDocumentException;

/** The XML reader must treat input as untrusted: no DTD fetch, no entity expansion beyond the predefined five. */
class XmlElementReaderTest {

    @Test
    void readsElementsAttributesAndPredefinedEntities() {
        WbxmlElement root = XmlElementReader.read("""
                <?xml version="1.0"?>
                <!-- comment -->
                <a x="1&amp;2&lt;&#x41;&#10;"><b/>
                  <?pi ignored?>
                  <c y=""/></a>
                """);
        assertEquals(new WbxmlElement("a", List.of(new WbxmlAttribute("x", "1&2<A\n")), List.of(
                new WbxmlElement("b", List.of(), List.of()),
                new WbxmlElement("c", List.of(new WbxmlAttribute("y", "")), List.of()))), root);
    }

    @Test
    void neverFetchesTheExternalDtd() {
        // Port 9 on loopback refuses connections and the file does not exist: fetching either would fail the parse.
        for (String systemId : List.of("http://127.0.0.1:9/prov.dtd", "file:///nonexistent/prov.dtd")) {
            WbxmlElement root = XmlElementReader.read("""
                    <!DOCTYPE wap-provisioningdoc PUBLIC "-//WAPFORUM//DTD PROV 1.0//EN" "%s">
                    <wap-provisioningdoc version="1.0"/>
                    """.formatted(systemId));
            assertEquals("wap-provisioningdoc", root.name());
        }
    }

    @Test
    void externalEntitiesAreNotResolved() {
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> XmlElementReader.read("""
                <!DOCTYPE wap-provisioningdoc [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <wap-provisioningdoc version="&secret;"/>
                """));
        assertTrue(e.location().startsWith("line 2"), e.getMessage());
    }

    @Test
    void internalEntitiesAreNotExpanded() {
        assertThrows(InvalidDocumentException.class, () -> XmlElementReader.read("""
                <!DOCTYPE a [ <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"> ]>
                <a x="&lol2;"/>
                """));
    }

    @Test
    void textContentIsAnError() {
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class,
                () -> XmlElementReader.read("<a>\n  text\n</a>"));
        assertTrue(e.getMessage().contains("'text'"), e.getMessage());
    }

    @Test
    void namespacePrefixesAreAnError() {
        assertThrows(InvalidDocumentException.class, () -> XmlElementReader.read("<p:a xmlns:p=\"urn:x\"/>"));
    }

    @Test
    void malformedXmlReportsLineAndColumn() {
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class,
                () -> XmlElementReader.read("<a>\n<b></a>"));
        assertTrue(e.location().startsWith("line 2, column"), e.location());
    }

    @Test
    void streamsUseTheDeclaredEncoding() {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a x=\"\u00D6\"/>".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("\u00D6", XmlElementReader.read(new ByteArrayInputStream(latin1)).attribute("x").orElseThrow());
    }

    /** Found by fuzzing (pushXmlParse): XML 1.1 allowed a name that the XML 1.0 we write could not carry back. */
    @Test
    void aNameOutsideWhatTheDtdsUseIsRefusedNotWrittenUnreadable() {
        InvalidDocumentException refused = assertThrows(InvalidDocumentException.class,
                () -> XmlElementReader.read("<?xml version=\"1.1\"?>\n<CHARACTERISTIC-LIST>\n<PAR\uFFFD NAME=\"x\"/>\n</CHARACTERISTIC-LIST>\n"));
        assertTrue(refused.getMessage().contains("line 3") && refused.getMessage().contains("ASCII letters"),
                refused.getMessage());
    }
}
