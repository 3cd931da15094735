package org.mexe.studio.codec.ota;

import java.util.Objects;

/**
 * Security Parameter Indicator, ETSI TS 102 225 clause 5.1.1 (with TS 31.115 for the SMS PoR bit):
 * what protects the command, and what the card shall send back.
 *
 * @param integrity     command RC/CC/DS (first octet b2..b1)
 * @param ciphered      command ciphered with KIc (first octet b3)
 * @param counter       counter checking on the card (first octet b5..b4)
 * @param por           whether a Proof of Receipt is wanted (second octet b2..b1)
 * @param porIntegrity  RC/CC/DS on the PoR (second octet b4..b3)
 * @param porCiphered   PoR ciphered (second octet b5)
 * @param porViaSubmit  PoR sent as SMS-SUBMIT rather than in the SMS-DELIVER-REPORT (second octet b6)
 */
public record Spi(Integrity integrity, boolean ciphered, CounterMode counter, PorRequest por, Integrity porIntegrity,
        boolean porCiphered, boolean porViaSubmit) {

    /** RC/CC/DS codings, in bit order. */
    public enum Integrity {
        NONE, RC, CC, DS
    }

    /** Counter codings, in bit order. */
    public enum CounterMode {
        NO_COUNTER, NO_REPLAY_CHECK, HIGHER, ONE_HIGHER;

        /** Whether a card holding {@code stored} processes a command carrying {@code received}. */
        public boolean accepts(long stored, long received) {
            return switch (this) {
                case NO_COUNTER, NO_REPLAY_CHECK -> true;
                case HIGHER -> received > stored;
                case ONE_HIGHER -> received == stored + 1;
            };
        }
    }

    /** PoR codings, in bit order; the fourth coding is reserved. */
    public enum PorRequest {
        NONE, ALWAYS, ON_ERROR
    }

    public Spi {
        Objects.requireNonNull(integrity, "integrity");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(por, "por");
        Objects.requireNonNull(porIntegrity, "porIntegrity");
    }

    /** The two SPI octets as one big-endian value. */
    public int encode() {
        int first = integrity.ordinal() | (ciphered ? 0x04 : 0) | counter.ordinal() << 3;
        int second = por.ordinal() | porIntegrity.ordinal() << 2 | (porCiphered ? 0x10 : 0) | (porViaSubmit ? 0x20 : 0);
        return first << 8 | second;
    }

    /**
     * Reads the two SPI octets.
     *
     * @throws IllegalArgumentException when a reserved bit or the reserved PoR coding is set
     */
    public static Spi decode(int spi) {
        int first = spi >>> 8 & 0xFF;
        int second = spi & 0xFF;
        if ((first & 0xE0) != 0 || (second & 0xC0) != 0 || (second & 0x03) == 0x03 || spi >>> 16 != 0) {
            throw new IllegalArgumentException("SPI %04X sets a reserved bit or the reserved PoR coding".formatted(spi));
        }
        return new Spi(Integrity.values()[first & 0x03], (first & 0x04) != 0, CounterMode.values()[first >>> 3 & 0x03],
                PorRequest.values()[second & 0x03], Integrity.values()[second >>> 2 & 0x03], (second & 0x10) != 0,
                (second & 0x20) != 0);
    }

    @Override
    public String toString() {
        return "SPI %04X (%s%s, counter %s; PoR %s, %s%s%s)".formatted(encode(), integrity, ciphered ? ", ciphered" : "", counter,
                por, porIntegrity, porCiphered ? ", ciphered" : "", porViaSubmit ? ", via SMS-SUBMIT" : "");
    }
}
