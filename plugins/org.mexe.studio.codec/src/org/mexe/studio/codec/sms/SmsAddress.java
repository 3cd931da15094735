package org.mexe.studio.codec.sms;

import java.util.Objects;

import org.mexe.studio.codec.text.GsmAlphabet;

/**
 * A TP-DA or TP-OA: type of number plus 1 to 20 digits (0-9, * and #), or, for
 * {@link TypeOfNumber#ALPHANUMERIC}, a sender name of 1 to 11 GSM 7-bit septets held in {@code digits}.
 */
public record SmsAddress(TypeOfNumber typeOfNumber, String digits) {

    public static final int MAX_DIGITS = 20;
    /** 11 septets pack into 10 octets, the 20 semi-octets an address value can hold. */
    public static final int MAX_ALPHANUMERIC_SEPTETS = 11;

    public SmsAddress {
        Objects.requireNonNull(typeOfNumber, "typeOfNumber");
        if (typeOfNumber == TypeOfNumber.ALPHANUMERIC) {
            if (digits == null || digits.isEmpty() || GsmAlphabet.septetLength(digits) > MAX_ALPHANUMERIC_SEPTETS) {
                throw new IllegalArgumentException(
                        "alphanumeric address must be 1.." + MAX_ALPHANUMERIC_SEPTETS + " GSM septets: " + digits);
            }
        } else if (digits == null || digits.isEmpty() || digits.length() > MAX_DIGITS
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9' || c == '*' || c == '#')) {
            throw new IllegalArgumentException("address must be 1.." + MAX_DIGITS + " digits, * or #: " + digits);
        }
    }

    /**
     * A sender name such as {@code alphanumeric("MExE")}.
     *
     * @throws org.mexe.studio.codec.text.UnencodableCharacterException for a character outside GSM 7-bit
     */
    public static SmsAddress alphanumeric(String name) {
        return new SmsAddress(TypeOfNumber.ALPHANUMERIC, name);
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
