package org.mexe.studio.codec.sms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;
import org.mexe.studio.codec.sms.InformationElement.Concatenation;
import org.mexe.studio.codec.sms.InformationElement.Concatenation.ReferenceWidth;

class SmsReassemblerTest {

    private static final SmsAddress ALICE = SmsAddress.international("46708251358");
    private static final SmsAddress BOB = SmsAddress.national("0701234567");

    private static SmsSubmit part(SmsAddress party, ReferenceWidth width, int reference, int total, int sequence, String hex) {
        UserDataHeader header = new UserDataHeader(List.of(ApplicationPorts.WAP_PUSH,
                new Concatenation(width, reference, total, sequence)));
        return new SmsSubmit(sequence, party, 0, 4, header, Hex.decode(hex));
    }

    @Test
    void keepsMessagesApartByPartyAndReference() {
        SmsReassembler reassembler = new SmsReassembler();
        assertEquals(Optional.empty(), reassembler.accept(part(ALICE, ReferenceWidth.EIGHT_BIT, 1, 2, 2, "A2")));
        assertEquals(Optional.empty(), reassembler.accept(part(ALICE, ReferenceWidth.EIGHT_BIT, 2, 2, 1, "B1")));
        assertEquals(Optional.empty(), reassembler.accept(part(BOB, ReferenceWidth.EIGHT_BIT, 1, 2, 1, "C1")));
        assertEquals(3, reassembler.incompleteMessages());

        Optional<ReassembledMessage> alice = reassembler.accept(part(ALICE, ReferenceWidth.EIGHT_BIT, 1, 2, 1, "A1"));
        assertTrue(alice.isPresent());
        assertEquals(ALICE, alice.get().party());
        assertArrayEquals(Hex.decode("A1 A2"), alice.get().payload());

        assertArrayEquals(Hex.decode("C1 C2"),
                reassembler.accept(part(BOB, ReferenceWidth.EIGHT_BIT, 1, 2, 2, "C2")).orElseThrow().payload());
        assertEquals(1, reassembler.incompleteMessages());
    }

    @Test
    void ignoresRepeatedParts() {
        SmsReassembler reassembler = new SmsReassembler();
        reassembler.accept(part(ALICE, ReferenceWidth.EIGHT_BIT, 5, 2, 1, "01"));
        reassembler.accept(part(ALICE, ReferenceWidth.EIGHT_BIT, 5, 2, 1, "FF"));
        assertArrayEquals(Hex.decode("01 02"),
                reassembler.accept(part(ALICE, ReferenceWidth.EIGHT_BIT, 5, 2, 2, "02")).orElseThrow().payload());
    }

    @Test
    void sixteenBitReferencesAreSeparateFromEightBitOnes() {
        SmsReassembler reassembler = new SmsReassembler();
        reassembler.accept(part(ALICE, ReferenceWidth.SIXTEEN_BIT, 5, 2, 1, "16"));
        reassembler.accept(part(ALICE, ReferenceWidth.EIGHT_BIT, 5, 2, 1, "08"));
        assertArrayEquals(Hex.decode("16 17"),
                reassembler.accept(part(ALICE, ReferenceWidth.SIXTEEN_BIT, 5, 2, 2, "17")).orElseThrow().payload());
        SmsSubmit wide = part(BOB, ReferenceWidth.SIXTEEN_BIT, 0x1234, 3, 2, "");
        assertEquals("0C 05 04 0B 84 23 F0 08 04 12 34 03 02", Hex.encodeSpaced(wide.header().encode()));
        assertEquals(wide, SmsSubmitCodec.decode(SmsSubmitCodec.encode(wide)));
    }

    @Test
    void unsegmentedMessagesCompleteAtOnce() {
        SmsSubmit single = new SmsSubmit(0, ALICE, 0, 4, new UserDataHeader(List.of(ApplicationPorts.WAP_PUSH)), Hex.decode("01 06 01 B6"));
        ReassembledMessage message = new SmsReassembler().accept(single).orElseThrow();
        assertEquals(new ReassembledMessage(ALICE, Optional.of(ApplicationPorts.WAP_PUSH), Hex.decode("01 06 01 B6")), message);
    }
}
