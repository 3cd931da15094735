package org.mexe.studio.generator.campaign;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Lines of a file as byte ranges, from any byte offset, in a fixed buffer: memory does not grow
 * with the file. A line ends at LF; a CR before it is not part of the line. A line longer than
 * the buffer is an error (no subscriber line comes near it).
 */
final class LineReader implements AutoCloseable {

    static final int BUFFER = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private final byte[] bytes = buffer.array();
    private int position;
    private int limit;
    private long offsetOfBuffer;
    private boolean eof;

    // The current line.
    int start;
    int end;
    /** The offset in the file just past the current line's LF. */
    long nextOffset;

    LineReader(Path file, long offset) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        offsetOfBuffer = offset;
        nextOffset = offset;
    }

    byte[] bytes() {
        return bytes;
    }

    /** Moves to the next line; false at the end of the file. */
    boolean next() throws IOException {
        while (true) {
            for (int i = position; i < limit; i++) {
                if (bytes[i] == '\n') {
                    take(i, i + 1);
                    return true;
                }
            }
            if (eof) {
                if (position < limit) {
                    take(limit, limit);
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void take(int lineEnd, int next) {
        start = position;
        end = lineEnd;
        if (end > start && bytes[end - 1] == '\r') {
            end--;
        }
        position = next;
        nextOffset = offsetOfBuffer + next;
    }

    private void fill() throws IOException {
        if (position == 0 && limit == bytes.length) {
            throw new IOException("a line longer than " + BUFFER + " bytes at byte offset " + offsetOfBuffer
                    + ": this is not a subscriber file");
        }
        int kept = limit - position;
        System.arraycopy(bytes, position, bytes, 0, kept);
        offsetOfBuffer += position;
        position = 0;
        limit = kept;
        buffer.clear().position(limit);
        int read = channel.read(buffer);
        if (read < 0) {
            eof = true;
        } else {
            limit += read;
        }
    }

    /** A copy of the current line. */
    byte[] line() {
        return Arrays.copyOfRange(bytes, start, end);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
