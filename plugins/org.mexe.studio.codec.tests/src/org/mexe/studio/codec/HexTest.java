package org.mexe.studio.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HexTest {

    @Test
    void encodesUpperCaseWithoutSeparators() {
        assertEquals("00AB7F80FF", Hex.encode(new byte[] {0x00, (byte) 0xAB, 0x7F, (byte) 0x80, (byte) 0xFF}));
    }

    @Test
    void encodesSpacedForHexDumpTools() {
        assertEquals("41 00 0B", Hex.encodeSpaced(new byte[] {0x41, 0x00, 0x0B}));
    }

    @Test
    void decodesEitherCaseAndIgnoresWhitespace() {
        assertArrayEquals(new byte[] {0x03, 0x0B, 0x6A, (byte) 0xC5}, Hex.decode("03 0b\n6A\tc5"));
    }

    @Test
    void rejectsOddDigitsAndNonHex() {
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("ABC"));
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("0G"));
    }
}
