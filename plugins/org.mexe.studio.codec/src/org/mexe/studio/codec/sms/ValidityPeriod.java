package org.mexe.studio.codec.sms;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Objects;

import org.mexe.studio.codec.Hex;

/** TP-VP of an SMS-SUBMIT (3GPP TS 23.040 clause 9.2.3.12), selected by TP-VPF in the first octet. */
public sealed interface ValidityPeriod {

    ValidityPeriod NONE = new None();

    /** TP-VPF 00: no TP-VP field, the SMSC default applies. */
    record None() implements ValidityPeriod {
    }

    /** TP-VPF 10: one octet, a coarse duration (clause 9.2.3.12.1). */
    record Relative(int octet) implements ValidityPeriod {

        public Relative {
            if (octet < 0 || octet > 0xFF) {
                throw new IllegalArgumentException("relative validity period must be 0..255: " + octet);
            }
        }

        /** The shortest representable period at least as long as {@code period}: 5 minutes up to 63 weeks. */
        public static Relative atLeast(Duration period) {
            for (int octet = 0; octet <= 0xFF; octet++) {
                if (duration(octet).compareTo(period) >= 0) {
                    return new Relative(octet);
                }
            }
            throw new IllegalArgumentException("relative validity period beyond 63 weeks: " + period);
        }

        public Duration duration() {
            return duration(octet);
        }

        private static Duration duration(int octet) {
            if (octet <= 143) {
                return Duration.ofMinutes((octet + 1) * 5L);
            }
            if (octet <= 167) {
                return Duration.ofHours(12).plusMinutes((octet - 143) * 30L);
            }
            if (octet <= 196) {
                return Duration.ofDays(octet - 166L);
            }
            return Duration.ofDays((octet - 192) * 7L);
        }
    }

    /** TP-VPF 11: seven octets, a point in time encoded like TP-SCTS. */
    record Absolute(OffsetDateTime expiry) implements ValidityPeriod {

        public Absolute {
            Objects.requireNonNull(expiry, "expiry");
            SmsTimestamp.encode(expiry);
        }
    }

    /** TP-VPF 01: seven octets in the enhanced format (clause 9.2.3.12.3), kept as received. */
    record Enhanced(byte[] octets) implements ValidityPeriod {

        public Enhanced {
            if (octets.length != SmsTimestamp.LENGTH) {
                throw new IllegalArgumentException("enhanced validity period must be 7 octets: " + octets.length);
            }
            octets = octets.clone();
        }

        @Override
        public byte[] octets() {
            return octets.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Enhanced enhanced && Arrays.equals(octets, enhanced.octets);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(octets);
        }

        @Override
        public String toString() {
            return "Enhanced[" + Hex.encode(octets) + "]";
        }
    }
}
