package org.mexe.studio.codec.sms;

import java.util.Objects;

/** A destination address: type of number plus 1 to 20 digits (0-9, * and #). */
public record SmsAddress(TypeOfNumber typeOfNumber, String digits) {

    public static final int MAX_DIGITS = 20;

    public SmsAddress {
        Objects.requireNonNull(typeOfNumber, "typeOfNumber");
        if (digits == null || digits.isEmpty() || digits.length() > MAX_DIGITS
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9' || c == '*' || c == '#')) {
            throw new IllegalArgumentException("address must be 1.." + MAX_DIGITS + " digits, * or #: " + digits);
        }
    }

    /** An E.164 number given without the leading '+', e.g. {@code international("46708251358")}. */
    public static SmsAddress international(String digits) {
        return new SmsAddress(TypeOfNumber.INTERNATIONAL, digits);
    }

    public static SmsAddress national(String digits) {
        return new SmsAddress(TypeOfNumber.NATIONAL, digits);
    }

    /** A number as people write it: {@code +447700900123} is international, {@code 07700900123} national. */
    public static SmsAddress parse(String number) {
        return number.startsWith("+") ? international(number.substring(1)) : national(number);
    }

    @Override
    public String toString() {
        return typeOfNumber == TypeOfNumber.INTERNATIONAL ? "+" + digits : digits;
    }
}
