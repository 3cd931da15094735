package org.mexe.studio.codec.sms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.CodecWarning;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;
import org.mexe.studio.codec.sms.InformationElement.Concatenation;
import org.mexe.studio.codec.sms.InformationElement.Concatenation.ReferenceWidth;

/** Stray, late and repeated segments never pile up: incomplete messages expire and are capped, each drop a warning. */
class SmsReassemblerBoundsTest {

    private static final SmsAddress ALICE = SmsAddress.international("46708251358");
    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

    /** A clock the test moves by hand. */
    private static final class ManualClock implements InstantSource {
        private Instant now = START;

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    private final ManualClock clock = new ManualClock();

    private static SmsSubmit part(int reference, int total, int sequence, String hex) {
        UserDataHeader header = new UserDataHeader(List.of(ApplicationPorts.WAP_PUSH,
                new Concatenation(ReferenceWidth.EIGHT_BIT, reference, total, sequence)));
        return new SmsSubmit(sequence, ALICE, 0, 4, header, Hex.decode(hex));
    }

    @Test
    void anIncompleteMessageExpiresAfterTheTimeoutWithAWarning() {
        SmsReassembler reassembler = new SmsReassembler(clock, Duration.ofMinutes(10), 10);
        reassembler.accept(part(7, 3, 1, "01"));
        reassembler.accept(part(7, 3, 3, "03"));
        clock.advance(Duration.ofMinutes(9));
        reassembler.accept(part(8, 2, 1, "81"));
        assertEquals(2, reassembler.incompleteMessages());
        assertEquals(List.of(), reassembler.drainWarnings());

        clock.advance(Duration.ofMinutes(1));
        // Any later segment sweeps what has expired; the missing part 2 no longer completes message 7.
        assertEquals(Optional.empty(), reassembler.accept(part(7, 3, 2, "02")));
        List<CodecWarning> warnings = reassembler.drainWarnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("concatenated SMS-SUBMIT to +46708251358, reference 0x07, 3 parts", warnings.get(0).location());
        assertEquals("dropped incomplete after PT10M (missing part(s) 2)", warnings.get(0).message());
        assertEquals(2, reassembler.incompleteMessages(), "message 8 and the new message 7 opened by the late part");

        clock.advance(Duration.ofMinutes(10));
        reassembler.accept(part(9, 1, 1, "91"));
        assertEquals(0, reassembler.incompleteMessages());
        assertEquals(2, reassembler.drainWarnings().size());
    }

    @Test
    void theOldestIncompleteMessageGivesWayWhenTheCapIsReached() {
        SmsReassembler reassembler = new SmsReassembler(clock, Duration.ofHours(1), 3);
        for (int reference = 0; reference < 3; reference++) {
            reassembler.accept(part(reference, 2, 1, "AA"));
            clock.advance(Duration.ofSeconds(1));
        }
        reassembler.accept(part(3, 2, 1, "AA"));
        assertEquals(3, reassembler.incompleteMessages());
        List<CodecWarning> warnings = reassembler.drainWarnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).location().contains("reference 0x00"), warnings.toString());
        assertEquals("dropped incomplete: at most 3 incomplete messages are held (missing part(s) 2)", warnings.get(0).message());

        // The dropped message cannot complete any more; the others still can.
        assertEquals(Optional.empty(), reassembler.accept(part(0, 2, 2, "BB")));
        assertArrayEquals(Hex.decode("AA BB"), reassembler.accept(part(3, 2, 2, "BB")).orElseThrow().payload());
    }

    @Test
    void aLateRepeatOfACompleteMessageOpensNothing() {
        SmsReassembler reassembler = new SmsReassembler(clock, Duration.ofHours(1), 10);
        reassembler.accept(part(5, 2, 1, "01"));
        assertTrue(reassembler.accept(part(5, 2, 2, "02")).isPresent());
        clock.advance(Duration.ofMinutes(30));

        assertEquals(Optional.empty(), reassembler.accept(part(5, 2, 2, "02")));
        assertEquals(0, reassembler.incompleteMessages());
        assertEquals(List.of(new CodecWarning("concatenated SMS-SUBMIT to +46708251358, reference 0x05, 2 parts",
                "part 2 received again after the message was complete; ignored")), reassembler.drainWarnings());
    }

    @Test
    void aReusedReferenceWithOtherContentStartsANewMessage() {
        SmsReassembler reassembler = new SmsReassembler(clock, Duration.ofHours(1), 10);
        reassembler.accept(part(5, 2, 1, "01"));
        reassembler.accept(part(5, 2, 2, "02"));
        assertEquals(Optional.empty(), reassembler.accept(part(5, 2, 1, "11")));
        assertArrayEquals(Hex.decode("11 12"), reassembler.accept(part(5, 2, 2, "12")).orElseThrow().payload());
        assertEquals(List.of(), reassembler.drainWarnings());
    }

    @Test
    void aRepeatedPartWhileIncompleteIsIgnoredWithAWarning() {
        SmsReassembler reassembler = new SmsReassembler(clock, Duration.ofHours(1), 10);
        reassembler.accept(part(6, 2, 1, "01"));
        reassembler.accept(part(6, 2, 1, "FF"));
        assertEquals("part 1 received again with other content; the first is kept", reassembler.drainWarnings().get(0).message());
        assertArrayEquals(Hex.decode("01 02"), reassembler.accept(part(6, 2, 2, "02")).orElseThrow().payload());
    }

    @Test
    void aFloodOfStraySegmentsHoldsAtMostTheCap() {
        SmsReassembler reassembler = new SmsReassembler(clock, Duration.ofHours(1), 16);
        for (int reference = 0; reference < 256; reference++) {
            reassembler.accept(part(reference, 3, 2, "00"));
        }
        assertEquals(16, reassembler.incompleteMessages());
        assertEquals(240, reassembler.drainWarnings().size());
    }
}
