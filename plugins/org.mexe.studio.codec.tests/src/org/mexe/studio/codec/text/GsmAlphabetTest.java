package org.mexe.studio.codec.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.Hex;

class GsmAlphabetTest {

    @Test
    void mapsTheDefaultTableCornersAndItsNonAsciiCharacters() {
        // 3GPP TS 23.038 clause 6.2.1: @ is 0x00, Δ 0x10, space 0x20, ¡ 0x40, ¿ 0x60, à 0x7F.
        assertEquals("00 10 20 40 60 7F 01 03 04 05 11 24 5F", Hex.encodeSpaced(GsmAlphabet.toSeptets("@Δ ¡¿à£¥èé_¤§")));
        assertEquals("0A 0D", Hex.encodeSpaced(GsmAlphabet.toSeptets("\n\r")));
    }

    @Test
    void writesExtensionCharactersAsEscapePairs() {
        // TS 23.038 clause 6.2.1.1 extension table.
        assertEquals("1B 14 1B 28 1B 29 1B 2F 1B 3C 1B 3D 1B 3E 1B 40 1B 65 1B 0A",
                Hex.encodeSpaced(GsmAlphabet.toSeptets("^{}\\[~]|€\f")));
        assertEquals(20, GsmAlphabet.septetLength("^{}\\[~]|€\f"));
        assertEquals("^{}\\[~]|€\f", GsmAlphabet.fromSeptets(GsmAlphabet.toSeptets("^{}\\[~]|€\f")));
    }

    @Test
    void roundTripsEveryDefaultSeptet() {
        byte[] all = new byte[128];
        int length = 0;
        for (int septet = 0; septet < 128; septet++) {
            if (septet != GsmAlphabet.ESCAPE) {
                all[length++] = (byte) septet;
            }
        }
        byte[] septets = java.util.Arrays.copyOf(all, length);
        String text = GsmAlphabet.fromSeptets(septets);
        assertEquals(127, text.length());
        assertArrayEquals(septets, GsmAlphabet.toSeptets(text));
    }

    @Test
    void decodesUndefinedExtensionsAsTheDefaultCharacter() {
        // TS 23.038 6.2.1.1: an escape before a code the extension table lacks shows the default character.
        assertEquals("A", GsmAlphabet.fromSeptets(Hex.decode("1B 41")));
        assertEquals("A", GsmAlphabet.fromSeptets(Hex.decode("41 1B")));
    }

    @Test
    void namesTheFirstCharacterItCannotEncodeAndItsIndex() {
        UnencodableCharacterException e = assertThrows(UnencodableCharacterException.class,
                () -> GsmAlphabet.toSeptets("Hej på dig, 世界"));
        assertEquals('世', e.codePoint());
        assertEquals(12, e.index());
        assertEquals(TextEncoding.GSM_7BIT, e.encoding());
        assertTrue(e.getMessage().contains("'世'") && e.getMessage().contains("index 12"), e.getMessage());

        UnencodableCharacterException emoji = assertThrows(UnencodableCharacterException.class,
                () -> GsmAlphabet.septetLength("ok 😀"));
        assertEquals(0x1F600, emoji.codePoint());
        assertEquals(3, emoji.index());
        assertFalse(GsmAlphabet.canEncode("ç"), "only capital Ç is in the default table");
    }

    @Test
    void rejectsValuesAboveSevenBits() {
        assertThrows(IllegalArgumentException.class, () -> GsmAlphabet.fromSeptets(Hex.decode("41 80")));
    }
}
