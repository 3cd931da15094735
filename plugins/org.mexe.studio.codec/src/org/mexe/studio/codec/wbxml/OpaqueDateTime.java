package org.mexe.studio.codec.wbxml;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * WAP-167 clause 8.2.2 dates: "YYYY-MM-DDThh:mm:ssZ" travels as its 14 digits packed two to an
 * octet, high nibble first, with trailing zero octets left out (1999-06-30T00:00:00Z is
 * 19 99 06 30). SL-style languages reuse it, hence a codec of its own.
 */
final class OpaqueDateTime {

    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    static final int MAX_OCTETS = 7;

    private OpaqueDateTime() {
    }

    /** The OPAQUE payload, or empty when the text is not in the one form the DTD allows. */
    static Optional<byte[]> encode(String text) {
        if (!DATE_TIME.matcher(text).matches()) {
            return Optional.empty();
        }
        String digits = text.replaceAll("\\D", "");
        byte[] packed = new byte[MAX_OCTETS];
        int length = 0;
        for (int i = 0; i < MAX_OCTETS; i++) {
            packed[i] = (byte) ((digits.charAt(2 * i) - '0') << 4 | (digits.charAt(2 * i + 1) - '0'));
            if (packed[i] != 0) {
                length = i + 1;
            }
        }
        return Optional.of(Arrays.copyOf(packed, length));
    }

    /** @return the date text, or empty when an octet is not two BCD digits or there are too many */
    static Optional<String> decode(byte[] opaque) {
        if (opaque.length > MAX_OCTETS) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < MAX_OCTETS; i++) {
            int octet = i < opaque.length ? opaque[i] & 0xFF : 0;
            if (octet >> 4 > 9 || (octet & 0x0F) > 9) {
                return Optional.empty();
            }
            digits.append(octet >> 4).append(octet & 0x0F);
        }
        String d = digits.toString();
        return Optional.of(d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6, 8) + "T"
                + d.substring(8, 10) + ":" + d.substring(10, 12) + ":" + d.substring(12, 14) + "Z");
    }
}
