package org.mexe.studio.codec;

import java.util.HexFormat;

/** Upper-case hexadecimal, the form OMA CP MACs and the project's TPDU listings use. */
public final class Hex {

    private static final HexFormat UPPER = HexFormat.of().withUpperCase();
    private static final HexFormat UPPER_SPACED = HexFormat.ofDelimiter(" ").withUpperCase();

    private Hex() {
    }

    /** {@code 41000B91} style, no separators. */
    public static String encode(byte[] bytes) {
        return UPPER.formatHex(bytes);
    }

    /** {@code 41 00 0B 91} style, as hex dump tools such as text2pcap read it. */
    public static String encodeSpaced(byte[] bytes) {
        return UPPER_SPACED.formatHex(bytes);
    }

    /**
     * Parses hex digits of either case; ASCII whitespace between octets is ignored so that
     * listings copied from specifications can be pasted as they are.
     *
     * @throws IllegalArgumentException on any other character or an odd number of digits
     */
    public static byte[] decode(CharSequence hex) {
        StringBuilder digits = new StringBuilder(hex.length());
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                digits.append(c);
            }
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + digits.length());
        }
        return HexFormat.of().parseHex(digits);
    }
}
