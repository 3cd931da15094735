package org.mexe.studio.codec.sms;

import java.util.Objects;

/**
 * What the caller decides for a segmented message, so output never depends on clocks or counters:
 * the destination, the TP-MR of the first segment (later segments count up modulo 256) and the
 * 8-bit concatenation reference shared by all segments.
 */
public record SubmitParameters(SmsAddress destination, int messageReference, int concatenationReference) {

    public SubmitParameters {
        Objects.requireNonNull(destination, "destination");
        if (messageReference < 0 || messageReference > 0xFF) {
            throw new IllegalArgumentException("message reference must be 0..255: " + messageReference);
        }
        if (concatenationReference < 0 || concatenationReference > 0xFF) {
            throw new IllegalArgumentException("concatenation reference must be 0..255: " + concatenationReference);
        }
    }
}
