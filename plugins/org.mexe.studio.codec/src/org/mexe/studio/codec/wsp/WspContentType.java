package org.mexe.studio.codec.wsp;

import java.util.Objects;
import java.util.OptionalInt;

/** The media type of a WSP push: a WAP-230 Appendix A number or, for types without one, text. */
public sealed interface WspContentType {

    /** Sent as {@code 0x80 | number}, e.g. 0x36 = B6 application/vnd.wap.connectivity-wbxml. */
    record WellKnown(int number) implements WspContentType {

        public WellKnown {
            if (number < 0 || number > 0x7F) {
                throw new IllegalArgumentException("well-known content type must be 0..127: " + number);
            }
        }

        @Override
        public String toString() {
            return "0x%02X".formatted(number);
        }
    }

    /**
     * A textual media type such as Nokia OTA's {@code application/x-wap-prov.browser-settings}, with
     * an optional charset parameter as IANA MIBenum (106 = UTF-8, sent as {@code 81 EA}).
     */
    record Text(String mediaType, OptionalInt charset) implements WspContentType {

        /** IANA MIBenum of UTF-8. */
        public static final int UTF_8 = 106;

        public Text {
            Objects.requireNonNull(mediaType, "media type");
            Objects.requireNonNull(charset, "charset");
            // Printable ASCII: no Quote octet is ever needed and the NUL terminator stays unambiguous.
            if (mediaType.isEmpty() || !mediaType.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                throw new IllegalArgumentException("media type must be printable ASCII: \"" + mediaType + "\"");
            }
            // Only short-integer charsets: every MIBenum a push document uses is below 128.
            if (charset.isPresent() && (charset.getAsInt() < 0 || charset.getAsInt() > 0x7F)) {
                throw new IllegalArgumentException("charset must be 0..127: " + charset.getAsInt());
            }
        }

        @Override
        public String toString() {
            return charset.isPresent() ? mediaType + "; charset=" + charset.getAsInt() : mediaType;
        }
    }
}
