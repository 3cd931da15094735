package org.mexe.studio.codec.sms;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.mexe.studio.codec.internal.ByteReader;

/**
 * TP-SCTS and absolute TP-VP (3GPP TS 23.040 clause 9.2.3.11): year, month, day, hour, minute,
 * second as swapped BCD semi-octets, then the offset from UTC in quarter hours with the sign in
 * bit 3. Years 00-99 mean 2000-2099.
 */
public final class SmsTimestamp {

    public static final int LENGTH = 7;
    private static final int NEGATIVE = 0x08;
    /** java.time offsets end at ±18:00; real time zones stay within ±14:00. */
    private static final int MAX_QUARTER_HOURS = 72;

    private SmsTimestamp() {
    }

    /** @throws IllegalArgumentException outside 2000-2099, with fractions of a second, or an offset not in whole quarter hours */
    public static byte[] encode(OffsetDateTime time) {
        if (time.getYear() < 2000 || time.getYear() > 2099 || time.getNano() != 0) {
            throw new IllegalArgumentException("timestamp must be whole seconds in 2000-2099: " + time);
        }
        int offsetSeconds = time.getOffset().getTotalSeconds();
        if (offsetSeconds % 900 != 0) {
            throw new IllegalArgumentException("offset must be whole quarter hours: " + time.getOffset());
        }
        int quarters = Math.abs(offsetSeconds / 900);
        return new byte[] {swapped(time.getYear() % 100), swapped(time.getMonthValue()), swapped(time.getDayOfMonth()),
            swapped(time.getHour()), swapped(time.getMinute()), swapped(time.getSecond()),
            (byte) (swapped(quarters) | (offsetSeconds < 0 ? NEGATIVE : 0))};
    }

    private static byte swapped(int twoDigits) {
        return (byte) (twoDigits % 10 << 4 | twoDigits / 10);
    }

    static OffsetDateTime read(ByteReader in, String field) {
        int start = in.offset();
        byte[] octets = in.readBytes(LENGTH, field);
        int[] values = new int[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            int octet = octets[i] & 0xFF;
            int tens = i == LENGTH - 1 ? octet & 0x07 : octet & 0x0F;
            int units = octet >> 4;
            if (tens > 9 || units > 9) {
                throw in.errorAt(start + i, field + " BCD semi-octets", ByteReader.describe(octet));
            }
            values[i] = tens * 10 + units;
        }
        int quarters = values[6];
        if (quarters > MAX_QUARTER_HOURS) {
            throw in.errorAt(start + 6, field + " time zone of at most " + MAX_QUARTER_HOURS + " quarter hours",
                    quarters + " quarter hours");
        }
        int sign = (octets[6] & NEGATIVE) != 0 ? -1 : 1;
        try {
            return OffsetDateTime.of(2000 + values[0], values[1], values[2], values[3], values[4], values[5], 0,
                    ZoneOffset.ofTotalSeconds(sign * quarters * 900));
        } catch (DateTimeException e) {
            throw in.errorAt(start, field + " holding a valid date and time", e.getMessage());
        }
    }
}
