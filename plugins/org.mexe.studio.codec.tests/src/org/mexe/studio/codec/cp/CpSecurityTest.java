package org.mexe.studio.codec.cp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.TestResources;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.MacStatus;

import org.mexe.studio.codec.wsp.PushSignature;
import org.mexe.studio.codec.wsp.SecurityMethod;
import org.mexe.studio.testing.PeerTools;

class CpSecurityTest {

    /** The NETWPIN vector from the vectors README. */
    private static final String IMSI = "466923103145252";
    private static final byte[] NETWPIN_DOCUMENT = Hex.decode("03 0B 6A 00 45 01");
    private static final String NETWPIN_MAC = "1AF545FE2823DC9347064450F90FF1BBF957E146";

    /**
     * HMAC-SHA1 of the Appendix C bytes under the ASCII key "1234", computed independently with
     * {@code openssl dgst -sha1 -hmac 1234 provcont-6.1-example.wbxml} (OpenSSL 3.0.19).
     */
    private static final String APPENDIX_C_USERPIN_1234_MAC = "B27336FEFC0C0A2A8C04A4A09E570C36C4F61E6C";

    @Test
    void networkPinKeyIsTheImsiInSemiOctets() {
        assertEquals("4966291330412525", Hex.encode(new CpSecurity.NetworkPin(IMSI).key()));
        // Even digit count: first nibble 1 and an F filler in the last high nibble.
        assertEquals("21261021436587F9", Hex.encode(new CpSecurity.NetworkPin("26201123456789").key()));
    }

    @Test
    void networkPinVector() {
        CpSecurity security = new CpSecurity.NetworkPin(IMSI);
        assertEquals(NETWPIN_MAC, security.mac(NETWPIN_DOCUMENT));
        assertEquals(new PushSignature(SecurityMethod.NETWPIN, NETWPIN_MAC), security.sign(NETWPIN_DOCUMENT));
    }

    @Test
    void userPinMacOfTheAppendixCDocument() {
        CpSecurity security = new CpSecurity.UserPin("1234");
        assertEquals(APPENDIX_C_USERPIN_1234_MAC, security.mac(TestResources.bytes(TestResources.APPENDIX_C_WBXML)));
        assertEquals(SecurityMethod.USERPIN, security.method());
    }

    @Test
    void userPinMacAgreesWithOpenssl() {
        byte[] wbxml = ProvWbxml.encode(ProvXml.parse(TestResources.text(TestResources.OPERATOR_SETTINGS_XML)));
        String pin = "98765";
        assertEquals(PeerTools.opensslHmacSha1(pin, wbxml),
                new CpSecurity.UserPin(pin).mac(wbxml));
    }

    @Test
    void networkPinMacAgreesWithOpenssl() {
        byte[] wbxml = TestResources.bytes(TestResources.APPENDIX_C_WBXML);
        // Key written out by hand from the IMSI 26201123456789 (even: 1 2 6 2 0 1 1 2 ... 9 F, low nibble first).
        assertEquals(PeerTools.opensslHmacSha1(Hex.decode("21261021436587F9"), wbxml),
                new CpSecurity.NetworkPin("26201123456789").mac(wbxml));
    }

    @Test
    void verifyAcceptsOnlyTheRightMac() {
        byte[] document = TestResources.bytes(TestResources.APPENDIX_C_WBXML);
        CpSecurity security = new CpSecurity.UserPin("1234");
        assertTrue(security.verify(document, APPENDIX_C_USERPIN_1234_MAC));
        assertTrue(security.verify(document, APPENDIX_C_USERPIN_1234_MAC.toLowerCase()));
        assertFalse(security.verify(document, NETWPIN_MAC));
        assertFalse(security.verify(document, "not hex"));
        assertFalse(new CpSecurity.UserPin("1235").verify(document, APPENDIX_C_USERPIN_1234_MAC));
        byte[] tampered = document.clone();
        tampered[tampered.length - 2] ^= 1;
        assertFalse(security.verify(tampered, APPENDIX_C_USERPIN_1234_MAC));
    }

    /**
     * USERNETWPIN over the Appendix C bytes, IMSI 466923103145252 and PIN 1234, from
     * {@code openssl dgst -sha1 -mac HMAC -macopt hexkey:496629133041252531323334} (key written out by hand).
     */
    private static final String APPENDIX_C_USERNETWPIN_MAC = "D4F0077E181A30ABDCCB2DD5FDAF958BABE07CE7";

    /**
     * USERPINMAC over the Appendix C bytes with random part 12345: {@code openssl dgst -sha1 -hmac 12345}
     * gives 72E82861C7..., and 0x72, 0xE8, 0x28, 0x61, 0xC7 mod 10 are 4 2 0 7 9 (worked out in Python).
     */
    private static final String APPENDIX_C_USERPINMAC_PIN = "1234542079";
    private static final String APPENDIX_C_USERPINMAC_MAC = "72E82861C7D9DFFD7DEE5A7083D60159950759D3";

    @Test
    void userNetworkPinKeyIsTheNetworkKeyThenTheAsciiPin() {
        assertEquals("496629133041252531323334", Hex.encode(new CpSecurity.UserNetworkPin(IMSI, "1234").key()));
    }

    @Test
    void userNetworkPinVector() {
        CpSecurity security = new CpSecurity.UserNetworkPin(IMSI, "1234");
        byte[] document = TestResources.bytes(TestResources.APPENDIX_C_WBXML);
        assertEquals(APPENDIX_C_USERNETWPIN_MAC, security.mac(document));
        assertEquals(new PushSignature(SecurityMethod.USERNETWPIN, APPENDIX_C_USERNETWPIN_MAC), security.sign(document));
        assertFalse(new CpSecurity.UserNetworkPin(IMSI, "1235").verify(document, APPENDIX_C_USERNETWPIN_MAC));
        assertFalse(new CpSecurity.UserNetworkPin("466923103145253", "1234").verify(document, APPENDIX_C_USERNETWPIN_MAC));
    }

    @Test
    void userNetworkPinMacAgreesWithOpenssl() {
        byte[] wbxml = ProvWbxml.encode(ProvXml.parse(TestResources.text(TestResources.OPERATOR_SETTINGS_XML)));
        // 26201123456789 -> 21 26 10 21 43 65 87 F9, then "0000" as ASCII.
        assertEquals(PeerTools.opensslHmacSha1(Hex.decode("21261021436587F930303030"), wbxml),
                new CpSecurity.UserNetworkPin("26201123456789", "0000").mac(wbxml));
    }

    @Test
    void userPinMacPinVector() {
        byte[] document = TestResources.bytes(TestResources.APPENDIX_C_WBXML);
        CpSecurity.UserPinMac security = CpSecurity.UserPinMac.forDocument("12345", document);
        assertEquals(APPENDIX_C_USERPINMAC_PIN, security.pin());
        assertEquals(APPENDIX_C_USERPINMAC_MAC, security.mac(document));
        assertEquals(SecurityMethod.USERPINMAC, security.sign(document).method());
        assertTrue(new CpSecurity.UserPinMac(APPENDIX_C_USERPINMAC_PIN).verify(document, APPENDIX_C_USERPINMAC_MAC));
        assertFalse(new CpSecurity.UserPinMac("1234542078").verify(document, APPENDIX_C_USERPINMAC_MAC));
        assertFalse(new CpSecurity.UserPinMac("1234642079").verify(document, APPENDIX_C_USERPINMAC_MAC));
        byte[] tampered = document.clone();
        tampered[tampered.length - 2] ^= 1;
        assertFalse(new CpSecurity.UserPinMac(APPENDIX_C_USERPINMAC_PIN).verify(tampered, APPENDIX_C_USERPINMAC_MAC));
    }

    @Test
    void userPinMacDigitsAgreeWithOpenssl() {
        byte[] wbxml = ProvWbxml.encode(ProvXml.parse(TestResources.text(TestResources.OPERATOR_SETTINGS_XML)));
        byte[] mac = Hex.decode(PeerTools.opensslHmacSha1("907162", wbxml));
        StringBuilder expected = new StringBuilder("907162");
        for (int i = 0; i < 6; i++) {
            expected.append(Integer.remainderUnsigned(mac[i] & 0xFF, 10));
        }
        assertEquals(expected.toString(), CpSecurity.UserPinMac.forDocument("907162", wbxml).pin());
    }

    @Test
    void generatedUserPinMacPinsVerify() {
        byte[] document = TestResources.bytes(TestResources.APPENDIX_C_WBXML);
        CpSecurity.UserPinMac generated = CpSecurity.UserPinMac.generate(document, 8, new java.util.Random(7));
        assertEquals(16, generated.pin().length());
        assertTrue(generated.verify(document, generated.mac(document)));
        assertEquals(generated, CpSecurity.UserPinMac.forDocument(generated.pin().substring(0, 8), document));
    }

    @Test
    void decoderChecksUserNetworkPinAndUserPinMac() {
        byte[] document = TestResources.bytes(TestResources.APPENDIX_C_WBXML);
        ProvisioningDocument tree = ProvWbxml.decode(document);
        OmaCpMessageDecoder.Decoded userNetwPin = new OmaCpMessageDecoder.Decoded(OmaCpMessageDecoder.Form.WSP_PUSH, tree,
                document, Optional.of(new PushSignature(SecurityMethod.USERNETWPIN, APPENDIX_C_USERNETWPIN_MAC)), 0);
        assertEquals(MacStatus.VALID, userNetwPin.checkMac(Optional.of("1234"), Optional.of(IMSI)));
        assertEquals(MacStatus.INVALID, userNetwPin.checkMac(Optional.of("4321"), Optional.of(IMSI)));
        assertEquals(MacStatus.NOT_CHECKED, userNetwPin.checkMac(Optional.of("1234"), Optional.empty()));
        assertEquals(MacStatus.NOT_CHECKED, userNetwPin.checkMac(Optional.empty(), Optional.of(IMSI)));

        OmaCpMessageDecoder.Decoded userPinMac = new OmaCpMessageDecoder.Decoded(OmaCpMessageDecoder.Form.WSP_PUSH, tree,
                document, Optional.of(new PushSignature(SecurityMethod.USERPINMAC, APPENDIX_C_USERPINMAC_MAC)), 0);
        assertEquals(MacStatus.VALID, userPinMac.checkMac(Optional.of(APPENDIX_C_USERPINMAC_PIN), Optional.empty()));
        assertEquals(MacStatus.INVALID, userPinMac.checkMac(Optional.of("1234542070"), Optional.empty()));
        assertEquals(MacStatus.INVALID, userPinMac.checkMac(Optional.of("12345"), Optional.empty()));
        assertEquals(MacStatus.NOT_CHECKED, userPinMac.checkMac(Optional.empty(), Optional.of(IMSI)));
    }

    @Test
    void rejectsUnusableSecrets() {
        assertThrows(IllegalArgumentException.class, () -> new CpSecurity.UserNetworkPin("12345", "1234"));
        assertThrows(IllegalArgumentException.class, () -> new CpSecurity.UserNetworkPin(IMSI, ""));
        assertThrows(IllegalArgumentException.class, () -> new CpSecurity.UserPinMac("123"));
        assertThrows(IllegalArgumentException.class, () -> new CpSecurity.UserPinMac("12a4"));
        assertThrows(IllegalArgumentException.class, () -> new CpSecurity.UserPinMac("1".repeat(42)));
        assertThrows(IllegalArgumentException.class, () -> CpSecurity.UserPinMac.forDocument("", new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> new CpSecurity.UserPin(""));
        assertThrows(IllegalArgumentException.class, () -> new CpSecurity.UserPin("12\u00E934"));
        assertThrows(IllegalArgumentException.class, () -> new CpSecurity.NetworkPin("12345"));
        assertThrows(IllegalArgumentException.class, () -> new CpSecurity.NetworkPin("4669231031452520"));
        assertThrows(IllegalArgumentException.class, () -> new CpSecurity.NetworkPin("46692310314525A"));
    }
}
