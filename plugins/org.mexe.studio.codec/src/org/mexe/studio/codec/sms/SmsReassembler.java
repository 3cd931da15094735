package org.mexe.studio.codec.sms;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.mexe.studio.codec.CodecWarning;
import org.mexe.studio.codec.sms.InformationElement.Concatenation;
import org.mexe.studio.codec.sms.InformationElement.Concatenation.ReferenceWidth;

/**
 * Collects segments in any order and hands back each message once all its parts are in. Parts
 * belong together when they share direction (SUBMIT or DELIVER), peer address, reference width,
 * reference and part count, so equal references from different originators never mix. Not
 * thread-safe.
 *
 * <p>Bounded, so that stray segments cannot pile up: an incomplete message is dropped once it is
 * older than the timeout (by the injected clock), and when {@code capacity} messages are incomplete
 * the oldest is dropped to make room. A part received again (an SMSC retransmission) is ignored,
 * also shortly after its message completed, so a late repeat does not open a message that never
 * completes; a part with the same key but other content after completion starts a new message (the
 * reference was reused). Each drop and each ignored part is a warning, collected until
 * {@link #drainWarnings()}.
 */
public final class SmsReassembler {

    /** How long an incomplete message waits for its missing parts: a day, for SMSCs that hold segments back. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(24);

    /** Incomplete messages held at most. */
    public static final int DEFAULT_CAPACITY = 1024;

    /** Warnings kept until drained; older ones give way and are counted. */
    private static final int MAX_WARNINGS = 1000;

    private enum Direction {
        SUBMIT,
        DELIVER
    }

    private record MessageKey(Direction direction, SmsAddress party, ReferenceWidth width, int reference, int total) {

        String describe() {
            return "concatenated SMS-%s %s %s, reference 0x%0" + (width == ReferenceWidth.EIGHT_BIT ? 2 : 4) + "X, %d parts";
        }

        @Override
        public String toString() {
            return describe().formatted(direction, direction == Direction.SUBMIT ? "to" : "from", party, reference, total);
        }
    }

    /** Parts in sequence order (null while missing), their payloads to tell repeats apart, and when the first came. */
    private record Entry(Instant opened, Object[] parts, byte[][] payloads) {
    }

    private final InstantSource clock;
    private final Duration timeout;
    private final int capacity;
    /** Insertion order is arrival order of each message's first part: the head is the oldest. */
    private final LinkedHashMap<MessageKey, Entry> pending = new LinkedHashMap<>();
    /** Messages completed within the timeout, to recognise a late repeat of one of their parts. */
    private final LinkedHashMap<MessageKey, Entry> completed = new LinkedHashMap<>();
    private final Deque<CodecWarning> warnings = new ArrayDeque<>();
    private int warningsLost;

    /** The system clock, {@link #DEFAULT_TIMEOUT} and {@link #DEFAULT_CAPACITY}. */
    public SmsReassembler() {
        this(InstantSource.system(), DEFAULT_TIMEOUT, DEFAULT_CAPACITY);
    }

    public SmsReassembler(InstantSource clock, Duration timeout, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /** The completed message, or empty while parts are still missing. */
    public Optional<ReassembledMessage> accept(SmsSubmit submit) {
        return collect(Direction.SUBMIT, submit.destination(), submit.header(), submit, SmsSubmit::payload).map(parts -> {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            parts.forEach(part -> payload.writeBytes(part.payload()));
            return new ReassembledMessage(submit.destination(), parts.get(0).header().ports(), payload.toByteArray());
        });
    }

    /** The completed message, or empty while parts are still missing. */
    public Optional<ReassembledText> accept(SmsDeliver deliver) {
        return collect(Direction.DELIVER, deliver.originator(), deliver.header(), deliver, SmsDeliver::userData).map(parts -> {
            ByteArrayOutputStream userData = new ByteArrayOutputStream();
            parts.forEach(part -> userData.writeBytes(part.userData()));
            SmsDeliver first = parts.get(0);
            return new ReassembledText(deliver.originator(), first.dataCodingScheme(), first.header().ports(),
                    userData.toByteArray());
        });
    }

    /** All parts in sequence once the last one is in; a message without concatenation is complete at once. */
    private <T> Optional<List<T>> collect(Direction direction, SmsAddress party, UserDataHeader header, T segment,
            Function<T, byte[]> payloadOf) {
        Optional<Concatenation> concatenation = header.concatenation();
        if (concatenation.isEmpty()) {
            return Optional.of(List.of(segment));
        }
        Instant now = clock.instant();
        expire(now);
        Concatenation part = concatenation.get();
        MessageKey key = new MessageKey(direction, party, part.width(), part.reference(), part.total());
        int index = part.sequence() - 1;
        byte[] payload = payloadOf.apply(segment);
        Entry entry = pending.get(key);
        if (entry == null) {
            Entry done = completed.get(key);
            if (done != null && Arrays.equals(done.payloads()[index], payload)) {
                warn(key, "part " + part.sequence() + " received again after the message was complete; ignored");
                return Optional.empty();
            }
            completed.remove(key);
            makeRoom();
            entry = new Entry(now, new Object[key.total()], new byte[key.total()][]);
            pending.put(key, entry);
        }
        if (entry.parts()[index] != null) {
            warn(key, "part " + part.sequence() + " received again"
                    + (Arrays.equals(entry.payloads()[index], payload) ? "" : " with other content") + "; the first is kept");
            return Optional.empty();
        }
        entry.parts()[index] = segment;
        entry.payloads()[index] = payload;
        for (Object received : entry.parts()) {
            if (received == null) {
                return Optional.empty();
            }
        }
        pending.remove(key);
        completed.put(key, new Entry(now, new Object[0], entry.payloads()));
        while (completed.size() > capacity) {
            removeEldest(completed);
        }
        @SuppressWarnings("unchecked") // every part under this key was stored as a T
        List<T> complete = (List<T>) List.of(entry.parts());
        return Optional.of(complete);
    }

    private void expire(Instant now) {
        Instant limit = now.minus(timeout);
        for (Iterator<Map.Entry<MessageKey, Entry>> it = pending.entrySet().iterator(); it.hasNext();) {
            Map.Entry<MessageKey, Entry> oldest = it.next();
            if (oldest.getValue().opened().isAfter(limit)) {
                break;
            }
            it.remove();
            warn(oldest.getKey(), "dropped incomplete after " + timeout + " (" + received(oldest.getValue()) + ")");
        }
        completed.values().removeIf(done -> !done.opened().isAfter(limit));
    }

    private void makeRoom() {
        if (pending.size() >= capacity) {
            Map.Entry<MessageKey, Entry> oldest = pending.entrySet().iterator().next();
            pending.remove(oldest.getKey());
            warn(oldest.getKey(), "dropped incomplete: at most " + capacity + " incomplete messages are held ("
                    + received(oldest.getValue()) + ")");
        }
    }

    private static void removeEldest(LinkedHashMap<MessageKey, Entry> map) {
        map.remove(map.keySet().iterator().next());
    }

    private static String received(Entry entry) {
        Object[] parts = entry.parts();
        String missing = IntStream.range(0, parts.length).filter(i -> parts[i] == null).mapToObj(i -> String.valueOf(i + 1))
                .collect(Collectors.joining(", "));
        return "missing part(s) " + missing;
    }

    private void warn(MessageKey key, String message) {
        if (warnings.size() == MAX_WARNINGS) {
            warnings.removeFirst();
            warningsLost++;
        }
        warnings.addLast(new CodecWarning(key.toString(), message));
    }

    /** The warnings since the last call, oldest first (with a count of any that gave way), and forgets them. */
    public List<CodecWarning> drainWarnings() {
        List<CodecWarning> drained = new ArrayList<>();
        if (warningsLost > 0) {
            drained.add(new CodecWarning("reassembler", warningsLost + " older warning(s) not kept"));
        }
        drained.addAll(warnings);
        warnings.clear();
        warningsLost = 0;
        return drained;
    }

    /** Messages with at least one part received and at least one missing. */
    public int incompleteMessages() {
        return pending.size();
    }
}
