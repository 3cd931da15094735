package org.mexe.studio.codec.text;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 clauses 6.2.1 and
 * 6.2.1.1). Works on unpacked septets, one per byte; {@link Septets} packs them.
 */
public final class GsmAlphabet {

    /** Escape to the extension table; the next septet selects the character. */
    public static final int ESCAPE = 0x1B;

    // Index = septet. Position 0x1B is the escape and maps to no character (the placeholder is never used).
    private static final String DEFAULT_TABLE =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u0000ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static final Map<Character, Integer> DEFAULT = new HashMap<>();
    private static final Map<Character, Integer> EXTENSION = Map.of(
            '\f', 0x0A, '^', 0x14, '{', 0x28, '}', 0x29, '\\', 0x2F,
            '[', 0x3C, '~', 0x3D, ']', 0x3E, '|', 0x40, '€', 0x65);
    private static final char[] EXTENSION_TABLE = new char[128];

    static {
        if (DEFAULT_TABLE.length() != 128) {
            throw new AssertionError("default alphabet table has " + DEFAULT_TABLE.length() + " entries");
        }
        for (int septet = 0; septet < 128; septet++) {
            if (septet != ESCAPE) {
                DEFAULT.put(DEFAULT_TABLE.charAt(septet), septet);
            }
        }
        EXTENSION.forEach((character, septet) -> EXTENSION_TABLE[septet] = character);
    }

    private GsmAlphabet() {
    }

    /** Whether every character is in the default alphabet or its extension table. */
    public static boolean canEncode(CharSequence text) {
        return text.chars().allMatch(c -> DEFAULT.containsKey((char) c) || EXTENSION.containsKey((char) c));
    }

    /** Septets the text needs: one per default character, two per extension character. */
    public static int septetLength(CharSequence text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            length += septetLength(text, i);
        }
        return length;
    }

    /** 1 or 2 for the character at {@code index}. */
    static int septetLength(CharSequence text, int index) {
        char c = text.charAt(index);
        if (DEFAULT.containsKey(c)) {
            return 1;
        }
        if (EXTENSION.containsKey(c)) {
            return 2;
        }
        throw new UnencodableCharacterException(Character.codePointAt(text, index), index, TextEncoding.GSM_7BIT);
    }

    /**
     * Unpacked septets, extension characters as escape pairs.
     *
     * @throws UnencodableCharacterException naming the first character outside both tables
     */
    public static byte[] toSeptets(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Integer septet = DEFAULT.get(c);
            if (septet == null) {
                Integer extension = EXTENSION.get(c);
                if (extension == null) {
                    throw new UnencodableCharacterException(Character.codePointAt(text, i), i, TextEncoding.GSM_7BIT);
                }
                out.write(ESCAPE);
                septet = extension;
            }
            out.write(septet);
        }
        return out.toByteArray();
    }

    /**
     * The text of unpacked septets. An escape followed by a code the extension table does not define
     * shows the default-table character (TS 23.038 6.2.1.1); an escape as the very last septet is
     * dropped, as it selects nothing.
     *
     * @throws IllegalArgumentException on a value above 0x7F
     */
    public static String fromSeptets(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int septet = septet(septets, i);
            if (septet != ESCAPE) {
                text.append(DEFAULT_TABLE.charAt(septet));
            } else if (i + 1 < septets.length) {
                int extension = septet(septets, ++i);
                char c = EXTENSION_TABLE[extension];
                text.append(c != 0 ? c : extension == ESCAPE ? ' ' : DEFAULT_TABLE.charAt(extension));
            }
        }
        return text.toString();
    }

    private static int septet(byte[] septets, int index) {
        int value = septets[index] & 0xFF;
        if (value > 0x7F) {
            throw new IllegalArgumentException("septet %d is 0x%02X, above 0x7F".formatted(index, value));
        }
        return value;
    }
}
