package org.mexe.studio.codec.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.Hex;

class TextEncodingTest {

    @Test
    void choosesGsmWhenEveryCharacterFitsElseUcs2() {
        assertEquals(TextEncoding.GSM_7BIT, TextEncoding.smallestFor("Price: 5€ [approx] {ok} ÄÖÜ"));
        assertEquals(TextEncoding.GSM_7BIT, TextEncoding.smallestFor(""));
        assertEquals(TextEncoding.UCS2, TextEncoding.smallestFor("Grüße aus Łódź"));
        assertEquals(TextEncoding.UCS2, TextEncoding.smallestFor("ok 😀"));
    }

    @Test
    void encodesUcs2AsUtf16BigEndianWithSurrogatesPassedThrough() {
        // python-gsmmodem test/test_pdu.py TestUcs2.
        assertEquals("304253F68449", Hex.encode(TextEncoding.UCS2.encode("あ叶葉")));
        assertEquals("306F3044", Hex.encode(Ucs2.encode("はい")));
        assertEquals("D83DDE00", Hex.encode(Ucs2.encode("😀")));
        assertEquals("😀x", Ucs2.decode(Hex.decode("D83DDE00 0078")));
        // A lone surrogate survives too, as phones send what they have.
        assertEquals("\uD83D", Ucs2.decode(Ucs2.encode("\uD83D")));
        assertThrows(IllegalArgumentException.class, () -> Ucs2.decode(Hex.decode("0041 00")));
    }

    @Test
    void measuresInSeptetsOrOctets() {
        assertEquals(3, TextEncoding.GSM_7BIT.length("a€"));
        assertEquals(6, TextEncoding.UCS2.length("a😀"));
    }

    @Test
    void splitsWithoutBreakingEscapePairs() {
        // 4 septets per piece: "abc€" is 5 septets, so the escape pair moves to the next piece whole.
        assertEquals(List.of("abc", "€de", "f"), TextEncoding.GSM_7BIT.split("abc€def", 4));
        assertEquals(List.of("abcd", "€de"), TextEncoding.GSM_7BIT.split("abcd€de", 4));
        assertEquals(List.of(""), TextEncoding.GSM_7BIT.split("", 4));
    }

    @Test
    void splitsWithoutBreakingSurrogatePairs() {
        // 4 octets per piece: "a" then the two halves of the emoji together.
        assertEquals(List.of("a", "😀", "bc"), TextEncoding.UCS2.split("a😀bc", 4));
        assertEquals(List.of("ab", "😀"), TextEncoding.UCS2.split("ab😀", 4));
    }

    @Test
    void reportsTheUnencodableCharacterWhenSplitting() {
        UnencodableCharacterException e = assertThrows(UnencodableCharacterException.class,
                () -> TextEncoding.GSM_7BIT.split("abcdefgh中", 4));
        assertEquals('中', e.codePoint());
        assertEquals(8, e.index());
    }
}
