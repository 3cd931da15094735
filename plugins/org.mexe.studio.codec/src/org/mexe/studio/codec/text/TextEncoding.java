package org.mexe.studio.codec.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The two alphabets a text message can be sent in, measured in their own units: septets for GSM
 * 7-bit, octets for UCS-2.
 */
public enum TextEncoding {
    GSM_7BIT,
    UCS2;

    /** GSM 7-bit when every character is in the default alphabet or its extension, otherwise UCS-2. */
    public static TextEncoding smallestFor(CharSequence text) {
        return GsmAlphabet.canEncode(text) ? GSM_7BIT : UCS2;
    }

    /**
     * Unpacked septets (GSM 7-bit) or UTF-16BE octets (UCS-2).
     *
     * @throws UnencodableCharacterException for a character GSM 7-bit has no code for
     */
    public byte[] encode(CharSequence text) {
        return switch (this) {
            case GSM_7BIT -> GsmAlphabet.toSeptets(text);
            case UCS2 -> Ucs2.encode(text);
        };
    }

    /** The inverse of {@link #encode}. */
    public String decode(byte[] units) {
        return switch (this) {
            case GSM_7BIT -> GsmAlphabet.fromSeptets(units);
            case UCS2 -> Ucs2.decode(units);
        };
    }

    /** Encoded length in this encoding's units. */
    public int length(CharSequence text) {
        return switch (this) {
            case GSM_7BIT -> GsmAlphabet.septetLength(text);
            case UCS2 -> text.length() * 2;
        };
    }

    /**
     * Cuts the text into pieces of at most {@code capacity} units each, never between the two
     * septets of an extension character nor between the two halves of a surrogate pair.
     *
     * @throws UnencodableCharacterException for a character GSM 7-bit has no code for
     */
    public List<String> split(CharSequence text, int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity must hold any character (4 units): " + capacity);
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            int chars = this == UCS2 && Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
            int units = this == GSM_7BIT ? GsmAlphabet.septetLength(text, i) : 2 * chars;
            if (used + units > capacity) {
                pieces.add(text.subSequence(start, i).toString());
                start = i;
                used = 0;
            }
            used += units;
            i += chars;
        }
        if (start < text.length() || pieces.isEmpty()) {
            pieces.add(text.subSequence(start, text.length()).toString());
        }
        return pieces;
    }
}
