package org.mexe.studio.codec.text;

/**
 * UCS-2 as phones use it: UTF-16BE code units. Surrogate pairs (and any unpaired surrogate) pass
 * through unchanged, so characters beyond the BMP survive a round trip.
 */
public final class Ucs2 {

    private Ucs2() {
    }

    public static byte[] encode(CharSequence text) {
        byte[] octets = new byte[text.length() * 2];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            octets[2 * i] = (byte) (c >> 8);
            octets[2 * i + 1] = (byte) c;
        }
        return octets;
    }

    /** @throws IllegalArgumentException on an odd number of octets */
    public static String decode(byte[] octets) {
        if (octets.length % 2 != 0) {
            throw new IllegalArgumentException("UCS-2 needs an even number of octets: " + octets.length);
        }
        char[] chars = new char[octets.length / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((octets[2 * i] & 0xFF) << 8 | octets[2 * i + 1] & 0xFF);
        }
        return new String(chars);
    }
}
