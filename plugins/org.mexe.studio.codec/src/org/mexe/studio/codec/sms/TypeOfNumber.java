package org.mexe.studio.codec.sms;

import java.util.Optional;

/**
 * Address type of number (3GPP TS 23.040 clause 9.1.2.5). Numbers use the ISDN/E.164 numbering
 * plan; an alphanumeric address (a sender name, only ever a TP-OA) carries GSM 7-bit text and
 * numbering plan 0000.
 */
public enum TypeOfNumber {
    UNKNOWN(0b000),
    INTERNATIONAL(0b001),
    NATIONAL(0b010),
    ALPHANUMERIC(0b101);

    private static final int EXTENSION = 0x80;
    private static final int NUMBERING_PLAN_ISDN = 0x01;
    private static final int NUMBERING_PLAN_UNKNOWN = 0x00;

    private final int bits;

    TypeOfNumber(int bits) {
        this.bits = bits;
    }

    /** The type-of-address octet: extension bit, type of number, numbering plan. */
    int typeOfAddress() {
        return EXTENSION | bits << 4 | (this == ALPHANUMERIC ? NUMBERING_PLAN_UNKNOWN : NUMBERING_PLAN_ISDN);
    }

    /** Only the octets {@link #typeOfAddress()} writes. */
    static Optional<TypeOfNumber> fromTypeOfAddress(int octet) {
        for (TypeOfNumber type : values()) {
            if (type.typeOfAddress() == octet) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
