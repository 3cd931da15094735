package org.mexe.studio.codec.sms;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.mexe.studio.codec.sms.InformationElement.Concatenation;
import org.mexe.studio.codec.sms.InformationElement.Concatenation.ReferenceWidth;

/**
 * Collects segments in any order and hands back each message once all its parts are in. Parts
 * belong together when they share peer address, reference width, reference and part count; a
 * repeated part (an SMSC retransmission) is ignored. Not thread-safe.
 */
public final class SmsReassembler {

    private record MessageKey(SmsAddress party, ReferenceWidth width, int reference, int total) {
    }

    private final Map<MessageKey, SmsSubmit[]> pending = new HashMap<>();

    /** The completed message, or empty while parts are still missing. */
    public Optional<ReassembledMessage> accept(SmsSubmit submit) {
        Optional<Concatenation> concatenation = submit.header().concatenation();
        if (concatenation.isEmpty()) {
            return Optional.of(new ReassembledMessage(submit.destination(), submit.header().ports(), submit.payload()));
        }
        Concatenation part = concatenation.get();
        MessageKey key = new MessageKey(submit.destination(), part.width(), part.reference(), part.total());
        SmsSubmit[] parts = pending.computeIfAbsent(key, k -> new SmsSubmit[part.total()]);
        if (parts[part.sequence() - 1] == null) {
            parts[part.sequence() - 1] = submit;
        }
        for (SmsSubmit received : parts) {
            if (received == null) {
                return Optional.empty();
            }
        }
        pending.remove(key);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (SmsSubmit received : parts) {
            payload.writeBytes(received.payload());
        }
        return Optional.of(new ReassembledMessage(submit.destination(), parts[0].header().ports(), payload.toByteArray()));
    }

    /** Messages with at least one part received and at least one missing. */
    public int incompleteMessages() {
        return pending.size();
    }
}
