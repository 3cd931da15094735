package org.mexe.studio.codec.cp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.TestResources;

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

    @Test
    void rejectsUnusableSecrets() {
        assertThrows(IllegalArgumentException.class, () -> new CpSecurity.UserPin(""));
        assertThrows(IllegalArgumentException.class, () -> new CpSecurity.UserPin("12\u00E934"));
        assertThrows(IllegalArgumentException.class, () -> new CpSecurity.NetworkPin("12345"));
        assertThrows(IllegalArgumentException.class, () -> new CpSecurity.NetworkPin("4669231031452520"));
        assertThrows(IllegalArgumentException.class, () -> new CpSecurity.NetworkPin("46692310314525A"));
    }
}
