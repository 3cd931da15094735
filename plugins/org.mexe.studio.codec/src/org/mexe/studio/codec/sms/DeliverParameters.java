package org.mexe.studio.codec.sms;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What the caller decides for a segmented SMS-DELIVER, so output never depends on clocks or
 * counters: the originator, the TP-SCTS all segments carry and the 8-bit concatenation reference.
 */
public record DeliverParameters(SmsAddress originator, OffsetDateTime timestamp, int concatenationReference) {

    public DeliverParameters {
        Objects.requireNonNull(originator, "originator");
        SmsTimestamp.encode(timestamp);
        if (concatenationReference < 0 || concatenationReference > 0xFF) {
            throw new IllegalArgumentException("concatenation reference must be 0..255: " + concatenationReference);
        }
    }
}
