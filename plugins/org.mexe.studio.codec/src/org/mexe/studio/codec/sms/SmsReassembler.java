package org.mexe.studio.codec.sms;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mexe.studio.codec.sms.InformationElement.Concatenation;
import org.mexe.studio.codec.sms.InformationElement.Concatenation.ReferenceWidth;

/**
 * Collects segments in any order and hands back each message once all its parts are in. Parts
 * belong together when they share direction (SUBMIT or DELIVER), peer address, reference width,
 * reference and part count, so equal references from different originators never mix; a repeated
 * part (an SMSC retransmission) is ignored. Not thread-safe.
 */
public final class SmsReassembler {

    private enum Direction {
        SUBMIT,
        DELIVER
    }

    private record MessageKey(Direction direction, SmsAddress party, ReferenceWidth width, int reference, int total) {
    }

    private final Map<MessageKey, Object[]> pending = new HashMap<>();

    /** The completed message, or empty while parts are still missing. */
    public Optional<ReassembledMessage> accept(SmsSubmit submit) {
        return collect(Direction.SUBMIT, submit.destination(), submit.header(), submit).map(parts -> {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            parts.forEach(part -> payload.writeBytes(part.payload()));
            return new ReassembledMessage(submit.destination(), parts.get(0).header().ports(), payload.toByteArray());
        });
    }

    /** The completed message, or empty while parts are still missing. */
    public Optional<ReassembledText> accept(SmsDeliver deliver) {
        return collect(Direction.DELIVER, deliver.originator(), deliver.header(), deliver).map(parts -> {
            ByteArrayOutputStream userData = new ByteArrayOutputStream();
            parts.forEach(part -> userData.writeBytes(part.userData()));
            SmsDeliver first = parts.get(0);
            return new ReassembledText(deliver.originator(), first.dataCodingScheme(), first.header().ports(),
                    userData.toByteArray());
        });
    }

    /** All parts in sequence once the last one is in; a message without concatenation is complete at once. */
    private <T> Optional<List<T>> collect(Direction direction, SmsAddress party, UserDataHeader header, T segment) {
        Optional<Concatenation> concatenation = header.concatenation();
        if (concatenation.isEmpty()) {
            return Optional.of(List.of(segment));
        }
        Concatenation part = concatenation.get();
        MessageKey key = new MessageKey(direction, party, part.width(), part.reference(), part.total());
        Object[] parts = pending.computeIfAbsent(key, k -> new Object[k.total()]);
        if (parts[part.sequence() - 1] == null) {
            parts[part.sequence() - 1] = segment;
        }
        for (Object received : parts) {
            if (received == null) {
                return Optional.empty();
            }
        }
        pending.remove(key);
        @SuppressWarnings("unchecked") // every part under this key was stored as a T
        List<T> complete = (List<T>) List.of(parts);
        return Optional.of(complete);
    }

    /** Messages with at least one part received and at least one missing. */
    public int incompleteMessages() {
        return pending.size();
    }
}
