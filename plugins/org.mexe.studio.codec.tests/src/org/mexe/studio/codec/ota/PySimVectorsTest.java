package org.mexe.studio.codec.ota;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.WireFormat;

/**
 * The public vectors of osmocom pySim, tests/unittests/test_ota.py (classes Test_SMS_3DES,
 * Test_SMS_AES128 and SmsOtaTestCase), produced against sysmocom SJA5 cards and
 * pySim/ota.py's OtaDialectSms. Reproduced octet for octet.
 */
class PySimVectorsTest {

    private static final byte[] SELECT_MF = Hex.decode("00a40004023f00");
    /** Compact remote response (TS 102 226 5.1.2): one command, last status word 6132. */
    private static final byte[] ONE_COMMAND_6132 = Hex.decode("016132");
    private static final int USIM_RFM_TAR = 0xB00011;

    /** SJA5 sample cards' 3DES keyset, key version 3 (pySim OTA_KEYSET_SJA5_SAMPLES). */
    private static final OtaKeys SJA5_3DES = OtaKeys.of(Hex.decode("300102030405060708090a0b0c0d0e0f"),
            Hex.decode("301102030405060708090a0b0c0d0e0f"));
    /** SJA5 AES-128 keyset, key version 2 (pySim OTA_KEYSET_SJA5_AES128). */
    private static final OtaKeys SJA5_AES128 = OtaKeys.of(Hex.decode("200102030405060708090a0b0c0d0e0f"),
            Hex.decode("201102030405060708090a0b0c0d0e0f"));
    private static final int TDES_V3 = BlockCipher.TDES_2KEY.identifier(3);
    private static final int AES_V2 = BlockCipher.AES.identifier(2);

    /** pySim SmsOtaTestCase.testdatasets, one per entry. */
    enum SmsDataset {
        TDES_CIPHERED_CC(0x0619, TDES_V3, SJA5_3DES,
                "00201506193535b00011ae733256918d050b87c94fbfe12e4dc402f262c41cf67f2f",
                "027100001c12b000118bb989492c632529326a2f4681feb37c825bc9021c9f6d0b"),
        TDES_UNCIPHERED_CC(0x0609, TDES_V3, SJA5_3DES,
                "00201506093535b00011c49ac91ab8159ba5b83a54fb6385e0a5e31694f8b215fafc",
                "027100001612b0001100000000000000b5bcd6353a421fae016132"),
        TDES_UNCIPHERED_NOCC(0x0601, TDES_V3, SJA5_3DES,
                "00201506013535b000113190be334900f52b025f3f7eddfe868e96ebf310023b7769",
                "027100000e0ab0001100000000000000016132"),
        AES128_CIPHERED_CC(0x0619, AES_V2, SJA5_AES128,
                "00281506192222b00011e87cceebb2d93083011ce294f93fc4d8de80da1abae8c37ca3e72ec4432e5058",
                "027100002412b00011ebc6b497e2cad7aedf36ace0e3a29b38853f0fe9ccde81913be5702b73abce1f");

        final Spi spi;
        final int keyId;
        final OtaKeys keys;
        final String command;
        final String response;

        SmsDataset(int spi, int keyId, OtaKeys keys, String command, String response) {
            this.spi = Spi.decode(spi);
            this.keyId = keyId;
            this.keys = keys;
            this.command = command;
            this.response = response;
        }

        CommandPacket packet() {
            return new CommandPacket(spi, keyId, keyId, USIM_RFM_TAR, 0, SELECT_MF);
        }
    }

    @ParameterizedTest
    @EnumSource(SmsDataset.class)
    void encodesTheCommandExactly(SmsDataset set) {
        byte[] encoded = SimOtaCodec.encodeCommand(set.packet(), set.keys);
        assertEquals(set.command, Hex.encode(encoded).toLowerCase());
        assertEquals(set.packet(), SimOtaCodec.decodeCommand(encoded, set.keys));
    }

    @ParameterizedTest
    @EnumSource(SmsDataset.class)
    void theSmsDeliverCarriesTheUserData(SmsDataset set) {
        // pySim's encoded_tpdu: SMS-DELIVER OA 12345678, PID, DCS, SCTS 22705200000000, then UDL and UD.
        // pySim passes tp_udl=3 by hand, so its UDL octet is 03, not the real length: only the UD is compared.
        byte[] tpdu = Hex.decode("400881214365877ff62270520000000003" + "027000" + set.command);
        assertEquals(SimOtaCodec.PID, tpdu[7] & 0xFF);
        assertEquals(SimOtaCodec.DCS, tpdu[8] & 0xFF);
        byte[] userData = SimOtaCodec.commandUserData(SimOtaCodec.encodeCommand(set.packet(), set.keys));
        assertArrayEquals(Arrays.copyOfRange(tpdu, 17, tpdu.length), userData);
        assertArrayEquals(Hex.decode(set.command), SimOtaCodec.commandPacket(userData));
    }

    @ParameterizedTest
    @EnumSource(SmsDataset.class)
    void decodesTheProofOfReceipt(SmsDataset set) {
        ResponsePacket por = SimOtaCodec.decodeResponse(Hex.decode(set.response), set.spi, set.keyId, set.keyId, set.keys);
        assertEquals(Optional.of(PorStatus.POR_OK), por.status());
        assertEquals(USIM_RFM_TAR, por.tar());
        assertEquals(0, por.counter());
        assertArrayEquals(ONE_COMMAND_6132, por.data());
        // The card's padding choice is ours too, so encoding gives the card's octets back.
        assertEquals(set.response, Hex.encode(SimOtaCodec.encodeResponse(por, set.spi, set.keyId, set.keyId, set.keys)).toLowerCase());
    }

    // pySim Test_SMS_3DES: keyset of card 8988211000000467285, key version 3, RAM TAR B00000.
    private static final OtaKeys CARD_3DES = OtaKeys.of(Hex.decode("C21DD66ACAC13CB3BC8B331B24AFB57B"),
            Hex.decode("12110C78E678C25408233076AA033615"));
    private static final byte[] SELECT_MF_P2_00 = Hex.decode("00a40000023f00");
    private static final int RAM_TAR = 0xB00000;

    private static CommandPacket ramCommand(int spi) {
        return new CommandPacket(Spi.decode(spi), TDES_V3, TDES_V3, RAM_TAR, 0, SELECT_MF_P2_00);
    }

    @Test
    void tdesCipheredWithoutChecksum() {
        assertEquals("00180d04193535b00000e3ec80a849b554421276af3883927c20",
                Hex.encode(SimOtaCodec.encodeCommand(ramCommand(0x0419), CARD_3DES)).toLowerCase());
    }

    /**
     * pySim returns unciphered commands without their CPL (its encode_cmd drops it on that branch), but
     * computes the CC with it: these vectors are the packet from CHL on.
     */
    @Test
    void tdesSignedAndPlain() {
        byte[] signed = SimOtaCodec.encodeCommand(ramCommand(0x0219), CARD_3DES);
        assertEquals("001d", Hex.encode(Arrays.copyOf(signed, 2)).toLowerCase());
        assertEquals("1502193535b00000000000000000072ea17bdb72060e00a40000023f00",
                Hex.encode(Arrays.copyOfRange(signed, 2, signed.length)).toLowerCase());
        byte[] plain = SimOtaCodec.encodeCommand(ramCommand(0x0019), CARD_3DES);
        assertEquals("0015" + "0d00193535b0000000000000000000a40000023f00", Hex.encode(plain).toLowerCase());
    }

    @Test
    void tdesProofsOfReceipt() {
        byte[] sw612f = Hex.decode("01612f");
        assertArrayEquals(sw612f, SimOtaCodec.decodeResponse(Hex.decode("027100001c12b000119660ebdb81be189b5e4389e9e7ab2bc0954f963ad869ed7c"),
                Spi.decode(0x0019), TDES_V3, TDES_V3, CARD_3DES).data());
        assertArrayEquals(sw612f, SimOtaCodec.decodeResponse(Hex.decode("027100001612b000110000000000000055f47118381175fb01612f"),
                Spi.decode(0x0009), TDES_V3, TDES_V3, CARD_3DES).data());
        assertArrayEquals(sw612f, SimOtaCodec.decodeResponse(Hex.decode("027100000e0ab000110000000000000001612f"),
                Spi.decode(0x0001), TDES_V3, TDES_V3, CARD_3DES).data());
    }

    /** pySim test_resp_3des_signed_err: the number of commands changed from 01 to 02. */
    @Test
    void aTamperedProofOfReceiptFailsAtTheCc() {
        DecodeException e = assertThrows(DecodeException.class,
                () -> SimOtaCodec.decodeResponse(Hex.decode("027100001612b000110000000000000055f47118381175fb02612f"),
                        Spi.decode(0x0009), TDES_V3, TDES_V3, CARD_3DES));
        assertEquals(WireFormat.SIM_OTA, e.format());
        assertEquals(16, e.offset(), "the CC follows UDH, RPL, RHL, TAR, CNTR, PCNTR and status");
        assertTrue(e.expected().contains("CC"), e.getMessage());
    }
}
