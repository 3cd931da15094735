package org.mexe.studio.codec;

/**
 * Malformed binary input: says in which layer, at which byte offset (from the start of that layer's
 * bytes), what the decoder expected and what it found instead.
 */
public final class DecodeException extends CodecException {

    private static final long serialVersionUID = 1L;

    private final WireFormat format;
    private final int offset;
    private final String expected;
    private final String found;

    public DecodeException(WireFormat format, int offset, String expected, String found) {
        super("%s: expected %s at byte %d, found %s".formatted(format, expected, offset, found));
        this.format = format;
        this.offset = offset;
        this.expected = expected;
        this.found = found;
    }

    public WireFormat format() {
        return format;
    }

    public int offset() {
        return offset;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}
