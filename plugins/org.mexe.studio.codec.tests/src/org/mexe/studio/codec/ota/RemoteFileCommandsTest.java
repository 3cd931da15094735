package org.mexe.studio.codec.ota;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.ota.RemoteFileCommands.BinaryWrite;
import org.mexe.studio.codec.ota.RemoteFileCommands.RecordWrite;

class RemoteFileCommandsTest {

    private static final int[] EF_TKCDF = { 0x7FFF, 0x5F3C, 0x4F44 };
    private static final int[] EF_ORPK = { 0x7FFF, 0x5F3C, 0x4F41 };
    private static final Spi SPI_1621 = Spi.decode(0x1621);

    @Test
    void commandsAreCodedAsTs102221Says() {
        assertEquals("00A4080C067FFF5F3C4F41", Hex.encode(RemoteFileCommands.selectByPath(EF_ORPK)));
        assertEquals("00D60102030A0B0C", Hex.encode(RemoteFileCommands.updateBinary(0x0102, Hex.decode("0A0B0C"))));
        assertEquals("00DC030402CAFE", Hex.encode(RemoteFileCommands.updateRecord(3, Hex.decode("CAFE"))));
        assertThrows(IllegalArgumentException.class, () -> RemoteFileCommands.updateBinary(0x8000, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> RemoteFileCommands.updateRecord(0, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> RemoteFileCommands.updateBinary(0, new byte[256]));
        assertThrows(IllegalArgumentException.class, () -> RemoteFileCommands.selectByPath(0x3F00, 0x7F20));
    }

    @Test
    void aTransparentFileIsSplitInOrderAndEveryPacketSelectsItsFile() {
        byte[] certificate = new byte[900];
        for (int i = 0; i < certificate.length; i++) {
            certificate[i] = (byte) (i * 7);
        }
        byte[] record = new byte[30];
        List<byte[]> packets = RemoteFileCommands.pack(List.of(new BinaryWrite(EF_TKCDF, certificate), new RecordWrite(EF_ORPK, 1, record)), 98);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        int records = 0;
        for (byte[] packet : packets) {
            assertTrue(packet.length <= 98, "packet of " + packet.length);
            assertEquals(0xA4, packet[1] & 0xFF, "each packet starts with a SELECT: a packet is a command session");
            for (int at = 0; at < packet.length; at += 5 + (packet[at + 4] & 0xFF)) {
                byte[] data = Arrays.copyOfRange(packet, at + 5, at + 5 + (packet[at + 4] & 0xFF));
                switch (packet[at + 1] & 0xFF) {
                    case 0xD6 -> {
                        assertEquals(written.size(), (packet[at + 2] & 0xFF) << 8 | packet[at + 3] & 0xFF);
                        written.writeBytes(data);
                    }
                    case 0xDC -> {
                        records++;
                        assertArrayEquals(record, data);
                    }
                    case 0xA4 -> {
                    }
                    default -> throw new AssertionError(Hex.encode(packet));
                }
            }
        }
        assertArrayEquals(certificate, written.toByteArray());
        assertEquals(1, records);
        assertEquals(12, packets.size(), "82 octets of certificate a packet, the record shares the last one");
    }

    @Test
    void aRecordIsNeverSplit() {
        List<byte[]> packets = RemoteFileCommands.pack(List.of(new RecordWrite(EF_ORPK, 1, new byte[30]), new RecordWrite(EF_ORPK, 2, new byte[30]),
                new RecordWrite(EF_ORPK, 3, new byte[30])), 80);
        assertEquals(3, packets.size(), "11 + 35 + 35 is 81, one more than fits: each record goes with its own SELECT");
        assertThrows(IllegalArgumentException.class, () -> RemoteFileCommands.pack(List.of(new RecordWrite(EF_ORPK, 1, new byte[70])), 80));
    }

    @Test
    void oneSmsCarriesAsManyCommandsAsTheCipherLeaves() {
        OtaKeys aes = OtaKeys.of(new byte[16], new byte[16]);
        int aesCapacity = SimOtaCodec.maxSecuredData(SPI_1621, BlockCipher.AES.identifier(2), BlockCipher.AES.identifier(2), aes);
        // UDH 3 + CPL 2 + CHL 1 + SPI..TAR 7 + CNTR, PCNTR, CC 8 and the data, padded to 16: 27 + 98 = 125 of 140; 114 would not fit.
        assertEquals(98, aesCapacity);
        int tdesCapacity = SimOtaCodec.maxSecuredData(SPI_1621, BlockCipher.TDES_2KEY.identifier(1), BlockCipher.TDES_2KEY.identifier(1), aes);
        assertEquals(106, tdesCapacity, "8-octet blocks waste less padding");
        byte[] full = SimOtaCodec.encodeCommand(new CommandPacket(SPI_1621, 0x22, 0x22, 0xB00010, 1, new byte[aesCapacity]), aes);
        assertTrue(SimOtaCodec.commandUserData(full).length <= SimOtaCodec.MAX_USER_DATA);
    }
}
