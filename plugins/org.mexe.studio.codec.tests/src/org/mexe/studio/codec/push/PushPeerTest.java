package org.mexe.studio.codec.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mexe.studio.codec.wbxml.WbxmlAttribute;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.testing.PeerTools;

/**
 * libwbxml and gammu as independent peers for SI, SL and Nokia OTA. libwbxml decodes what we
 * encode and encodes the same XML at every WBXML version for our decoder; trees are compared, and
 * our encoding may never be longer than libwbxml's. gammu's own SI and bookmark encoders feed our
 * decoder.
 */
class PushPeerTest {

    static List<Arguments> documents() {
        return List.of(
                Arguments.of(PushDocumentType.SI, "SI10", PushDocuments.SI_EXAMPLE),
                Arguments.of(PushDocumentType.SI, "SI10", PushDocuments.SI_LIBWBXML_001),
                Arguments.of(PushDocumentType.SI, "SI10", PushDocuments.SI_FULL),
                Arguments.of(PushDocumentType.SL, "SL10", PushDocuments.SL_EXAMPLE),
                Arguments.of(PushDocumentType.SL, "SL10", PushDocuments.SL_CACHE),
                Arguments.of(PushDocumentType.NOKIA_OTA_SETTINGS, "OTA", PushDocuments.OTA_SETTINGS));
    }

    @ParameterizedTest(name = "{0} {1} #{index}")
    @MethodSource("documents")
    void libwbxmlDecodesOurEncoding(PushDocumentType type, String libwbxmlLanguage, String xml) {
        WbxmlElement tree = PushXml.parse(type, xml);
        byte[] ours = PushWbxml.encode(type, tree);
        assertEquals(tree, PushXml.parse(type, PeerTools.wbxml2xml(ours, libwbxmlLanguage)));
    }

    @ParameterizedTest(name = "{0} {1} #{index}")
    @MethodSource("documents")
    void weDecodeLibwbxmlAtEveryVersionAndAreNeverLonger(PushDocumentType type, String libwbxmlLanguage, String xml) {
        WbxmlElement tree = PushXml.parse(type, xml);
        byte[] ours = PushWbxml.encode(type, tree);
        for (String version : List.of("1.1", "1.2", "1.3")) {
            byte[] theirs = PeerTools.xml2wbxml(xml, version);
            assertEquals(version.charAt(2) - '0', theirs[0], "version octet");
            assertEquals(tree, PushWbxml.decode(type, theirs), version);
            assertTrue(ours.length <= theirs.length, "ours " + ours.length + " > libwbxml " + theirs.length + " at " + version);
        }
    }

    @Test
    void weDecodeGammusServiceIndication() {
        List<byte[]> pdus = PeerTools.gammuDisplaySms("", "WAPINDICATOR", "123456", "http://www.example.com/x.wml", "You have mail");
        assertEquals(1, pdus.size());
        WbxmlElement expected = new WbxmlElement("si", List.of(), List.of(new WbxmlElement("indication",
                List.of(new WbxmlAttribute("href", "http://www.example.com/x.wml")), List.of(), "You have mail")));
        // gammu's push header is 01 06 01 AE: content type SI, as WspPushCodec writes for CP.
        assertEquals(List.of(0x01, 0x06, 0x01, 0xAE), List.of(pdus.get(0)[0] & 0xFF, pdus.get(0)[1] & 0xFF,
                pdus.get(0)[2] & 0xFF, pdus.get(0)[3] & 0xFF));
        assertEquals(expected, PushWbxml.decode(PushDocumentType.SI, pushBody(pdus.get(0))));
    }

    @Test
    void weDecodeGammusBookmark() {
        String backup = """
                [Backup]
                Format = 1.04

                [WAPBookmark001]
                URL = "http://wap.example.com/"
                Title = "Example"
                """;
        List<byte[]> pdus = PeerTools.gammuDisplaySms(backup, "BOOKMARK", "123456", "in.backup", "1");
        assertEquals(1, pdus.size());
        WbxmlElement expected = new WbxmlElement("CHARACTERISTIC-LIST", List.of(), List.of(
                new WbxmlElement("CHARACTERISTIC", List.of(new WbxmlAttribute("TYPE", "BOOKMARK")), List.of(
                        new WbxmlElement("PARM", List.of(new WbxmlAttribute("NAME", "NAME"), new WbxmlAttribute("VALUE", "Example")), List.of()),
                        new WbxmlElement("PARM", List.of(new WbxmlAttribute("NAME", "URL"),
                                new WbxmlAttribute("VALUE", "http://wap.example.com/")), List.of())))));
        assertEquals(expected, PushWbxml.decode(PushDocumentType.NOKIA_OTA_BOOKMARKS, pushBody(pdus.get(0))));
        assertTrue(new String(pdus.get(0), StandardCharsets.ISO_8859_1)
                .contains(PushDocumentType.NOKIA_OTA_BOOKMARKS.contentType()));
    }

    /** TID, PDU type 06, headers length (uintvar), headers, then the body. */
    private static byte[] pushBody(byte[] pdu) {
        int index = 2;
        int headersLength = 0;
        int octet;
        do {
            octet = pdu[index++] & 0xFF;
            headersLength = headersLength << 7 | octet & 0x7F;
        } while ((octet & 0x80) != 0);
        return Arrays.copyOfRange(pdu, index + headersLength, pdu.length);
    }
}
