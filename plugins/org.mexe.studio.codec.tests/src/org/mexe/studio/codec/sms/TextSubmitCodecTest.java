package org.mexe.studio.codec.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.text.UnencodableCharacterException;

/** The text SMS-SUBMIT of a subscriber's or SIM Toolkit's request (tshark reads it in the generator's tests). */
class TextSubmitCodecTest {

    @Test
    void aKeywordToAShortNumberIsOnePackedSeptetMessage() {
        // 01 SUBMIT, MR 00, DA 4 digits national ISDN "2000", PID 00, DCS 00 (GSM 7-bit), UDL 5 septets, "SETUP" packed.
        assertEquals("010004A1020000000" + "5D322B50A05", Hex.encode(TextSubmitCodec.encode(0, SmsAddress.parse("2000"), "SETUP")));
    }

    @Test
    void strictAboutWhatOneMessageCannotCarry() {
        UnencodableCharacterException notGsm = assertThrows(UnencodableCharacterException.class,
                () -> TextSubmitCodec.encode(0, SmsAddress.parse("2000"), "SET\u4E00"));
        assertTrue(notGsm.getMessage().contains("index 3"), notGsm.getMessage());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> TextSubmitCodec.encode(0, SmsAddress.parse("2000"), "x".repeat(161)));
        assertTrue(tooLong.getMessage().contains("161 septets; one SMS holds 160"), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TextSubmitCodec.encode(0, SmsAddress.alphanumeric("Fjord"), "SETUP"));
        assertEquals(160 * 7 / 8, TextSubmitCodec.encode(0, SmsAddress.parse("2000"), "x".repeat(160)).length - 9);
    }

    @Test
    void readsThePublishedHelloHelloSubmit() {
        // The SMS-SUBMIT of "SMS and the PDU format" (Lars Pettersson, dreamfabric.com, the example every PDU tutorial
        // quotes): 07 91 SMSC dropped as an SMSC receives it; first octet 11 (relative validity period), to +46708251358.
        TextSubmitCodec.Text text = TextSubmitCodec.decode(Hex.decode("11000B916407281553F80000AA0AE8329BFD4697D9EC37"));
        assertEquals("hellohello", text.text());
        assertEquals(SmsAddress.international("46708251358"), text.destination());
    }

    @Test
    void readsWhatItWrites() {
        // Regression lock on our own encoder; the published vector above is the independent check.
        TextSubmitCodec.Text text = TextSubmitCodec.decode(TextSubmitCodec.encode(7, SmsAddress.parse("2000"), "SETUP"));
        assertEquals("SETUP", text.text());
        assertEquals("2000", text.destination().digits());
    }

    @Test
    void refusesWhatIsNoTextRequestNamingTheOctet() {
        var deliver = assertThrows(org.mexe.studio.codec.DecodeException.class, () -> TextSubmitCodec.decode(Hex.decode("0400")));
        assertTrue(deliver.getMessage().contains("TP-MTI 01"), deliver.getMessage());
        var eightBit = assertThrows(org.mexe.studio.codec.DecodeException.class,
                () -> TextSubmitCodec.decode(Hex.decode("010004A10200000405D322B50A05")));
        assertTrue(eightBit.getMessage().contains("GSM 7-bit"), eightBit.getMessage());
        var truncated = assertThrows(org.mexe.studio.codec.DecodeException.class,
                () -> TextSubmitCodec.decode(Hex.decode("010004A10200000005D322B5")));
        assertTrue(truncated.getMessage().contains("octets of TP-UD"), truncated.getMessage());
    }
}
