package org.mexe.studio.codec.wsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.Hex;

/** Textual content types (Nokia OTA) and the X-Wap-Application-Id header (SI, SL), byte for byte. */
class WspTextContentTypeTest {

    private static final byte[] BODY = Hex.decode("01 01 6A 00 45 01");
    private static final String BROWSER_SETTINGS = "application/x-wap-prov.browser-settings";
    private static final String BROWSER_SETTINGS_HEX = Hex.encodeSpaced(BROWSER_SETTINGS.getBytes(StandardCharsets.US_ASCII));
    private static final String MAC = "1AF545FE2823DC9347064450F90FF1BBF957E146";

    @Test
    void nokiaOtaContentTypeIsTheGeneralFormWithCharsetUtf8() {
        WspPush push = new WspPush(1, new WspContentType.Text(BROWSER_SETTINGS, OptionalInt.of(WspContentType.Text.UTF_8)),
                Optional.empty(), OptionalInt.empty(), BODY);
        // 39 characters + NUL + 81 EA = 42 (2A) octets of value after the Length-quote; 44 (2C) of headers.
        byte[] expected = Hex.decode("01 06 2C 1F 2A " + BROWSER_SETTINGS_HEX + " 00 81 EA 01 01 6A 00 45 01");
        assertArrayEquals(expected, WspPushCodec.encode(push));
        assertEquals(push, WspPushCodec.decode(expected));
    }

    @Test
    void textWithoutParametersIsTheConstrainedForm() {
        WspPush push = new WspPush(7, new WspContentType.Text("text/plain", OptionalInt.empty()), Optional.empty(),
                OptionalInt.empty(), BODY);
        byte[] expected = Hex.decode("07 06 0B 74 65 78 74 2F 70 6C 61 69 6E 00 01 01 6A 00 45 01");
        assertArrayEquals(expected, WspPushCodec.encode(push));
        assertEquals(push, WspPushCodec.decode(expected));
    }

    @Test
    void shortGeneralFormForAShortTextType() {
        // "a/b" NUL 81 EA: 6 octets, so the value length fits the length octet itself.
        WspPush push = new WspPush(1, new WspContentType.Text("a/b", OptionalInt.of(106)), Optional.empty(),
                OptionalInt.empty(), BODY);
        byte[] expected = Hex.decode("01 06 07 06 61 2F 62 00 81 EA 01 01 6A 00 45 01");
        assertArrayEquals(expected, WspPushCodec.encode(push));
        assertEquals(push, WspPushCodec.decode(expected));
    }

    @Test
    void siPushCarriesTheWmlUaApplicationId() {
        WspPush push = new WspPush(1, new WspContentType.WellKnown(0x2E), Optional.empty(),
                OptionalInt.of(WspPush.WML_UA), BODY);
        byte[] expected = Hex.decode("01 06 03 AE AF 82 01 01 6A 00 45 01");
        assertArrayEquals(expected, WspPushCodec.encode(push));
        assertEquals(push, WspPushCodec.decode(expected));
    }

    @Test
    void applicationIdFollowsASignedContentType() {
        WspPush push = new WspPush(1, new WspContentType.WellKnown(WspPush.CONNECTIVITY_WBXML),
                Optional.of(new PushSignature(SecurityMethod.USERPIN, MAC)), OptionalInt.of(0x0A), BODY);
        String macHex = Hex.encodeSpaced(MAC.getBytes(StandardCharsets.US_ASCII));
        byte[] expected = Hex.decode("01 06 31 1F 2D B6 91 81 92 " + macHex + " 00 AF 8A 01 01 6A 00 45 01");
        assertArrayEquals(expected, WspPushCodec.encode(push));
        assertEquals(push, WspPushCodec.decode(expected));
    }

    @Test
    void otherHeadersAroundTheApplicationIdAreSkipped() {
        // Content type AE; Content-Length (0x8D) short-integer; X-Wap-Application-Id 82;
        // an application header "X-A" NUL "b" NUL; a well-known header with a 2-octet value.
        WspPush push = WspPushCodec.decode(Hex.decode("01 06 0F AE 8D 85 AF 82 58 2D 41 00 62 00 A7 02 01 02 01 01 6A 00 45 01"));
        assertEquals(new WspContentType.WellKnown(0x2E), push.contentType());
        assertEquals(OptionalInt.of(2), push.applicationId());
        assertArrayEquals(BODY, push.body());
    }

    @Test
    void theIntConstructorKeepsTheOmaCpForm() {
        WspPush push = new WspPush(1, WspPush.CONNECTIVITY_WBXML, Optional.empty(), BODY);
        assertEquals(new WspContentType.WellKnown(0x36), push.contentType());
        assertEquals(OptionalInt.empty(), push.applicationId());
        assertArrayEquals(Hex.decode("01 06 01 B6 01 01 6A 00 45 01"), WspPushCodec.encode(push));
    }

    @Test
    void rejectsWhatTheFormsCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> new WspContentType.Text("caf\u00e9/x", OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new WspContentType.Text("a/b", OptionalInt.of(2026)));
        assertThrows(IllegalArgumentException.class, () -> new WspContentType.WellKnown(0x80));
        assertThrows(IllegalArgumentException.class, () -> new WspPush(1, new WspContentType.WellKnown(0x2E),
                Optional.empty(), OptionalInt.of(0x80), BODY));
    }

    @Test
    void reportsMalformedTextContentTypes() {
        // Charset with a text value, at offset 10 after "a/b" NUL 81.
        DecodeException charset = assertThrows(DecodeException.class,
                () -> WspPushCodec.decode(Hex.decode("01 06 07 06 61 2F 62 00 81 41")));
        assertEquals(9, charset.offset());
        assertEquals("charset short-integer", charset.expected());
        // Q-value parameter (0x80) is not one the push needs.
        DecodeException parameter = assertThrows(DecodeException.class,
                () -> WspPushCodec.decode(Hex.decode("01 06 07 06 61 2F 62 00 80 81")));
        assertEquals(8, parameter.offset());
        assertEquals("Charset (0x81), SEC (0x91) or MAC (0x92) parameter", parameter.expected());
    }
}
