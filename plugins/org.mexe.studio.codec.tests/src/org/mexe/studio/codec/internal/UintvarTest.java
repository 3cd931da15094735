package org.mexe.studio.codec.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.WireFormat;

class UintvarTest {

    private static byte[] encode(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Uintvar.write(out, value);
        return out.toByteArray();
    }

    @Test
    void encodesSevenBitGroupsBigEndian() {
        assertEquals("00", Hex.encode(encode(0)));
        assertEquals("7F", Hex.encode(encode(127)));
        assertEquals("8100", Hex.encode(encode(128)));
        assertEquals("FF7F", Hex.encode(encode(16383)));
        assertEquals("818000", Hex.encode(encode(16384)));
        assertEquals("87FFFFFF7F", Hex.encode(encode(Integer.MAX_VALUE)));
    }

    @Test
    void lengthMatchesEncoding() {
        for (int value : new int[] {0, 127, 128, 16383, 16384, 2097151, 2097152, Integer.MAX_VALUE}) {
            assertEquals(encode(value).length, Uintvar.length(value), "length of " + value);
        }
    }

    @Test
    void readsWhatItWrites() {
        for (int value : new int[] {0, 1, 127, 128, 300, 16384, Integer.MAX_VALUE}) {
            assertEquals(value, new ByteReader(WireFormat.WSP, encode(value)).readUintvar("value"));
        }
    }

    @Test
    void reportsUnterminatedAndOverlongValues() {
        DecodeException truncated = assertThrows(DecodeException.class,
                () -> new ByteReader(WireFormat.WSP, Hex.decode("8181")).readUintvar("headers length"));
        assertEquals(2, truncated.offset());
        assertEquals("headers length", truncated.expected());

        DecodeException overlong = assertThrows(DecodeException.class,
                () -> new ByteReader(WireFormat.WSP, Hex.decode("818181818100")).readUintvar("headers length"));
        assertEquals(0, overlong.offset());
    }
}
