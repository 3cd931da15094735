package org.mexe.studio.codec.sms;

import java.util.Optional;

import org.mexe.studio.codec.text.TextEncoding;

/**
 * A TP-DCS octet (3GPP TS 23.038 clause 4) of a group this codec can carry: general data coding
 * (00xx xxxx, uncompressed, also with the automatic-deletion bit 01xx xxxx), message waiting
 * indication (C0-EF) and data coding / message class (F0-FF). Compressed text and reserved
 * groups are rejected: nothing here could decode their user data.
 */
public record DataCodingScheme(int value) {

    public enum Alphabet {
        GSM_7BIT,
        EIGHT_BIT,
        UCS2
    }

    /** 00: GSM 7-bit, no class. */
    public static final DataCodingScheme GSM_7BIT = new DataCodingScheme(0x00);
    /** 04: 8-bit data, no class, the WAP push default. */
    public static final DataCodingScheme EIGHT_BIT = new DataCodingScheme(0x04);
    /** 08: UCS-2, no class. */
    public static final DataCodingScheme UCS2 = new DataCodingScheme(0x08);
    /** F6: 8-bit data, class 2 (SIM specific), as SIM OTA uses it. */
    public static final DataCodingScheme SIM_DATA_DOWNLOAD = new DataCodingScheme(0xF6);

    private static final int COMPRESSED = 0x20;
    private static final int HAS_CLASS = 0x10;

    public DataCodingScheme {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("data coding scheme must be 0..255: " + value);
        }
        if (decodeAlphabet(value).isEmpty()) {
            throw new IllegalArgumentException("unsupported data coding scheme 0x%02X".formatted(value));
        }
    }

    /** General data coding group (00xx xxxx), uncompressed, with or without a message class. */
    public static DataCodingScheme general(Alphabet alphabet, Optional<MessageClass> messageClass) {
        int bits = alphabet.ordinal() << 2;
        return new DataCodingScheme(messageClass.map(c -> HAS_CLASS | bits | c.ordinal()).orElse(bits));
    }

    /** Data coding / message class group (1111 0xxx): GSM 7-bit or 8-bit data only, e.g. F5 = 8-bit class 1. */
    public static DataCodingScheme messageClassGroup(Alphabet alphabet, MessageClass messageClass) {
        if (alphabet == Alphabet.UCS2) {
            throw new IllegalArgumentException("the data coding / message class group has no UCS-2");
        }
        return new DataCodingScheme(0xF0 | (alphabet == Alphabet.EIGHT_BIT ? 0x04 : 0) | messageClass.ordinal());
    }

    /** Whether {@code value} is a TP-DCS this type accepts. */
    public static boolean isSupported(int value) {
        return value >= 0 && value <= 0xFF && decodeAlphabet(value).isPresent();
    }

    /**
     * User data in this scheme as text: unpacked septets for GSM 7-bit, UTF-16 octets for UCS-2.
     *
     * @throws IllegalStateException for 8-bit data, which is not text
     */
    public String decodeText(byte[] userData) {
        return switch (alphabet()) {
            case GSM_7BIT -> TextEncoding.GSM_7BIT.decode(userData);
            case UCS2 -> TextEncoding.UCS2.decode(userData);
            case EIGHT_BIT -> throw new IllegalStateException("8-bit data is not text: " + this);
        };
    }

    public Alphabet alphabet() {
        return decodeAlphabet(value).orElseThrow();
    }

    public Optional<MessageClass> messageClass() {
        if ((value & 0x80) == 0) {
            return (value & HAS_CLASS) != 0 ? Optional.of(MessageClass.values()[value & 0x03]) : Optional.empty();
        }
        return (value & 0xF0) == 0xF0 ? Optional.of(MessageClass.values()[value & 0x03]) : Optional.empty();
    }

    private static Optional<Alphabet> decodeAlphabet(int value) {
        if ((value & 0x80) == 0) {
            int alphabet = value >> 2 & 0x03;
            return (value & COMPRESSED) != 0 || alphabet == 0x03 ? Optional.empty() : Optional.of(Alphabet.values()[alphabet]);
        }
        return switch (value & 0xF0) {
            case 0xC0, 0xD0 -> Optional.of(Alphabet.GSM_7BIT);
            case 0xE0 -> Optional.of(Alphabet.UCS2);
            case 0xF0 -> (value & 0x08) != 0 ? Optional.empty()
                    : Optional.of((value & 0x04) != 0 ? Alphabet.EIGHT_BIT : Alphabet.GSM_7BIT);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return "DataCodingScheme[0x%02X %s%s]".formatted(value, alphabet(), messageClass().map(c -> " " + c).orElse(""));
    }
}
