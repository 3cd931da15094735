package org.mexe.studio.codec.sms;

import java.util.Arrays;
import java.util.Optional;

/** TP-DA type of number (3GPP TS 23.040 clause 9.1.2.5); the numbering plan is always ISDN/E.164. */
public enum TypeOfNumber {
    UNKNOWN(0b000),
    INTERNATIONAL(0b001),
    NATIONAL(0b010);

    private static final int EXTENSION = 0x80;
    private static final int NUMBERING_PLAN_ISDN = 0x01;

    private final int bits;

    TypeOfNumber(int bits) {
        this.bits = bits;
    }

    /** The type-of-address octet: extension bit, type of number, numbering plan ISDN. */
    int typeOfAddress() {
        return EXTENSION | bits << 4 | NUMBERING_PLAN_ISDN;
    }

    static Optional<TypeOfNumber> fromTypeOfAddress(int octet) {
        if ((octet & 0x8F) != (EXTENSION | NUMBERING_PLAN_ISDN)) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(type -> type.bits == (octet >> 4 & 0x07)).findFirst();
    }
}
