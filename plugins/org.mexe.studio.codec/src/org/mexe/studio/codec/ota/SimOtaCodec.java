package org.mexe.studio.codec.ota;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Function;

import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.MessageTooLongException;
import org.mexe.studio.codec.WireFormat;
import org.mexe.studio.codec.internal.ByteReader;

/**
 * SIM OTA secured packets for SMS-PP: 3GPP TS 31.115 on ETSI TS 102 225.
 *
 * <p>Command packet: {@code CPL(2) CHL SPI(2) KIc KID TAR(3) CNTR(5) PCNTR RC/CC secured-data}. When
 * the SPI asks for ciphering, CNTR to the end is ciphered with KIc in CBC mode (zero IV), the secured
 * data first zero-padded to the block size, PCNTR counting the padding. The RC/CC is computed in
 * clear over {@code CPL..PCNTR} and the padded secured data.
 *
 * <p>Response packet (PoR), as SMS user data: {@code 02 71 00 RPL(2) RHL TAR(3) CNTR(5) PCNTR status
 * RC/CC data}; ciphering covers CNTR to the end; the RC/CC also covers the user data header.
 *
 * <p>{@link DecodeException} offsets ({@link WireFormat#SIM_OTA}) count from the first octet given to
 * the decoder: CPL for commands, the UDHL for responses. A wrong RC/CC is reported at the RC/CC's
 * offset. Digital signatures (DS) and concatenated packets are not supported.
 */
public final class SimOtaCodec {

    /** TP-PID of an SMS-PP carrying a secured packet: (U)SIM data download. */
    public static final int PID = 0x7F;
    /** TP-DCS: class 2 (SIM specific), 8-bit data. */
    public static final int DCS = 0xF6;
    /** One SMS carries at most 140 octets of user data. */
    public static final int MAX_USER_DATA = 140;

    /** UDHL 2, IEI 70 (command packet identifier), length 0: TS 31.115 clause 4.2. */
    private static final byte[] COMMAND_UDH = { 0x02, 0x70, 0x00 };
    /** UDHL 2, IEI 71 (response packet identifier), length 0: TS 31.115 clause 4.4. */
    private static final byte[] RESPONSE_UDH = { 0x02, 0x71, 0x00 };

    /** SPI(2) KIc KID TAR(3) CNTR(5) PCNTR: the CHL without RC/CC/DS. */
    private static final int COMMAND_HEADER_FIXED = 13;
    /** TAR(3) CNTR(5) PCNTR status: the RHL without RC/CC/DS. */
    private static final int RESPONSE_HEADER_FIXED = 10;
    private static final int COMMAND_CIPHER_START = 10;
    private static final int RESPONSE_CIPHER_START = 9;
    /** Octets before the RC/CC, in both packets' clear layout. */
    private static final int CHECKSUM_OFFSET = 16;
    private static final int COUNTER_LENGTH = 5;

    private SimOtaCodec() {
    }

    /**
     * The command packet's octets, from CPL.
     *
     * @throws InvalidOtaKeyException when a key the SPI needs is missing or of the wrong length
     * @throws IllegalArgumentException when KIc/KID names no supported algorithm, the SPI asks for DS,
     *         or the packet exceeds 65535 octets
     */
    public static byte[] encodeCommand(CommandPacket command, OtaKeys keys) {
        Spi spi = command.spi();
        Checksum checksum = Checksum.of(spi.integrity(), command.kid(), keys, IllegalArgumentException::new);
        BlockCipher cipher = spi.ciphered() ? cipher(command.kic(), IllegalArgumentException::new) : null;
        byte[] data = command.data();
        int padding = cipher == null ? 0 : OtaCrypto.paddingFor(COUNTER_LENGTH + 1 + checksum.length() + data.length, cipher.blockSize());
        int chl = COMMAND_HEADER_FIXED + checksum.length();
        int cpl = 1 + chl + data.length + padding;
        if (cpl > 0xFFFF) {
            throw new IllegalArgumentException("command packet too long: CPL would be " + cpl);
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream(CHECKSUM_OFFSET);
        head.write(cpl >>> 8);
        head.write(cpl);
        head.write(chl);
        head.write(spi.encode() >>> 8);
        head.write(spi.encode());
        head.write(command.kic());
        head.write(command.kid());
        writeTar(head, command.tar());
        writeCounter(head, command.counter());
        head.write(padding);
        return secure(head.toByteArray(), Arrays.copyOf(data, data.length + padding), checksum, cipher, keys,
                COMMAND_CIPHER_START);
    }

    /**
     * Reads a command packet (from CPL), deciphers it and checks its RC/CC.
     *
     * @throws DecodeException on malformed input or a wrong RC/CC (at the RC/CC's offset)
     * @throws InvalidOtaKeyException when a key the SPI needs is missing or of the wrong length
     */
    public static CommandPacket decodeCommand(byte[] packet, OtaKeys keys) {
        ByteReader reader = new ByteReader(WireFormat.SIM_OTA, packet);
        int cpl = reader.readByte("CPL") << 8 | reader.readByte("CPL");
        if (cpl != reader.remaining()) {
            throw reader.errorAt(0, "CPL equal to the %d octets that follow".formatted(reader.remaining()), "CPL " + cpl);
        }
        int chl = reader.readByte("CHL");
        int spiValue = reader.readByte("SPI") << 8 | reader.readByte("SPI");
        Spi spi = spi(reader, spiValue, 3);
        int kic = reader.readByte("KIc");
        int kid = reader.readByte("KID");
        int tar = readTar(reader);
        Checksum checksum = Checksum.of(spi.integrity(), kid, keys,
                problem -> reader.errorAt(6, "a KID naming a supported algorithm", problem));
        if (chl != COMMAND_HEADER_FIXED + checksum.length()) {
            throw reader.errorAt(2, "CHL %d (13 + %d octets of %s)".formatted(COMMAND_HEADER_FIXED + checksum.length(),
                    checksum.length(), spi.integrity()), "CHL " + chl);
        }
        Clear clear = decipher(reader, packet, spi.ciphered(), kic, 5, keys, COMMAND_CIPHER_START);
        long counter = readCounter(clear.reader);
        int pcntr = clear.reader.readByte("PCNTR");
        byte[] secured = clear.verify(checksum, reader);
        if (pcntr > secured.length) {
            throw reader.errorAt(CHECKSUM_OFFSET - 1, "PCNTR at most the %d octets of secured data".formatted(secured.length),
                    "PCNTR " + pcntr);
        }
        return new CommandPacket(spi, kic, kid, tar, counter, Arrays.copyOf(secured, secured.length - pcntr));
    }

    /**
     * The SMS user data for a command packet: its UDH and the packet, to send with TP-UDHI set,
     * {@link #PID} and {@link #DCS}; TP-UDL is this array's length in octets.
     *
     * @throws MessageTooLongException when it does not fit one SMS (concatenation is not supported)
     */
    public static byte[] commandUserData(byte[] packet) {
        int length = COMMAND_UDH.length + packet.length;
        if (length > MAX_USER_DATA) {
            int perSegment = MAX_USER_DATA - COMMAND_UDH.length;
            throw new MessageTooLongException(length, (packet.length + perSegment - 1) / perSegment, 1);
        }
        byte[] userData = Arrays.copyOf(COMMAND_UDH, length);
        System.arraycopy(packet, 0, userData, COMMAND_UDH.length, packet.length);
        return userData;
    }

    /**
     * The most secured data (remote commands) one SMS carries in a command packet with these SPI,
     * KIc and KID: what a sender splits its commands by. The ciphering padding is counted.
     *
     * @throws InvalidOtaKeyException when a key the SPI needs is missing or of the wrong length
     */
    public static int maxSecuredData(Spi spi, int kic, int kid, OtaKeys keys) {
        for (int length = MAX_USER_DATA; length > 0; length--) {
            byte[] packet = encodeCommand(new CommandPacket(spi, kic, kid, 0, 0, new byte[length]), keys);
            if (COMMAND_UDH.length + packet.length <= MAX_USER_DATA) {
                return length;
            }
        }
        return 0;
    }

    /** The command packet carried in SMS user data that starts with {@code 02 70 00}. */
    public static byte[] commandPacket(byte[] userData) {
        ByteReader reader = new ByteReader(WireFormat.SIM_OTA, userData);
        readUdh(reader, COMMAND_UDH, "command packet identifier");
        return reader.readRemaining();
    }

    /**
     * A PoR as SMS user data ({@code 02 71 00 RPL ...}), secured as the command's SPI asks for the PoR,
     * with the command's KIc and KID (whose low nibble is read as a CRC when the PoR asks for RC).
     */
    public static byte[] encodeResponse(ResponsePacket response, Spi commandSpi, int kic, int kid, OtaKeys keys) {
        Checksum checksum = Checksum.of(commandSpi.porIntegrity(), kid, keys, IllegalArgumentException::new);
        BlockCipher cipher = commandSpi.porCiphered() ? cipher(kic, IllegalArgumentException::new) : null;
        byte[] data = response.data();
        int padding = cipher == null ? 0
                : OtaCrypto.paddingFor(COUNTER_LENGTH + 2 + checksum.length() + data.length, cipher.blockSize());
        int rhl = RESPONSE_HEADER_FIXED + checksum.length();
        int rpl = 1 + rhl + data.length + padding;
        if (RESPONSE_UDH.length + 2 + rpl > MAX_USER_DATA) {
            throw new MessageTooLongException(RESPONSE_UDH.length + 2 + rpl, 2, 1);
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream(CHECKSUM_OFFSET);
        head.writeBytes(RESPONSE_UDH);
        head.write(rpl >>> 8);
        head.write(rpl);
        head.write(rhl);
        writeTar(head, response.tar());
        writeCounter(head, response.counter());
        head.write(padding);
        head.write(response.statusCode());
        return secure(head.toByteArray(), Arrays.copyOf(data, data.length + padding), checksum, cipher, keys,
                RESPONSE_CIPHER_START);
    }

    /**
     * Reads a PoR from SMS user data, deciphers it and checks its RC/CC, as the command's SPI, KIc and
     * KID say.
     *
     * @throws DecodeException on malformed input or a wrong RC/CC (at the RC/CC's offset)
     */
    public static ResponsePacket decodeResponse(byte[] userData, Spi commandSpi, int kic, int kid, OtaKeys keys) {
        ByteReader reader = new ByteReader(WireFormat.SIM_OTA, userData);
        readUdh(reader, RESPONSE_UDH, "response packet identifier");
        int rpl = reader.readByte("RPL") << 8 | reader.readByte("RPL");
        if (rpl != reader.remaining()) {
            throw reader.errorAt(3, "RPL equal to the %d octets that follow".formatted(reader.remaining()), "RPL " + rpl);
        }
        int rhl = reader.readByte("RHL");
        int tar = readTar(reader);
        Checksum checksum = Checksum.of(commandSpi.porIntegrity(), kid, keys, IllegalArgumentException::new);
        if (rhl != RESPONSE_HEADER_FIXED + checksum.length()) {
            throw reader.errorAt(5, "RHL %d (10 + %d octets of %s)".formatted(RESPONSE_HEADER_FIXED + checksum.length(),
                    checksum.length(), commandSpi.porIntegrity()), "RHL " + rhl);
        }
        Clear clear = decipher(reader, userData, commandSpi.porCiphered(), kic, -1, keys, RESPONSE_CIPHER_START);
        long counter = readCounter(clear.reader);
        int pcntr = clear.reader.readByte("PCNTR");
        int status = clear.reader.readByte("response status code");
        byte[] data = clear.verify(checksum, reader);
        if (pcntr > data.length) {
            throw reader.errorAt(CHECKSUM_OFFSET - 2, "PCNTR at most the %d octets of response data".formatted(data.length),
                    "PCNTR " + pcntr);
        }
        return new ResponsePacket(tar, counter, status, Arrays.copyOf(data, data.length - pcntr));
    }

    /** Appends the RC/CC to the clear header, then ciphers from {@code cipherStart} when asked. */
    private static byte[] secure(byte[] head, byte[] padded, Checksum checksum, BlockCipher cipher, OtaKeys keys, int cipherStart) {
        byte[] signature = checksum.compute(concat(head, padded));
        byte[] clear = concat(concat(head, signature), padded);
        if (cipher == null) {
            return clear;
        }
        byte[] ciphered = OtaCrypto.cbc(cipher, keys.kic(cipher), Arrays.copyOfRange(clear, cipherStart, clear.length), true);
        System.arraycopy(ciphered, 0, clear, cipherStart, ciphered.length);
        return clear;
    }

    /**
     * The input with its ciphered part deciphered, and a reader positioned at CNTR; offsets stay
     * those of the input because CBC keeps lengths. {@code kicOffset} is -1 when the KIc is not in
     * the input (responses).
     */
    private static Clear decipher(ByteReader reader, byte[] input, boolean ciphered, int kic, int kicOffset, OtaKeys keys,
            int cipherStart) {
        byte[] clear = input.clone();
        if (ciphered) {
            BlockCipher cipher = cipher(kic, problem -> kicOffset < 0 ? new IllegalArgumentException(problem)
                    : reader.errorAt(kicOffset, "a KIc naming DES, 3DES or AES", problem));
            int length = input.length - cipherStart;
            if (length % cipher.blockSize() != 0) {
                throw reader.errorAt(cipherStart, "ciphered octets in whole %d-octet %s blocks".formatted(cipher.blockSize(), cipher),
                        length + " octets");
            }
            byte[] plain = OtaCrypto.cbc(cipher, keys.kic(cipher), Arrays.copyOfRange(input, cipherStart, input.length), false);
            System.arraycopy(plain, 0, clear, cipherStart, plain.length);
        }
        ByteReader clearReader = new ByteReader(WireFormat.SIM_OTA, clear);
        clearReader.readBytes(cipherStart, "header");
        return new Clear(clear, clearReader);
    }

    private record Clear(byte[] bytes, ByteReader reader) {

        /** Reads the RC/CC and checks it against the rest; returns the (padded) data after it. */
        byte[] verify(Checksum checksum, ByteReader errors) {
            byte[] received = reader.readBytes(checksum.length(), checksum.describe());
            byte[] padded = reader.readRemaining();
            byte[] expected = checksum.compute(concat(Arrays.copyOf(bytes, CHECKSUM_OFFSET), padded));
            if (!MessageDigest.isEqual(expected, received)) {
                throw errors.errorAt(CHECKSUM_OFFSET, "the %s computed over the packet".formatted(checksum.describe()),
                        "a different " + checksum.describe() + " (tampered data or wrong key)");
            }
            return padded;
        }
    }

    /** The RC/CC the SPI asks for: its length and how to compute it. */
    private record Checksum(Spi.Integrity kind, int length, Function<byte[], byte[]> function) {

        static Checksum of(Spi.Integrity kind, int kid, OtaKeys keys, Function<String, RuntimeException> unsupported) {
            return switch (kind) {
                case NONE -> new Checksum(kind, 0, data -> new byte[0]);
                case RC -> {
                    Crc crc = Crc.of(kid).orElseThrow(() -> unsupported.apply(
                            "KID %02X names no CRC (1 CRC16, 5 CRC32)".formatted(kid)));
                    yield new Checksum(kind, crc.length(), crc::compute);
                }
                case CC -> {
                    BlockCipher cipher = BlockCipher.of(kid).orElseThrow(() -> unsupported.apply(
                            "KID %02X names no supported CC algorithm (1 DES, 5 3DES 2-key, 9 3DES 3-key, 2 AES CMAC)".formatted(kid)));
                    byte[] key = keys.kid(cipher);
                    yield new Checksum(kind, OtaCrypto.CC_LENGTH, data -> OtaCrypto.checksum(cipher, key, data));
                }
                case DS -> throw unsupported.apply("digital signatures (DS) are not supported");
            };
        }

        byte[] compute(byte[] data) {
            return function.apply(data);
        }

        String describe() {
            return kind.name();
        }
    }

    private static BlockCipher cipher(int kic, Function<String, RuntimeException> unsupported) {
        return BlockCipher.of(kic).orElseThrow(() -> unsupported.apply(
                "KIc %02X names no supported cipher (1 DES, 5 3DES 2-key, 9 3DES 3-key, 2 AES)".formatted(kic)));
    }

    private static Spi spi(ByteReader reader, int value, int offset) {
        Spi spi;
        try {
            spi = Spi.decode(value);
        } catch (IllegalArgumentException e) {
            throw reader.errorAt(offset, "an SPI without reserved codings", "SPI %04X".formatted(value));
        }
        if (spi.integrity() == Spi.Integrity.DS) {
            throw reader.errorAt(offset, "an SPI asking for RC, CC or none", "DS (digital signatures are not supported)");
        }
        return spi;
    }

    private static void readUdh(ByteReader reader, byte[] udh, String identifier) {
        for (int i = 0; i < udh.length; i++) {
            int octet = reader.readByte("user data header");
            if (octet != (udh[i] & 0xFF)) {
                throw reader.errorAt(i, "UDH %02X %02X %02X (%s only)".formatted(udh[0], udh[1], udh[2], identifier),
                        ByteReader.describe(octet));
            }
        }
    }

    private static void writeTar(ByteArrayOutputStream out, int tar) {
        out.write(tar >>> 16);
        out.write(tar >>> 8);
        out.write(tar);
    }

    private static int readTar(ByteReader reader) {
        return reader.readByte("TAR") << 16 | reader.readByte("TAR") << 8 | reader.readByte("TAR");
    }

    private static void writeCounter(ByteArrayOutputStream out, long counter) {
        for (int shift = 32; shift >= 0; shift -= 8) {
            out.write((int) (counter >>> shift));
        }
    }

    private static long readCounter(ByteReader reader) {
        long counter = 0;
        for (byte octet : reader.readBytes(COUNTER_LENGTH, "CNTR")) {
            counter = counter << 8 | (octet & 0xFF);
        }
        return counter;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
