package org.mexe.studio.codec.text;

/**
 * A character of the text has no code in the alphabet the caller chose. An argument error, not a
 * {@code CodecException}: the text came from the caller, not from the wire.
 */
public final class UnencodableCharacterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int codePoint;
    private final int index;
    private final TextEncoding encoding;

    public UnencodableCharacterException(int codePoint, int index, TextEncoding encoding) {
        super("character '%s' (U+%04X) at index %d cannot be encoded in %s"
                .formatted(Character.toString(codePoint), codePoint, index, encoding));
        this.codePoint = codePoint;
        this.index = index;
        this.encoding = encoding;
    }

    public int codePoint() {
        return codePoint;
    }

    /** The char index within the text. */
    public int index() {
        return index;
    }

    public TextEncoding encoding() {
        return encoding;
    }
}
