package org.mexe.studio.codec.sms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.WireFormat;
import org.mexe.studio.codec.sms.InformationElement.Concatenation;
import org.mexe.studio.codec.sms.InformationElement.Concatenation.ReferenceWidth;

/**
 * SMS-DELIVER TPDUs. The 7-bit vectors are the SMS-DELIVER PDUs of python-gsmmodem
 * (faucamp/python-gsmmodem, test/test_pdu.py, TestSmsPdu.test_decode) without their SMSC prefix.
 */
class SmsDeliverCodecTest {

    private static final OffsetDateTime NOON = OffsetDateTime.of(2026, 11, 24, 12, 0, 0, 0, ZoneOffset.ofHours(1));

    private static void assertRoundTrip(String hex, SmsDeliver expected) {
        assertEquals(expected, SmsDeliverCodec.decode(Hex.decode(hex)));
        assertEquals(Hex.encodeSpaced(Hex.decode(hex)), Hex.encodeSpaced(SmsDeliverCodec.encode(expected)));
    }

    @Test
    void decodesAndReencodesPythonGsmmodemTest2() {
        String hex = "04 0B 91 72 28 21 43 65 F7 00 00 31 30 80 51 20 61 80 05 D4 F2 9C 2E 03";
        SmsDeliver expected = new SmsDeliver(SmsAddress.international("27821234567"), 0, DataCodingScheme.GSM_7BIT,
                OffsetDateTime.of(2013, 3, 8, 15, 2, 16, 0, ZoneOffset.ofHours(2)), UserDataHeader.NONE,
                Hex.decode("54 65 73 74 32"), false);
        assertRoundTrip(hex, expected);
        assertEquals("Test2", expected.text());
    }

    @Test
    void decodesALongerTextWithTimezonePlusEight() {
        String hex = "04 0B 91 58 92 21 43 65 F7 00 00 70 40 21 32 52 24 23 31 49 3A 28 3D 07 95 C3 F3 3C 88 FE 06 C9 CB "
                + "61 32 88 5E C6 D3 41 ED F2 7C 1E 3E 97 E7 20 7B 3A 0C 0A 52 41 E3 77 BB 1D 76 93 E7 2E";
        SmsDeliver deliver = SmsDeliverCodec.decode(Hex.decode(hex));
        assertEquals(SmsAddress.international("85291234567"), deliver.originator());
        assertEquals(OffsetDateTime.of(2007, 4, 12, 23, 25, 42, 0, ZoneOffset.ofHours(8)), deliver.timestamp());
        assertEquals("It is easy to read text messages via AT commands.", deliver.text());
        assertEquals(Hex.encodeSpaced(Hex.decode(hex)), Hex.encodeSpaced(SmsDeliverCodec.encode(deliver)));
    }

    @Test
    void decodesExtensionCharactersCountedAsTwoSeptets() {
        // TP-UDL 0A: @ ESC { t é s t ESC } ! is ten septets for eight characters.
        String hex = "04 0B 91 72 28 21 43 65 F7 00 00 31 30 62 31 53 52 80 0A 80 0D 8A 5E 98 D3 37 A9 10";
        SmsDeliver deliver = SmsDeliverCodec.decode(Hex.decode(hex));
        assertEquals("@{tést}!", deliver.text());
        assertEquals(Hex.encodeSpaced(Hex.decode(hex)),
                Hex.encodeSpaced(SmsDeliverCodec.encode(SmsDeliver.ofText(deliver.originator(), deliver.timestamp(),
                        UserDataHeader.NONE, "@{tést}!"))));
    }

    @Test
    void decodesSevenBitTextAfterAHeaderWithOneFillBit() {
        // TP-MMS clear (first octet 40): the SMSC has more messages. UDH 05 00 03 C3 01 01, then one fill bit.
        String hex = "40 07 81 72 18 81 F8 00 00 31 60 52 61 04 84 80 59 05 00 03 C3 01 01 91 65 36 FB 1D CA BE EB 20 74 D8 5E "
                + "06 49 41 B1 9C AB 06 03 19 A5 C5 22 28 9C 96 D3 D3 ED 32 28 6C 0F A7 D9 61 31 BB EC 02 49 41 B1 9C AB 06 "
                + "03 DD D3 6C 36 A8 8C 87 A7 E5 65 D0 DB 0D 82 C5 5E B0 DB 4B 06 8B CD 5C 20";
        SmsDeliver deliver = SmsDeliverCodec.decode(Hex.decode(hex));
        assertEquals(new SmsAddress(TypeOfNumber.UNKNOWN, "2781188"), deliver.originator());
        assertTrue(deliver.moreMessagesToSend());
        assertEquals(new UserDataHeader(List.of(new Concatenation(ReferenceWidth.EIGHT_BIT, 0xC3, 1, 1))), deliver.header());
        assertEquals("Hello!You have R 19.50 FREE airtime available. R 19.50 will expire on 01/07/2013. ", deliver.text());
        // The sender set its fill bit (91 after the header); ours is zero, everything else is the same.
        assertEquals(Hex.encodeSpaced(Hex.decode(hex)).replace("C3 01 01 91", "C3 01 01 90"),
                Hex.encodeSpaced(SmsDeliverCodec.encode(deliver)));
    }

    @Test
    void writesAlphanumericOriginatorsAsPackedSeptets() {
        // Address fields of python-gsmmodem test/test_pdu.py TestSmsPduAddressFields.
        assertEquals("0E D0 46 69 D0 39 7C 26 A7", originatorField(SmsAddress.alphanumeric("FRANCOIS")));
        assertEquals("06 D0 61 F1 18", originatorField(SmsAddress.alphanumeric("abc")));
        assertEquals("14 D0 E1 0D 6F E3 DB A0 36 A9 4D 19", originatorField(SmsAddress.alphanumeric("a[]{}€")));
        // Seven septets are 49 bits: 13 useful semi-octets, the last octet's high nibble unused.
        assertEquals("0D D0 CD 22 BE F8 A4 06 01", originatorField(SmsAddress.alphanumeric("MExEOTA")));
        for (String name : List.of("FRANCOIS", "abc", "a[]{}€", "MExEOTA", "MExE Studio")) {
            SmsDeliver deliver = SmsDeliver.ofText(SmsAddress.alphanumeric(name), NOON, UserDataHeader.NONE, "hi");
            assertEquals(deliver, SmsDeliverCodec.decode(SmsDeliverCodec.encode(deliver)), name);
        }
        assertThrows(IllegalArgumentException.class, () -> SmsAddress.alphanumeric("MExE Studio1"));
        assertThrows(IllegalArgumentException.class, () -> SmsAddress.alphanumeric("MExE Studi€"));
    }

    private static String originatorField(SmsAddress originator) {
        byte[] tpdu = SmsDeliverCodec.encode(SmsDeliver.ofText(originator, NOON, UserDataHeader.NONE, "x"));
        int length = 2 + ((tpdu[1] & 0xFF) + 1) / 2;
        return Hex.encodeSpaced(java.util.Arrays.copyOfRange(tpdu, 1, 1 + length));
    }

    @Test
    void encodesUcs2AndEightBitUserDataAsOctets() {
        // UCS-2 text of python-gsmmodem's SUBMIT "あ叶葉" (TP-UD 30 42 53 F6 84 49), here in a DELIVER.
        SmsDeliver ucs2 = SmsDeliver.ofText(SmsAddress.international("34616585119"), NOON, UserDataHeader.NONE, "あ叶葉");
        assertEquals("04 0B 91 43 16 56 58 11 F9 00 08 62 11 42 21 00 00 40 06 30 42 53 F6 84 49",
                Hex.encodeSpaced(SmsDeliverCodec.encode(ucs2)));
        assertEquals("あ叶葉", SmsDeliverCodec.decode(SmsDeliverCodec.encode(ucs2)).text());

        SmsDeliver data = new SmsDeliver(SmsAddress.national("0701234567"), 0x7F, DataCodingScheme.SIM_DATA_DOWNLOAD, NOON,
                new UserDataHeader(List.of(InformationElement.SimToolkitSecurityHeader.COMMAND)), Hex.decode("00 0D"), false);
        assertEquals("44 0A A1 70 10 32 54 76 7F F6 62 11 42 21 00 00 40 05 02 70 00 00 0D",
                Hex.encodeSpaced(SmsDeliverCodec.encode(data)));
        assertEquals(data, SmsDeliverCodec.decode(SmsDeliverCodec.encode(data)));
        assertThrows(IllegalStateException.class, data::text);
    }

    @Test
    void buildsTheDeliverAnSmscInterfaceCarriesAsFields() {
        // The UCS-2 DELIVER above and the SIM data download one, given as SMPP deliver_sm fields: the same TPDUs.
        SmsDeliver ucs2 = SmsDeliverCodec.fromUserData(SmsAddress.international("34616585119"), 0, 0x08, NOON, false,
                Hex.decode("30 42 53 F6 84 49"));
        assertEquals("04 0B 91 43 16 56 58 11 F9 00 08 62 11 42 21 00 00 40 06 30 42 53 F6 84 49",
                Hex.encodeSpaced(SmsDeliverCodec.encode(ucs2)));
        SmsDeliver data = SmsDeliverCodec.fromUserData(SmsAddress.national("0701234567"), 0x7F, 0xF6, NOON, true,
                Hex.decode("02 70 00 00 0D"));
        assertEquals(List.of(InformationElement.SimToolkitSecurityHeader.COMMAND), data.header().elements());
        assertEquals("00 0D", Hex.encodeSpaced(data.userData()));
        DecodeException broken = assertThrows(DecodeException.class, () -> SmsDeliverCodec.fromUserData(SmsAddress.national("2000"), 0, 0x04,
                NOON, true, Hex.decode("05 00 03")));
        assertTrue(broken.getMessage().contains("header"), broken.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SmsDeliverCodec.fromUserData(SmsAddress.national("2000"), 0, 0x00, NOON, false,
                Hex.decode("D4 F2 9C 2E 03")));
    }

    @Test
    void fillsTheLast160SeptetsExactly() {
        String text = "€".repeat(80);
        SmsDeliver full = SmsDeliver.ofText(SmsAddress.international("46708251358"), NOON, UserDataHeader.NONE, text);
        byte[] tpdu = SmsDeliverCodec.encode(full);
        assertEquals(160, tpdu[18] & 0xFF);
        assertEquals(19 + 140, tpdu.length);
        assertEquals(text, SmsDeliverCodec.decode(tpdu).text());
        assertThrows(IllegalArgumentException.class, () -> SmsDeliver.ofText(SmsAddress.international("46708251358"), NOON,
                UserDataHeader.NONE, text + "a"));
    }

    @Test
    void reportsMalformedTpdus() {
        String oa = "0B 91 64 07 28 15 53 F8";
        String scts = "62 11 42 21 00 00 40";
        assertFailure("41 " + oa + " 00 00 " + scts + " 00", 0, "SMS-DELIVER (TP-MTI 00)");
        assertFailure("04 " + oa + " 00 20 " + scts + " 00", 10, "TP-DCS for uncompressed GSM 7-bit, 8-bit data or UCS-2");
        assertFailure("04 " + oa + " 00 00 62 1A 42 21 00 00 40 00", 12, "TP-SCTS BCD semi-octets");
        assertFailure("04 " + oa + " 00 00 62 31 42 21 00 00 40 00", 11, "TP-SCTS holding a valid date and time");
        assertFailure("04 " + oa + " 00 00 " + scts + " A1", 18, "TP-UDL of at most 160");
        assertFailure("04 " + oa + " 00 04 " + scts + " 8D", 18, "TP-UDL of at most 140");
        assertFailure("04 " + oa + " 00 00 " + scts + " 05 D4 F2 9C 2E", 19, "5 octets of TP-UD up to the end of the TPDU");
        assertFailure("44 " + oa + " 00 00 " + scts + " 06 05 00 03 01 01 01", 18, "TP-UDL covering the user data header");
        assertFailure("04 " + oa + " 00 08 " + scts + " 03 00 41 00", 19, "UCS-2 text of an even number of octets");
        assertFailure("04 0B E1 64 07 28 15 53 F8 00 00 " + scts + " 00", 2,
                "ISDN numbering plan with unknown, international or national number, or alphanumeric");
        assertFailure("44 " + oa + " 00 04 " + scts + " 04 03 70 01 AA", 20, "SIM toolkit command packet element of 0 octets");
        assertFailure("04 02 D0 1B 00 00 " + scts + " 00", 3, "alphanumeric TP-OA naming at least one character");
        assertFailure("04 " + oa + " 00 00 62 11 42 21 00 00 37 00", 17, "TP-SCTS time zone of at most 72 quarter hours");
    }

    private static void assertFailure(String hex, int offset, String expected) {
        DecodeException e = assertThrows(DecodeException.class, () -> SmsDeliverCodec.decode(Hex.decode(hex)), hex);
        assertEquals(WireFormat.SMS_TPDU, e.format());
        assertEquals(expected, e.expected(), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
    }

    @Test
    void submitsStillGoToNumbersOnly() {
        assertThrows(IllegalArgumentException.class, () -> new SmsSubmit(0, SmsAddress.alphanumeric("MExE"), 0, 4,
                UserDataHeader.NONE, new byte[0]));
        assertFalse(SmsDeliverCodec.decode(SmsDeliverCodec.encode(SmsDeliver.ofText(SmsAddress.alphanumeric("MExE"), NOON,
                UserDataHeader.NONE, "x"))).moreMessagesToSend());
        assertArrayEquals(Hex.decode("78"), SmsDeliver.ofText(SmsAddress.alphanumeric("MExE"), NOON, UserDataHeader.NONE,
                "x").userData());
    }
}
