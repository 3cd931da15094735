package org.mexe.studio.codec.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.WireFormat;
import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;

class SmsSubmitCodecTest {

    private static final SmsAddress SWEDEN = SmsAddress.international("46708251358");
    private static final UserDataHeader PORTS = new UserDataHeader(List.of(ApplicationPorts.WAP_PUSH));

    private static SmsSubmit submit(SmsAddress destination, UserDataHeader header, String payloadHex) {
        return new SmsSubmit(7, destination, SmsSubmit.PID_DEFAULT, SmsSubmit.DCS_8BIT_DATA, header, Hex.decode(payloadHex));
    }

    @Test
    void encodesAWapPushSubmit() {
        assertEquals("41 07 0B 91 64 07 28 15 53 F8 00 04 0B 06 05 04 0B 84 23 F0 01 06 01 B6",
                Hex.encodeSpaced(SmsSubmitCodec.encode(submit(SWEDEN, PORTS, "01 06 01 B6"))));
    }

    @Test
    void encodesAddressesAsSemiOctets() {
        assertEquals("0A A1 70 10 32 54 76", address(SmsAddress.national("0701234567")));
        assertEquals("05 81 1A 00 FB", address(new SmsAddress(TypeOfNumber.UNKNOWN, "*100#")));
        assertEquals("0B 91 64 07 28 15 53 F8", address(SWEDEN));
    }

    private static String address(SmsAddress address) {
        byte[] tpdu = SmsSubmitCodec.encode(submit(address, UserDataHeader.NONE, ""));
        return Hex.encodeSpaced(Arrays.copyOfRange(tpdu, 2, tpdu.length - 3));
    }

    @Test
    void withoutHeaderTheUdhiBitIsClear() {
        assertEquals("01 07 05 81 1A 00 FB 00 04 02 AB CD",
                Hex.encodeSpaced(SmsSubmitCodec.encode(submit(new SmsAddress(TypeOfNumber.UNKNOWN, "*100#"), UserDataHeader.NONE, "AB CD"))));
    }

    @Test
    void decodesWhatItEncodes() {
        for (SmsSubmit original : List.of(submit(SWEDEN, PORTS, "01 06 01 B6"),
                submit(SmsAddress.national("0701234567"), UserDataHeader.NONE, "00 FF"),
                submit(new SmsAddress(TypeOfNumber.UNKNOWN, "*100#"), new UserDataHeader(List.of(
                        new InformationElement.Other(0x24, Hex.decode("01")), ApplicationPorts.WAP_PUSH)), ""))) {
            assertEquals(original, SmsSubmitCodec.decode(SmsSubmitCodec.encode(original)));
        }
    }

    @Test
    void keepsAValidityPeriodAndAcceptsClassOneData() {
        // VPF relative (0x10) with TP-VP AA, DCS F5 (8-bit, class 1).
        SmsSubmit decoded = SmsSubmitCodec.decode(Hex.decode("51 07 0B 91 64 07 28 15 53 F8 00 F5 AA 0B 06 05 04 0B 84 23 F0 01 06 01 B6"));
        assertEquals(new SmsSubmit(7, SWEDEN, 0x00, 0xF5, PORTS, Hex.decode("01 06 01 B6"),
                new ValidityPeriod.Relative(0xAA)), decoded);
    }

    @Test
    void reportsMalformedTpdus() {
        assertFailure("44 07 0B 91 64 07 28 15 53 F8 00 04 00", 0, "SMS-SUBMIT (TP-MTI 01)");
        assertFailure("41 07 0B D0 64 07 28 15 53 F8 00 04 00", 3,
                "ISDN numbering plan with unknown, international or national number");
        assertFailure("41 07 02 91 C1 00 04 00", 4, "address digit 0-9, * or #");
        assertFailure("41 07 0B 91 64 07 28 15 53 F8 00 00 00", 11, "TP-DCS for 8-bit data");
        assertFailure("41 07 0B 91 64 07 28 15 53 F8 00 04 8D", 12, "TP-UDL of at most 140");
        assertFailure("41 07 0B 91 64 07 28 15 53 F8 00 04 06 04 05 04 0B 84", 13, "6 octets of TP-UD up to the end of the TPDU");
        assertFailure("41 07 0B 91 64 07 28 15 53 F8 00 04 06 05 00 03 2A 02 03", 14,
                "concatenation part between 1 and the part count");
        assertFailure("41 07 0B 91 64 07 28 15 53 F8 00 04 05 04 00 02 2A 02", 14, "8-bit concatenation element of 3 octets");
        assertFailure("41 07 0B 91 64 07 28 15 53 F8 00 04 03 07 05 04", 14, "user data header of 7 octets");
    }

    private static void assertFailure(String hex, int offset, String expected) {
        DecodeException e = assertThrows(DecodeException.class, () -> SmsSubmitCodec.decode(Hex.decode(hex)), hex);
        assertEquals(WireFormat.SMS_TPDU, e.format());
        assertEquals(expected, e.expected(), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
    }

    @Test
    void rejectsUserDataBeyond140Octets() {
        assertThrows(IllegalArgumentException.class,
                () -> new SmsSubmit(0, SWEDEN, 0, 4, PORTS, new byte[134]));
        assertEquals(140, SmsSubmitCodec.encode(new SmsSubmit(0, SWEDEN, 0, 4, PORTS, new byte[133]))[12] & 0xFF);
    }
}
