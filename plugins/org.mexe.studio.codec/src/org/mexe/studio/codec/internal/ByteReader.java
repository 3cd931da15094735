package org.mexe.studio.codec.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.WireFormat;

/**
 * Cursor over one layer's bytes that turns every shortfall into a {@link DecodeException} with the
 * absolute offset, so decoders read like the grammar they implement.
 */
public final class ByteReader {

    private final WireFormat format;
    private final byte[] data;
    private final int end;
    private int position;

    public ByteReader(WireFormat format, byte[] data) {
        this(format, data, 0, data.length);
    }

    private ByteReader(WireFormat format, byte[] data, int start, int end) {
        this.format = format;
        this.data = data;
        this.position = start;
        this.end = end;
    }

    public int offset() {
        return position;
    }

    public boolean hasRemaining() {
        return position < end;
    }

    public int remaining() {
        return end - position;
    }

    public int peek(String expected) {
        requireAvailable(1, expected);
        return data[position] & 0xFF;
    }

    public int readByte(String expected) {
        requireAvailable(1, expected);
        return data[position++] & 0xFF;
    }

    /** Consumes a byte already examined with {@link #peek}. */
    public void skip() {
        readByte("the byte just peeked at");
    }

    public byte[] readBytes(int count, String expected) {
        requireAvailable(count, expected);
        byte[] bytes = new byte[count];
        System.arraycopy(data, position, bytes, 0, count);
        position += count;
        return bytes;
    }

    /** The rest of this reader's range. */
    public byte[] readRemaining() {
        return readBytes(remaining(), "remaining bytes");
    }

    public int readUintvar(String expected) {
        int start = position;
        long value = 0;
        for (int octets = 1; octets <= Uintvar.MAX_OCTETS; octets++) {
            int octet = readByte(expected);
            value = (value << 7) | (octet & 0x7F);
            if ((octet & 0x80) == 0) {
                if (value > Integer.MAX_VALUE) {
                    throw errorAt(start, expected, "value " + value + " beyond 2^31-1");
                }
                return (int) value;
            }
        }
        throw errorAt(start, expected, "more than " + Uintvar.MAX_OCTETS + " continuation octets");
    }

    /** A NUL-terminated UTF-8 string; the terminator is consumed and not returned. */
    public String readTerminatedUtf8(String expected) {
        return readTerminated(StandardCharsets.UTF_8, expected);
    }

    /** A NUL-terminated string in a charset whose only zero byte is NUL (UTF-8, US-ASCII, ISO-8859-1). */
    public String readTerminated(Charset charset, String expected) {
        int start = position;
        int terminator = start;
        while (terminator < end && data[terminator] != 0) {
            terminator++;
        }
        if (terminator == end) {
            throw errorAt(start, expected, "no NUL terminator before end of data");
        }
        position = terminator + 1;
        return decode(charset, data, start, terminator - start, start, expected);
    }

    /** A reader over the next {@code length} bytes, reporting offsets in the same coordinates. */
    public ByteReader slice(int length, String expected) {
        requireAvailable(length, expected);
        ByteReader slice = new ByteReader(format, data, position, position + length);
        position += length;
        return slice;
    }

    public DecodeException error(String expected, String found) {
        return errorAt(position, expected, found);
    }

    public DecodeException errorAt(int offset, String expected, String found) {
        return new DecodeException(format, offset, expected, found);
    }

    /** Strict UTF-8: malformed sequences are reported, never replaced. */
    public String utf8(byte[] bytes, int from, int length, int reportedOffset, String expected) {
        return decode(StandardCharsets.UTF_8, bytes, from, length, reportedOffset, expected);
    }

    /** Strict decoding: malformed or unmappable sequences are reported, never replaced. */
    public String decode(Charset charset, byte[] bytes, int from, int length, int reportedOffset, String expected) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw errorAt(reportedOffset, expected, "malformed " + charset.name());
        }
    }

    public static String describe(int octet) {
        return "0x%02X".formatted(octet);
    }

    private void requireAvailable(int count, String expected) {
        if (count < 0 || count > end - position) {
            throw error(expected, count == 1 || end == position
                    ? "end of data"
                    : "only %d of %d bytes".formatted(end - position, count));
        }
    }
}
