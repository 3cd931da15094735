package org.mexe.studio.codec.sms;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Objects;

import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.sms.DataCodingScheme.Alphabet;
import org.mexe.studio.codec.text.Septets;
import org.mexe.studio.codec.text.TextEncoding;

/**
 * An SMS-DELIVER (3GPP TS 23.040 clause 9.2.2.1), as an SMSC hands it to the phone.
 *
 * @param userData the user data after the header in the alphabet's units: unpacked septets (one per
 *        byte) for GSM 7-bit, octets for 8-bit data and UCS-2
 * @param moreMessagesToSend TP-MMS inverted: true when the SMSC holds further messages for the phone
 */
public record SmsDeliver(SmsAddress originator, int protocolIdentifier, DataCodingScheme dataCodingScheme,
        OffsetDateTime timestamp, UserDataHeader header, byte[] userData, boolean moreMessagesToSend) {

    /** TP-UD of a GSM 7-bit message: 160 septets, header included. */
    public static final int MAX_SEPTETS = 160;
    public static final int MAX_OCTETS = 140;

    public SmsDeliver {
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(dataCodingScheme, "dataCodingScheme");
        Objects.requireNonNull(header, "header");
        if (protocolIdentifier < 0 || protocolIdentifier > 0xFF) {
            throw new IllegalArgumentException("protocol identifier must be 0..255: " + protocolIdentifier);
        }
        SmsTimestamp.encode(timestamp);
        userData = userData.clone();
        int headerOctets = header.encode().length;
        if (dataCodingScheme.alphabet() == Alphabet.GSM_7BIT) {
            Septets.pack(userData, 0); // rejects any value above 0x7F
            int septets = Septets.headerSeptets(headerOctets) + userData.length;
            if (septets > MAX_SEPTETS) {
                throw new IllegalArgumentException("user data of %d septets exceeds %d".formatted(septets, MAX_SEPTETS));
            }
        } else {
            int octets = headerOctets + userData.length;
            if (octets > MAX_OCTETS) {
                throw new IllegalArgumentException("user data of %d octets exceeds %d".formatted(octets, MAX_OCTETS));
            }
            if (dataCodingScheme.alphabet() == Alphabet.UCS2 && userData.length % 2 != 0) {
                throw new IllegalArgumentException("UCS-2 user data of an odd number of octets: " + userData.length);
            }
        }
    }

    /** A text message in the smallest alphabet that carries it, PID 00, no class, nothing more to send. */
    public static SmsDeliver ofText(SmsAddress originator, OffsetDateTime timestamp, UserDataHeader header, String text) {
        TextEncoding encoding = TextEncoding.smallestFor(text);
        return new SmsDeliver(originator, SmsSubmit.PID_DEFAULT, dataCodingScheme(encoding), timestamp, header,
                encoding.encode(text), false);
    }

    static DataCodingScheme dataCodingScheme(TextEncoding encoding) {
        return switch (encoding) {
            case GSM_7BIT -> DataCodingScheme.GSM_7BIT;
            case UCS2 -> DataCodingScheme.UCS2;
        };
    }

    /** @throws IllegalStateException for 8-bit data, which is not text */
    public String text() {
        return dataCodingScheme.decodeText(userData);
    }

    @Override
    public byte[] userData() {
        return userData.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SmsDeliver deliver
                && originator.equals(deliver.originator)
                && protocolIdentifier == deliver.protocolIdentifier
                && dataCodingScheme.equals(deliver.dataCodingScheme)
                && timestamp.equals(deliver.timestamp)
                && header.equals(deliver.header)
                && Arrays.equals(userData, deliver.userData)
                && moreMessagesToSend == deliver.moreMessagesToSend;
    }

    @Override
    public int hashCode() {
        return Objects.hash(originator, protocolIdentifier, dataCodingScheme, timestamp, header, Arrays.hashCode(userData),
                moreMessagesToSend);
    }

    @Override
    public String toString() {
        return "SmsDeliver[originator=%s, pid=0x%02X, dcs=%s, timestamp=%s, header=%s, userData=%s, moreMessagesToSend=%s]"
                .formatted(originator, protocolIdentifier, dataCodingScheme, timestamp, header, Hex.encode(userData),
                        moreMessagesToSend);
    }
}
