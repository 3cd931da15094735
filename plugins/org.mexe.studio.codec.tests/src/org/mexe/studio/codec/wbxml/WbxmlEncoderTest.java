package org.mexe.studio.codec.wbxml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.Hex;

/** Generic encoder rules, checked byte by byte against a small two-page language. */
class WbxmlEncoderTest {

    static final WbxmlLanguage LANGUAGE = WbxmlLanguage.fromTable("TEST", 0x01, "-//TEST//DTD TEST//EN",
            Set.of("root"), """
                    # page 0
                    tag   00 05 root
                    tag   00 06 item
                    attr  00 05 name
                    attr  00 06 kind
                    attr  00 07 kind big
                    value 00 85 RED
                    # page 1
                    tag   01 05 paged
                    attr  01 05 flavour
                    value 01 85 BLUE
                    value-decode-only 01 86 GREEN
                    """);

    static WbxmlElement root(WbxmlElement... children) {
        return new WbxmlElement("root", List.of(), List.of(children));
    }

    static WbxmlElement item(String... nameValuePairs) {
        List<WbxmlAttribute> attributes = new ArrayList<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            attributes.add(new WbxmlAttribute(nameValuePairs[i], nameValuePairs[i + 1]));
        }
        return new WbxmlElement("item", attributes, List.of());
    }

    static String encode(WbxmlElement root) {
        return Hex.encodeSpaced(WbxmlEncoder.encode(LANGUAGE, root));
    }

    @Test
    void switchesTagAndAttributePagesOnlyWhenPageZeroLacksTheToken() {
        WbxmlElement document = root(
                item("flavour", "BLUE", "name", "RED"),
                new WbxmlElement("paged", List.of(), List.of()),
                item("kind", "big"));
        assertEquals("03 01 6A 00 "              // WBXML 1.3, public id 1, UTF-8, empty string table
                + "45 "                          // root: container, so content flag even without attributes
                + "86 00 01 05 85 "              // item, attribute page 1: flavour=, BLUE (page 1)
                + "00 00 05 85 01 "              // back to page 0: name=, RED; END of attributes
                + "00 01 05 "                    // tag page 1: paged
                + "00 00 86 07 01 "              // tag page 0: item kind="big" as one token
                + "01",
                encode(document));
    }

    @Test
    void decodeOnlyTokensAreWrittenAsStrings() {
        assertEquals("03 01 6A 00 45 86 05 03 47 52 45 45 4E 00 01 01", encode(root(item("name", "GREEN"))));
        assertEquals(root(item("name", "GREEN")),
                WbxmlDecoder.decode(LANGUAGE, Hex.decode("03 01 6A 00 45 86 05 00 01 86 01 01")));
    }

    @Test
    void namesWithoutTokensUseLiteralsFromTheStringTable() {
        WbxmlElement document = root(new WbxmlElement("gadget", List.of(new WbxmlAttribute("colour", "RED")), List.of()));
        assertEquals("03 01 6A 0E 67 61 64 67 65 74 00 63 6F 6C 6F 75 72 00 " // "gadget" at 0, "colour" at 7
                + "45 84 00 04 07 85 01 01",                                 // LITERAL_A 0, LITERAL 7, RED, END, END
                encode(document));
        assertEquals(document, WbxmlDecoder.decode(LANGUAGE, WbxmlEncoder.encode(LANGUAGE, document)));
    }

    @Test
    void emptyValueWritesTheAttributeStartOnly() {
        assertEquals("03 01 6A 00 45 86 05 01 01", encode(root(item("name", ""))));
        assertEquals(root(item("name", "")), WbxmlDecoder.decode(LANGUAGE, Hex.decode("03 01 6A 00 45 86 05 01 01")));
    }

    @Test
    void stringTableHoldsRepeatedStringsOnlyWhenThatIsShorter() {
        // "x" twice: inline 2 x 3 = 6 octets, table 2 + 2 x 2 = 6: a tie stays inline.
        assertEquals("03 01 6A 00 45 86 05 03 78 00 01 86 05 03 78 00 01 01",
                encode(root(item("name", "x"), item("name", "x"))));
        // "x" three times: inline 9 octets, table 2 + 3 x 2 = 8.
        assertEquals("03 01 6A 02 78 00 45 86 05 83 00 01 86 05 83 00 01 86 05 83 00 01 01",
                encode(root(item("name", "x"), item("name", "x"), item("name", "x"))));
        // "ab" twice: inline 8 octets, table 3 + 2 x 2 = 7.
        assertEquals("03 01 6A 03 61 62 00 45 86 05 83 00 01 86 05 83 00 01 01",
                encode(root(item("name", "ab"), item("name", "ab"))));
    }

    @Test
    void referenceCostCountsTwoOctetOffsetsBeyond127() {
        String longValue = "a".repeat(130);
        // The long string takes offsets 0..130, so "xyz" would sit at 131 and cost 83 81 03 per use.
        byte[] twice = WbxmlEncoder.encode(LANGUAGE,
                root(item("name", longValue), item("name", longValue), item("name", "xyz"), item("name", "xyz")));
        assertEquals("03 01 6A 81 03", Hex.encodeSpaced(Arrays.copyOf(twice, 5)), "only the long string in the table");
        assertEquals(2, occurrences(twice, Hex.decode("03 78 79 7A 00")), "xyz inline: 2 x 5 = 10 = 4 + 2 x 3");

        byte[] thrice = WbxmlEncoder.encode(LANGUAGE, root(item("name", longValue), item("name", longValue),
                item("name", "xyz"), item("name", "xyz"), item("name", "xyz")));
        assertEquals("03 01 6A 81 07", Hex.encodeSpaced(Arrays.copyOf(thrice, 5)), "xyz joins the table: 15 > 4 + 3 x 3");
        assertEquals(3, occurrences(thrice, Hex.decode("83 81 03")));
    }

    @Test
    void nonAsciiStringsAreUtf8() {
        assertEquals("03 01 6A 00 45 86 05 03 C3 96 E2 82 AC F0 9F 98 80 00 01 01", encode(root(item("name", "Ö€😀"))));
    }

    private static int occurrences(byte[] haystack, byte[] needle) {
        int count = 0;
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                count++;
            }
        }
        return count;
    }
}
