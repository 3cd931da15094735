package org.mexe.studio.codec.wbxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.InvalidDocumentException;

/** The generic pieces SI and SL need: text content, prefix and inline value tokens, OPAQUE dates, the version octet. */
class WbxmlTextAndOpaqueTest {

    private static final WbxmlLanguage LANGUAGE = WbxmlLanguage.fromTable("TEXT", 0x01, "-//TEST//DTD TEXT//EN", Set.of(), """
            tag 0 05 root
            tag 0 06 note
            text note
            attr 0 05 url
            attr-prefix 0 06 url http://
            attr-prefix 0 07 url http://www.
            attr 0 08 when
            datetime when
            attr 0 09 kind
            attr 0 0A kind http://
            value-inline 0 85 .com/
            value 0 86 ABCD
            """);

    private static WbxmlElement root(WbxmlElement... children) {
        return new WbxmlElement("root", List.of(), List.of(children));
    }

    private static String encode(WbxmlElement element) {
        return Hex.encodeSpaced(WbxmlEncoder.encode(LANGUAGE, element));
    }

    @Test
    void longestPrefixThenInlineTokens() {
        WbxmlElement document = root(new WbxmlElement("note", List.of(new WbxmlAttribute("url", "http://www.a.com/b.com/")), List.of()));
        assertEquals("03 01 6A 00 45 86 07 03 61 00 85 03 62 00 85 01 01", encode(document));
        assertEquals(document, WbxmlDecoder.decode(LANGUAGE, WbxmlEncoder.encode(LANGUAGE, document)));
    }

    @Test
    void plainAttributeStartsAndValueTokensStandOnlyForWholeValues() {
        // kind=http:// is an attr, not attr-prefix; ABCD is a value, not value-inline.
        WbxmlElement document = root(new WbxmlElement("note",
                List.of(new WbxmlAttribute("kind", "http://x"), new WbxmlAttribute("kind", "ABCDE")), List.of()));
        assertEquals("03 01 6A 00 45 86 09 03 " + Hex.encodeSpaced("http://x".getBytes()) + " 00 09 03 "
                + Hex.encodeSpaced("ABCDE".getBytes()) + " 00 01 01", encode(document));
    }

    @Test
    void textContentIsWrittenAsStringsAndRepeatedTextSharesTheTable() {
        WbxmlElement document = root(new WbxmlElement("note", List.of(), List.of(), "hello there"),
                new WbxmlElement("note", List.of(), List.of(), "hello there"), new WbxmlElement("note", List.of(), List.of()));
        assertEquals("03 01 6A 0C " + Hex.encodeSpaced("hello there".getBytes()) + " 00 45 46 83 00 01 46 83 00 01 06 01",
                encode(document));
        assertEquals(document, WbxmlDecoder.decode(LANGUAGE, WbxmlEncoder.encode(LANGUAGE, document)));
    }

    @Test
    void theVersionOctetIsTheCallersChoice() {
        WbxmlElement document = root();
        assertEquals("01 01 6A 00 05", Hex.encodeSpaced(WbxmlEncoder.encode(LANGUAGE, document, WbxmlVersion.V1_1)));
        assertEquals("02 01 6A 00 05", Hex.encodeSpaced(WbxmlEncoder.encode(LANGUAGE, document, WbxmlVersion.V1_2)));
    }

    @Test
    void datesArePackedBcdWithoutTrailingZeroOctets() {
        assertEquals("20 26 11 24 10 25 05", Hex.encodeSpaced(OpaqueDateTime.encode("2026-11-24T10:25:05Z").orElseThrow()));
        assertEquals("20 26 11 24 10", Hex.encodeSpaced(OpaqueDateTime.encode("2026-11-24T10:00:00Z").orElseThrow()));
        assertEquals("2026-11-24T10:00:00Z", OpaqueDateTime.decode(Hex.decode("20 26 11 24 10")).orElseThrow());
        assertEquals(true, OpaqueDateTime.encode("2026-11-24 10:25:05").isEmpty());
        assertEquals(true, OpaqueDateTime.decode(Hex.decode("20 26 11 24 10 25 05 00")).isEmpty());
        assertEquals(true, OpaqueDateTime.decode(Hex.decode("2A")).isEmpty());
    }

    @Test
    void decoderTextErrorsCarryOffsets() {
        DecodeException opaqueInText = assertThrows(DecodeException.class,
                () -> WbxmlDecoder.decode(LANGUAGE, Hex.decode("03 01 6A 00 45 46 C3 01 41 01 01")));
        assertEquals(6, opaqueInText.offset());
        DecodeException unterminated = assertThrows(DecodeException.class,
                () -> WbxmlDecoder.decode(LANGUAGE, Hex.decode("03 01 6A 00 45 46 03 41")));
        assertEquals(7, unterminated.offset(), "the string that lacks its NUL");
        DecodeException entity = assertThrows(DecodeException.class,
                () -> WbxmlDecoder.decode(LANGUAGE, Hex.decode("03 01 6A 00 45 46 02 00 01 01")));
        assertEquals(6, entity.offset());
    }

    @Test
    void entitiesAndTableReferencesJoinTheText() {
        WbxmlElement decoded = WbxmlDecoder.decode(LANGUAGE, Hex.decode("03 01 6A 03 62 63 00 45 46 03 61 00 02 81 20 83 00 01 01"));
        assertEquals("a\u00A0bc", decoded.children().get(0).text());
    }

    @Test
    void mixedContentIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new WbxmlElement("note", List.of(), List.of(new WbxmlElement("x", List.of(), List.of())), "text"));
        assertThrows(InvalidDocumentException.class, () -> XmlElementReader.read("<root><note>a<root/></note></root>", LANGUAGE));
    }

    @Test
    void readerKeepsTextOnlyInTextElements() {
        assertEquals(root(new WbxmlElement("note", List.of(), List.of(), "a &  b")),
                XmlElementReader.read("<root>\n  <note>\n   a &amp;  b\n  </note>\n</root>", LANGUAGE));
        assertThrows(InvalidDocumentException.class, () -> XmlElementReader.read("<root>text<note/></root>", LANGUAGE));
        assertThrows(InvalidDocumentException.class, () -> XmlElementReader.read("<root><note>&#0;</note></root>", LANGUAGE));
        assertThrows(InvalidDocumentException.class, () -> XmlElementReader.read("<root><note>a</note></root>"));
    }
}
