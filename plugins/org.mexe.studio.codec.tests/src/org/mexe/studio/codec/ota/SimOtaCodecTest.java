package org.mexe.studio.codec.ota;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.MessageTooLongException;
import org.mexe.studio.codec.WireFormat;
import org.mexe.studio.codec.ota.Spi.CounterMode;
import org.mexe.studio.codec.ota.Spi.Integrity;
import org.mexe.studio.codec.ota.Spi.PorRequest;

class SimOtaCodecTest {

    private static final int TAR = 0xB00010;

    /** A ciphering or CC algorithm with a key of one of its lengths. */
    private record Keyed(BlockCipher cipher, byte[] key) {
        @Override
        public String toString() {
            return cipher + "-" + key.length * 8;
        }
    }

    private static List<Keyed> keyed() {
        return List.of(new Keyed(BlockCipher.DES, key(8, 0x10)), new Keyed(BlockCipher.TDES_2KEY, key(16, 0x20)),
                new Keyed(BlockCipher.TDES_3KEY, key(24, 0x30)), new Keyed(BlockCipher.AES, key(16, 0x40)),
                new Keyed(BlockCipher.AES, key(24, 0x50)), new Keyed(BlockCipher.AES, key(32, 0x60)));
    }

    private static byte[] key(int length, int first) {
        byte[] key = new byte[length];
        for (int i = 0; i < length; i++) {
            key[i] = (byte) (first + i * 7);
        }
        return key;
    }

    private static Spi spi(Integrity integrity, boolean ciphered) {
        return new Spi(integrity, ciphered, CounterMode.HIGHER, PorRequest.ALWAYS, integrity, ciphered, true);
    }

    /** Every KIc algorithm and key size with every RC and CC, ciphered or not, over data lengths around block edges. */
    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (Keyed kic : keyed()) {
            for (boolean ciphered : new boolean[] { true, false }) {
                for (int length : new int[] { 0, 1, 7, 8, 9, 15, 16, 17, 100 }) {
                    all.add(Arguments.of(kic, ciphered, Integrity.NONE, 0x00, null, length));
                    all.add(Arguments.of(kic, ciphered, Integrity.RC, Crc.CRC16.identifier(1), null, length));
                    all.add(Arguments.of(kic, ciphered, Integrity.RC, Crc.CRC32.identifier(1), null, length));
                    for (Keyed kid : keyed()) {
                        all.add(Arguments.of(kic, ciphered, Integrity.CC, kid.cipher().identifier(1), kid, length));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} ciphered={1} {2} KID {3} {4} {5} octets")
    @MethodSource("combinations")
    void commandsAndResponsesRoundTrip(Keyed kic, boolean ciphered, Integrity integrity, int kid, Keyed kidKey, int length) {
        OtaKeys keys = OtaKeys.of(kic.key(), kidKey == null ? null : kidKey.key());
        Spi spi = spi(integrity, ciphered);
        CommandPacket command = new CommandPacket(spi, kic.cipher().identifier(1), kid, TAR, 0x0102030405L, key(length, 0x77));
        byte[] packet = SimOtaCodec.encodeCommand(command, keys);

        int checksum = switch (integrity) {
            case NONE -> 0;
            case RC -> kid == Crc.CRC16.identifier(1) ? 2 : 4;
            default -> 8;
        };
        int padding = ciphered ? Math.floorMod(-(6 + checksum + length), kic.cipher().blockSize()) : 0;
        assertEquals(packet.length - 2, (packet[0] & 0xFF) << 8 | packet[1] & 0xFF, "CPL");
        assertEquals(13 + checksum, packet[2] & 0xFF, "CHL");
        assertEquals(16 + checksum + length + padding, packet.length);
        if (ciphered) {
            assertEquals(0, (packet.length - 10) % kic.cipher().blockSize(), "ciphered part in whole blocks");
        } else {
            assertEquals("0102030405", Hex.encode(Arrays.copyOfRange(packet, 10, 15)), "CNTR in clear");
            assertEquals(0, packet[15], "PCNTR");
        }
        assertEquals(command, SimOtaCodec.decodeCommand(packet, keys));

        ResponsePacket response = new ResponsePacket(TAR, 0x0102030405L, 0x00, key(length, 0x11));
        byte[] userData = SimOtaCodec.encodeResponse(response, spi, command.kic(), kid, keys);
        assertEquals("027100", Hex.encode(Arrays.copyOf(userData, 3)).toLowerCase());
        assertEquals(10 + checksum, userData[5] & 0xFF, "RHL");
        assertEquals(response, SimOtaCodec.decodeResponse(userData, spi, command.kic(), kid, keys));
    }

    private static final OtaKeys AES_KEYS = OtaKeys.of(key(16, 1), key(16, 2));
    private static final int AES_ID = BlockCipher.AES.identifier(2);

    private static byte[] signedCommand(boolean ciphered) {
        return SimOtaCodec.encodeCommand(new CommandPacket(spi(Integrity.CC, ciphered), AES_ID, AES_ID, TAR, 7,
                Hex.decode("80E60C00")), AES_KEYS);
    }

    @Test
    void everyChangedOctetAfterTheCplIsDetected() {
        for (boolean ciphered : new boolean[] { true, false }) {
            byte[] packet = signedCommand(ciphered);
            for (int i = 2; i < packet.length; i++) {
                byte[] tampered = packet.clone();
                tampered[i] ^= 0x01;
                DecodeException e = assertThrows(DecodeException.class, () -> SimOtaCodec.decodeCommand(tampered, AES_KEYS),
                        "octet " + i + " ciphered=" + ciphered);
                assertEquals(WireFormat.SIM_OTA, e.format());
            }
        }
    }

    @Test
    void aWrongCcIsReportedAtItsOffset() {
        for (int i : new int[] { 7, 10, 16, 23, 24 }) {
            byte[] tampered = signedCommand(false);
            tampered[i] ^= (byte) 0x80;
            DecodeException e = assertThrows(DecodeException.class, () -> SimOtaCodec.decodeCommand(tampered, AES_KEYS));
            assertEquals(16, e.offset(), "octet " + i);
            assertTrue(e.getMessage().contains("CC"), e.getMessage());
        }
        OtaKeys otherKid = OtaKeys.of(key(16, 1), key(16, 3));
        assertEquals(16, assertThrows(DecodeException.class, () -> SimOtaCodec.decodeCommand(signedCommand(true), otherKid)).offset());
    }

    @Test
    void aWrongRcIsDetected() {
        for (Crc crc : Crc.values()) {
            byte[] packet = SimOtaCodec.encodeCommand(
                    new CommandPacket(spi(Integrity.RC, false), 0, crc.identifier(0), TAR, 1, Hex.decode("A0A4000002")), OtaKeys.none());
            packet[packet.length - 1] ^= 0x01;
            DecodeException e = assertThrows(DecodeException.class, () -> SimOtaCodec.decodeCommand(packet, OtaKeys.none()));
            assertEquals(16, e.offset());
            assertTrue(e.getMessage().contains("RC"), e.getMessage());
        }
    }

    /** The catalogue check values of CRC-16/X-25 and CRC-32 (ISO/IEC 13239) over "123456789". */
    @Test
    void crcsMatchTheirCheckValues() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals("906E", Hex.encode(Crc.CRC16.compute(check)));
        assertEquals("CBF43926", Hex.encode(Crc.CRC32.compute(check)));
    }

    /** RFC 4493 section 4 examples 1 and 2, truncated to the CC's 8 octets. */
    @Test
    void aesCmacMatchesRfc4493() {
        byte[] key = Hex.decode("2b7e151628aed2a6abf7158809cf4f3c");
        assertEquals("BB1D6929E9593728", Hex.encode(OtaCrypto.checksum(BlockCipher.AES, key, new byte[0])));
        assertEquals("070A16B46B4D4144", Hex.encode(OtaCrypto.checksum(BlockCipher.AES, key, Hex.decode("6bc1bee22e409f96e93d7e117393172a"))));
    }

    /** 3DES with K1 = K2 is single DES, so the two must cipher and sign alike (the CC covers KIc/KID, so it is compared alone). */
    @Test
    void desAgreesWithDegenerateTripleDes() {
        byte[] k = key(8, 0x5A);
        byte[] kk = Arrays.copyOf(k, 16);
        System.arraycopy(k, 0, kk, 8, 8);
        byte[] des = SimOtaCodec.encodeCommand(new CommandPacket(spi(Integrity.NONE, true), BlockCipher.DES.identifier(1), 0, TAR, 3,
                key(20, 9)), OtaKeys.of(k, null));
        byte[] tdes = SimOtaCodec.encodeCommand(new CommandPacket(spi(Integrity.NONE, true), BlockCipher.TDES_2KEY.identifier(1), 0, TAR,
                3, key(20, 9)), OtaKeys.of(kk, null));
        assertArrayEquals(Arrays.copyOfRange(des, 6, des.length), Arrays.copyOfRange(tdes, 6, tdes.length));
        assertArrayEquals(OtaCrypto.checksum(BlockCipher.DES, k, key(13, 1)), OtaCrypto.checksum(BlockCipher.TDES_2KEY, kk, key(13, 1)));
    }

    @Test
    void paddingFillsTheLastBlockExactly() {
        OtaKeys keys = OtaKeys.of(key(16, 1), null);
        int kic = BlockCipher.AES.identifier(1);
        // 6 (CNTR, PCNTR) + 10 octets of data = one AES block: no padding.
        byte[] exact = SimOtaCodec.encodeCommand(new CommandPacket(spi(Integrity.NONE, true), kic, 0, TAR, 0, new byte[10]), keys);
        assertEquals(10 + 16, exact.length);
        // One more octet needs 15 octets of padding.
        byte[] over = SimOtaCodec.encodeCommand(new CommandPacket(spi(Integrity.NONE, true), kic, 0, TAR, 0, new byte[11]), keys);
        assertEquals(10 + 32, over.length);
        assertArrayEquals(new byte[11], SimOtaCodec.decodeCommand(over, keys).data());
    }

    @Test
    void theCounterUsesAllFortyBits() {
        CommandPacket max = new CommandPacket(spi(Integrity.NONE, false), 0, 0, TAR, CommandPacket.MAX_COUNTER, new byte[0]);
        byte[] packet = SimOtaCodec.encodeCommand(max, OtaKeys.none());
        assertEquals("FFFFFFFFFF", Hex.encode(Arrays.copyOfRange(packet, 10, 15)));
        assertEquals(CommandPacket.MAX_COUNTER, SimOtaCodec.decodeCommand(packet, OtaKeys.none()).counter());
        assertThrows(IllegalArgumentException.class,
                () -> new CommandPacket(spi(Integrity.NONE, false), 0, 0, TAR, CommandPacket.MAX_COUNTER + 1, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new CommandPacket(spi(Integrity.NONE, false), 0, 0, TAR, -1, new byte[0]));
    }

    @Test
    void counterModesFollowTs102225() {
        assertTrue(CounterMode.NO_COUNTER.accepts(5, 0));
        assertTrue(CounterMode.NO_REPLAY_CHECK.accepts(5, 5));
        assertTrue(CounterMode.HIGHER.accepts(5, 9));
        assertFalse(CounterMode.HIGHER.accepts(5, 5));
        assertTrue(CounterMode.ONE_HIGHER.accepts(5, 6));
        assertFalse(CounterMode.ONE_HIGHER.accepts(5, 7));
        assertEquals(0x1621, new Spi(Integrity.CC, true, CounterMode.HIGHER, PorRequest.ALWAYS, Integrity.NONE, false, true).encode());
    }

    @Test
    void spiCodingsRoundTripAndReservedOnesAreRefused() {
        IntStream.range(0, 0x10000).filter(v -> (v & 0xE0C0) == 0 && (v & 0x03) != 0x03)
                .forEach(v -> assertEquals(v, Spi.decode(v).encode(), Integer.toHexString(v)));
        for (int reserved : new int[] { 0x2000, 0x0040, 0x0003 }) {
            assertThrows(IllegalArgumentException.class, () -> Spi.decode(reserved));
        }
    }

    @Test
    void aSingleSmsHoldsAt137OctetsOfPacket() {
        byte[] largest = new byte[137];
        assertEquals(SimOtaCodec.MAX_USER_DATA, SimOtaCodec.commandUserData(largest).length);
        MessageTooLongException e = assertThrows(MessageTooLongException.class, () -> SimOtaCodec.commandUserData(new byte[138]));
        assertEquals(141, e.payloadLength());
        // 137 octets of packet: 16 octets of header and 121 of data when neither signed nor ciphered.
        byte[] packet = SimOtaCodec.encodeCommand(new CommandPacket(spi(Integrity.NONE, false), 0, 0, TAR, 0, new byte[121]), OtaKeys.none());
        assertEquals(137, packet.length);
    }

    @Test
    void malformedCommandsAreReportedWithOffsets() {
        byte[] plain = SimOtaCodec.encodeCommand(new CommandPacket(spi(Integrity.NONE, false), 0, 0, TAR, 0, Hex.decode("0102")),
                OtaKeys.none());
        assertError(1, Hex.decode("00"), OtaKeys.none());
        assertError(0, Arrays.copyOf(plain, plain.length - 1), OtaKeys.none());
        byte[] chl = plain.clone();
        chl[2] = 12;
        assertError(2, chl, OtaKeys.none());
        byte[] reserved = plain.clone();
        reserved[3] = (byte) 0x80;
        assertError(3, reserved, OtaKeys.none());
        byte[] ds = plain.clone();
        ds[3] = 0x03;
        assertError(3, ds, OtaKeys.none());
        byte[] pcntr = plain.clone();
        pcntr[15] = 3;
        assertError(15, pcntr, OtaKeys.none());

        byte[] ciphered = signedCommand(true);
        byte[] ecb = ciphered.clone();
        ecb[5] = 0x1D; // DES in ECB mode: not supported
        assertError(5, ecb, AES_KEYS);
        byte[] shortBlock = Arrays.copyOf(ciphered, ciphered.length - 1);
        shortBlock[1]--;
        assertError(10, shortBlock, AES_KEYS);
    }

    @Test
    void malformedResponsesAreReportedWithOffsets() {
        Spi spi = Spi.decode(0x0001);
        byte[] por = Hex.decode("027100000e0ab000110000000000000001612f");
        for (int i : new int[] { 0, 1, 2 }) {
            byte[] udh = por.clone();
            udh[i] ^= 0x01;
            assertEquals(i, assertThrows(DecodeException.class, () -> SimOtaCodec.decodeResponse(udh, spi, 0, 0, OtaKeys.none())).offset());
        }
        byte[] rhl = por.clone();
        rhl[5] = 0x12;
        assertEquals(5, assertThrows(DecodeException.class, () -> SimOtaCodec.decodeResponse(rhl, spi, 0, 0, OtaKeys.none())).offset());
        assertEquals(3, assertThrows(DecodeException.class,
                () -> SimOtaCodec.decodeResponse(Arrays.copyOf(por, por.length - 1), spi, 0, 0, OtaKeys.none())).offset());
        ResponsePacket decoded = SimOtaCodec.decodeResponse(por, spi, 0, 0, OtaKeys.none());
        assertEquals(0xB00011, decoded.tar());
        assertEquals(PorStatus.POR_OK, decoded.status().orElseThrow());
    }

    private static void assertError(int offset, byte[] packet, OtaKeys keys) {
        DecodeException e = assertThrows(DecodeException.class, () -> SimOtaCodec.decodeCommand(packet, keys));
        assertEquals(WireFormat.SIM_OTA, e.format());
        assertEquals(offset, e.offset(), e.getMessage());
    }

    @Test
    void keysOfTheWrongLengthAreRefusedWithoutShowingThem() {
        byte[] secret = Hex.decode("0123456789ABCDEF0123456789ABCD");
        CommandPacket aes = new CommandPacket(spi(Integrity.CC, true), AES_ID, AES_ID, TAR, 0, new byte[4]);
        InvalidOtaKeyException e = assertThrows(InvalidOtaKeyException.class,
                () -> SimOtaCodec.encodeCommand(aes, OtaKeys.of(secret, key(16, 0))));
        assertEquals("KIc key for AES must be 16 or 24 or 32 bytes, got 15 bytes", e.getMessage());
        CommandPacket tdes = new CommandPacket(spi(Integrity.CC, false), 0, BlockCipher.TDES_3KEY.identifier(1), TAR, 0, new byte[4]);
        e = assertThrows(InvalidOtaKeyException.class, () -> SimOtaCodec.encodeCommand(tdes, OtaKeys.of(null, key(16, 0))));
        assertEquals("KID key for 3DES 3-key must be 24 bytes, got 16 bytes", e.getMessage());
        e = assertThrows(InvalidOtaKeyException.class, () -> SimOtaCodec.encodeCommand(aes, OtaKeys.none()));
        assertTrue(e.getMessage().contains("none was given"), e.getMessage());
        OtaKeys keys = OtaKeys.of(secret, secret);
        assertFalse(keys.toString().toUpperCase().contains("0123"), keys.toString());
    }

    @Test
    void unsupportedAlgorithmsAreRefused() {
        CommandPacket implicit = new CommandPacket(spi(Integrity.NONE, true), 0x10, 0, TAR, 0, new byte[4]);
        assertThrows(IllegalArgumentException.class, () -> SimOtaCodec.encodeCommand(implicit, AES_KEYS));
        CommandPacket ds = new CommandPacket(spi(Integrity.DS, false), 0, 0, TAR, 0, new byte[4]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimOtaCodec.encodeCommand(ds, AES_KEYS));
        assertTrue(e.getMessage().contains("DS"), e.getMessage());
    }
}
