package org.mexe.studio.codec.wsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.WireFormat;

class WspPushCodecTest {

    private static final byte[] BODY = Hex.decode("03 0B 6A 00 45 01");
    private static final String MAC = "1AF545FE2823DC9347064450F90FF1BBF957E146";
    private static final String MAC_HEX = Hex.encodeSpaced(MAC.getBytes(StandardCharsets.US_ASCII));

    @Test
    void unsignedPushHasTheShortContentType() {
        WspPush push = new WspPush(0x01, WspPush.CONNECTIVITY_WBXML, Optional.empty(), BODY);
        assertEquals("01 06 01 B6 03 0B 6A 00 45 01", Hex.encodeSpaced(WspPushCodec.encode(push)));
    }

    @Test
    void signedPushCarriesSecAndMacParameters() {
        WspPush push = new WspPush(0x01, WspPush.CONNECTIVITY_WBXML,
                Optional.of(new PushSignature(SecurityMethod.USERPIN, MAC)), BODY);
        byte[] pdu = WspPushCodec.encode(push);
        assertEquals("01 06 2F 1F 2D B6 91 81 92 " + MAC_HEX + " 00 03 0B 6A 00 45 01", Hex.encodeSpaced(pdu));
        // Headers length 0x2F: from the Length-quote up to the body.
        assertEquals(0x2F, pdu.length - 3 - BODY.length);
        // Value length 0x2D: media, SEC name and value, MAC name, 40 digits, NUL.
        assertEquals(0x2D, 1 + 2 + 1 + 40 + 1);
    }

    @Test
    void securityMethodCodes() {
        Map<SecurityMethod, Integer> secOctets = Map.of(SecurityMethod.NETWPIN, 0x80, SecurityMethod.USERPIN, 0x81,
                SecurityMethod.USERNETWPIN, 0x82, SecurityMethod.USERPINMAC, 0x83);
        secOctets.forEach((method, octet) -> {
            WspPush push = new WspPush(0x07, WspPush.CONNECTIVITY_WBXML, Optional.of(new PushSignature(method, MAC)), BODY);
            byte[] pdu = WspPushCodec.encode(push);
            assertEquals(octet, pdu[7] & 0xFF, method.name());
            assertEquals(push, WspPushCodec.decode(pdu));
        });
    }

    @Test
    void decodesBothForms() {
        WspPush unsigned = new WspPush(0x2A, WspPush.CONNECTIVITY_WBXML, Optional.empty(), BODY);
        assertEquals(unsigned, WspPushCodec.decode(WspPushCodec.encode(unsigned)));
        WspPush signed = new WspPush(0x2A, WspPush.CONNECTIVITY_WBXML,
                Optional.of(new PushSignature(SecurityMethod.NETWPIN, MAC)), BODY);
        assertEquals(signed, WspPushCodec.decode(WspPushCodec.encode(signed)));
    }

    @Test
    void skipsHeadersAfterTheContentType() {
        // Content type B6, then X-Wap-Application-Id (0xAF) with value 0x8A.
        WspPush push = WspPushCodec.decode(Hex.decode("01 06 03 B6 AF 8A 03 0B 6A 00 45 01"));
        assertArrayEquals(BODY, push.body());
        assertEquals(Optional.empty(), push.signature());
    }

    @Test
    void acceptsTheShortLengthGeneralForm() {
        // Value length 1 (just the media type) in the length octet itself.
        WspPush push = WspPushCodec.decode(Hex.decode("01 06 02 01 B6 03 0B 6A 00 45 01"));
        assertEquals(new WspPush(1, WspPush.CONNECTIVITY_WBXML, Optional.empty(), BODY), push);
    }

    @Test
    void reportsMalformedPdus() {
        assertFailure("01 07 01 B6", 1, "PDU type 0x06 (Push)");
        assertFailure("01 06 05 B6", 3, "headers of 5 bytes");
        assertFailure("01 06 02 1F 2D", 5, "content type value of 45 bytes");
        assertFailure("01 06 2F 1F 2D B6 91 85 92 " + MAC_HEX + " 00", 7, "SEC short-integer 0x80-0x83");
        assertFailure("01 06 04 03 B6 93 80", 5, "SEC (0x91) or MAC (0x92) parameter");
        assertFailure("01 06 04 03 B6 91 81", 7, "both SEC and MAC parameters");
        String lowerCaseMac = Hex.encodeSpaced(MAC.toLowerCase().getBytes(StandardCharsets.US_ASCII));
        assertFailure("01 06 2F 1F 2D B6 91 81 92 " + lowerCaseMac + " 00", 9, "MAC of 40 upper-case hex digits");
    }

    private static void assertFailure(String hex, int offset, String expected) {
        DecodeException e = assertThrows(DecodeException.class, () -> WspPushCodec.decode(Hex.decode(hex)), hex);
        assertEquals(WireFormat.WSP, e.format());
        assertEquals(offset, e.offset(), e.getMessage());
        assertEquals(expected, e.expected());
    }
}
