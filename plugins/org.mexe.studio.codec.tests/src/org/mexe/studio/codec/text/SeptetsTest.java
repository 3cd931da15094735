package org.mexe.studio.codec.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.Hex;

class SeptetsTest {

    @ParameterizedTest
    @CsvSource({
        // The classic example of Lars Pettersson, "SMS and the PDU format" (dreamfabric.com).
        "hellohello, E8329BFD4697D9EC37",
        // python-gsmmodem test/test_pdu.py, test_encodeSmsSubmit, TP-UD of "Hello World!".
        "Hello World!, C8329BFD065DDF72363904",
        // python-gsmmodem test/test_pdu.py, test_decode, TP-UD of SMS-DELIVER "Test2".
        "Test2, D4F29C2E03",
    })
    void packsPublicExamples(String text, String packedHex) {
        byte[] septets = GsmAlphabet.toSeptets(text);
        assertEquals(packedHex, Hex.encode(Septets.pack(septets, 0)));
        assertArrayEquals(septets, Septets.unpack(Hex.decode(packedHex), septets.length, 0));
    }

    @Test
    void fillBitsAlignTheTextToASeptetBoundaryAfterTheHeader() {
        // UDHL 05 + 8-bit concatenation: 6 octets = 48 bits, one fill bit to 49 = 7 septets.
        assertEquals(1, Septets.fillBits(6));
        assertEquals(7, Septets.headerSeptets(6));
        // UDHL 06 + ports (7 octets = 56 bits) needs none; UDHL 0B + ports and 16-bit concat (12 octets) needs 2.
        assertEquals(0, Septets.fillBits(7));
        assertEquals(8, Septets.headerSeptets(7));
        assertEquals(2, Septets.fillBits(12));
        assertEquals(14, Septets.headerSeptets(12));
        // One fill bit shifts every septet up a bit (value cross-checked with a big-integer packing in Python).
        byte[] septets = GsmAlphabet.toSeptets("hellohello");
        assertEquals("D06536FB8D2EB3D96F", Hex.encode(Septets.pack(septets, 1)));
        assertArrayEquals(septets, Septets.unpack(Hex.decode("D06536FB8D2EB3D96F"), 10, 1));
    }

    @Test
    void roundTripsEveryLengthWithEveryFill() {
        for (int fill = 0; fill <= 6; fill++) {
            for (int length = 0; length <= 160; length++) {
                byte[] septets = new byte[length];
                for (int i = 0; i < length; i++) {
                    septets[i] = (byte) ((i * 37 + fill) & 0x7F);
                }
                byte[] packed = Septets.pack(septets, fill);
                assertEquals((fill + 7 * length + 7) / 8, packed.length);
                assertArrayEquals(septets, Septets.unpack(packed, length, fill), "fill " + fill + " length " + length);
            }
        }
        assertEquals(140, Septets.packedLength(160, 0));
    }

    @Test
    void rejectsShortInputAndBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Septets.unpack(new byte[8], 10, 0));
        assertThrows(IllegalArgumentException.class, () -> Septets.pack(new byte[] {(byte) 0x80}, 0));
        assertThrows(IllegalArgumentException.class, () -> Septets.pack(new byte[1], 7));
    }
}
