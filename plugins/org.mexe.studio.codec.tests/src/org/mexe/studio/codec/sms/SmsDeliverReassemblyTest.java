package org.mexe.studio.codec.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.sms.InformationElement.Concatenation;
import org.mexe.studio.codec.sms.InformationElement.Concatenation.ReferenceWidth;
import org.mexe.studio.codec.text.GsmAlphabet;

class SmsDeliverReassemblyTest {

    private static final OffsetDateTime NOON = OffsetDateTime.of(2026, 11, 24, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final SmsAddress ALICE = SmsAddress.international("46708251358");
    private static final SmsAddress BANK = SmsAddress.alphanumeric("Bank");

    private static List<SmsDeliver> segments(SmsAddress originator, int reference, String text) {
        return SmsSegmenter.segmentText(text, new DeliverParameters(originator, NOON, reference));
    }

    @Test
    void reassemblesOutOfOrderAndIgnoresDuplicates() {
        String text = "0123456789".repeat(40);
        List<SmsDeliver> parts = segments(ALICE, 7, text);
        assertEquals(3, parts.size());
        SmsReassembler reassembler = new SmsReassembler();
        assertEquals(Optional.empty(), reassembler.accept(parts.get(2)));
        assertEquals(Optional.empty(), reassembler.accept(parts.get(0)));
        assertEquals(Optional.empty(), reassembler.accept(parts.get(2)));
        assertEquals(Optional.empty(), reassembler.accept(parts.get(0)));
        Optional<ReassembledText> message = reassembler.accept(parts.get(1));
        assertEquals(text, message.orElseThrow().text());
        assertEquals(ALICE, message.get().originator());
        assertEquals(0, reassembler.incompleteMessages());
        // A late retransmission after completion is recognised and opens nothing (it used to open a message that never completed).
        assertEquals(Optional.empty(), reassembler.accept(parts.get(1)));
        assertEquals(0, reassembler.incompleteMessages());
    }

    @Test
    void keepsMessagesWithTheSameReferenceFromDifferentOriginatorsApart() {
        String fromAlice = "A".repeat(200);
        String fromBank = "B".repeat(200);
        List<SmsDeliver> alice = segments(ALICE, 9, fromAlice);
        List<SmsDeliver> bank = segments(BANK, 9, fromBank);
        SmsReassembler reassembler = new SmsReassembler();
        assertEquals(Optional.empty(), reassembler.accept(alice.get(1)));
        assertEquals(Optional.empty(), reassembler.accept(bank.get(0)));
        assertEquals(2, reassembler.incompleteMessages());
        assertEquals(fromBank, reassembler.accept(bank.get(1)).orElseThrow().text());
        assertEquals(fromAlice, reassembler.accept(alice.get(0)).orElseThrow().text());
    }

    @Test
    void keepsDeliversApartFromSubmitsOfTheSameNumberAndReference() {
        SmsReassembler reassembler = new SmsReassembler();
        UserDataHeader firstOfTwo = new UserDataHeader(List.of(new Concatenation(ReferenceWidth.EIGHT_BIT, 9, 2, 1)));
        assertEquals(Optional.empty(), reassembler.accept(new SmsSubmit(0, ALICE, 0, 4, firstOfTwo, new byte[] {1})));
        assertEquals(Optional.empty(), reassembler.accept(segments(ALICE, 9, "x".repeat(200)).get(1)));
        assertEquals(2, reassembler.incompleteMessages());
    }

    @Test
    void waitsForAMissingSegment() {
        List<SmsDeliver> parts = segments(ALICE, 1, "y".repeat(500));
        SmsReassembler reassembler = new SmsReassembler();
        for (SmsDeliver part : parts.subList(0, parts.size() - 1)) {
            assertEquals(Optional.empty(), reassembler.accept(part));
        }
        assertEquals(1, reassembler.incompleteMessages());
        assertTrue(reassembler.accept(parts.getLast()).isPresent());
    }

    @Test
    void joinsAnEscapePairThatAnotherSenderSplitAcrossSegments() {
        // Not all senders keep ESC and its code together; joining septets rather than texts repairs that.
        UserDataHeader first = new UserDataHeader(List.of(new Concatenation(ReferenceWidth.SIXTEEN_BIT, 0x1234, 2, 1)));
        UserDataHeader second = new UserDataHeader(List.of(new Concatenation(ReferenceWidth.SIXTEEN_BIT, 0x1234, 2, 2)));
        byte[] septets = GsmAlphabet.toSeptets("5€");
        SmsReassembler reassembler = new SmsReassembler();
        reassembler.accept(new SmsDeliver(BANK, 0, DataCodingScheme.GSM_7BIT, NOON, second, new byte[] {septets[2]}, false));
        Optional<ReassembledText> message = reassembler.accept(new SmsDeliver(BANK, 0, DataCodingScheme.GSM_7BIT, NOON,
                first, new byte[] {septets[0], septets[1]}, false));
        assertEquals("5€", message.orElseThrow().text());
    }

    @Test
    void passesAnUnsegmentedMessageStraightThrough() {
        SmsDeliver single = SmsDeliver.ofText(BANK, NOON, UserDataHeader.NONE, "Your code is 1234");
        assertEquals("Your code is 1234", new SmsReassembler().accept(single).orElseThrow().text());
    }
}
