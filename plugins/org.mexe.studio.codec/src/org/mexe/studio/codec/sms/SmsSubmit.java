package org.mexe.studio.codec.sms;

import java.util.Arrays;
import java.util.Objects;

import org.mexe.studio.codec.Hex;

/**
 * An SMS-SUBMIT with 8-bit user data, the shape WAP push uses (3GPP TS 23.040 clause 9.2.2.2).
 *
 * @param payload the user data after the header
 * @param validityPeriod TP-VP, {@link ValidityPeriod#NONE} for none
 */
public record SmsSubmit(int messageReference, SmsAddress destination, int protocolIdentifier, int dataCodingScheme,
        UserDataHeader header, byte[] payload, ValidityPeriod validityPeriod) {

    /** TP-UD holds at most 140 octets. */
    public static final int MAX_USER_DATA = 140;
    /** Plain short message, no interworking. */
    public static final int PID_DEFAULT = 0x00;
    /** General data coding, 8-bit data, no message class. */
    public static final int DCS_8BIT_DATA = 0x04;

    public SmsSubmit {
        requireOctet(messageReference, "message reference");
        requireOctet(protocolIdentifier, "protocol identifier");
        requireOctet(dataCodingScheme, "data coding scheme");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(validityPeriod, "validityPeriod");
        if (destination.typeOfNumber() == TypeOfNumber.ALPHANUMERIC) {
            throw new IllegalArgumentException("an SMS-SUBMIT goes to a number, not to " + destination);
        }
        if (!isEightBitData(dataCodingScheme)) {
            throw new IllegalArgumentException("data coding scheme 0x%02X is not 8-bit data".formatted(dataCodingScheme));
        }
        payload = payload.clone();
        int userData = header.encode().length + payload.length;
        if (userData > MAX_USER_DATA) {
            throw new IllegalArgumentException("user data of %d octets exceeds %d".formatted(userData, MAX_USER_DATA));
        }
    }

    /** Without a validity period. */
    public SmsSubmit(int messageReference, SmsAddress destination, int protocolIdentifier, int dataCodingScheme,
            UserDataHeader header, byte[] payload) {
        this(messageReference, destination, protocolIdentifier, dataCodingScheme, header, payload, ValidityPeriod.NONE);
    }

    /** General data coding group (uncompressed) with the 8-bit alphabet, or data coding/message class group with 8-bit data. */
    public static boolean isEightBitData(int dataCodingScheme) {
        if ((dataCodingScheme & 0xE0) == 0x00) {
            return (dataCodingScheme >> 2 & 0x03) == 0x01;
        }
        return (dataCodingScheme & 0xF0) == 0xF0 && (dataCodingScheme & 0x04) != 0;
    }

    private static void requireOctet(int value, String what) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(what + " must be 0..255: " + value);
        }
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SmsSubmit submit
                && messageReference == submit.messageReference
                && destination.equals(submit.destination)
                && protocolIdentifier == submit.protocolIdentifier
                && dataCodingScheme == submit.dataCodingScheme
                && header.equals(submit.header)
                && Arrays.equals(payload, submit.payload)
                && validityPeriod.equals(submit.validityPeriod);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageReference, destination, protocolIdentifier, dataCodingScheme, header,
                Arrays.hashCode(payload), validityPeriod);
    }

    @Override
    public String toString() {
        return "SmsSubmit[messageReference=%d, destination=%s, pid=0x%02X, dcs=0x%02X, header=%s, payload=%s, validityPeriod=%s]"
                .formatted(messageReference, destination, protocolIdentifier, dataCodingScheme, header, Hex.encode(payload),
                        validityPeriod);
    }
}
