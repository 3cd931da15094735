package org.mexe.studio.codec.sms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.MessageTooLongException;
import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;

class SmsSegmenterTest {

    private static final SubmitParameters PARAMETERS = new SubmitParameters(SmsAddress.international("46708251358"), 7, 0x2A);

    private static byte[] payload(int length) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (i * 31 + 7);
        }
        return payload;
    }

    private static List<SmsSubmit> segment(int length) {
        return SmsSegmenter.segment(payload(length), ApplicationPorts.WAP_PUSH, PARAMETERS);
    }

    private static String userDataHeader(SmsSubmit submit) {
        return Hex.encodeSpaced(submit.header().encode());
    }

    @Test
    void upTo133OctetsFitOneMessageWithPortsOnly() {
        List<SmsSubmit> one = segment(133);
        assertEquals(1, one.size());
        assertEquals("06 05 04 0B 84 23 F0", userDataHeader(one.get(0)));
        assertEquals(140, SmsSubmitCodec.encode(one.get(0))[12] & 0xFF, "TP-UDL");
        assertEquals(1, segment(1).size());
        assertEquals(1, segment(0).size());
    }

    @Test
    void octet134NeedsConcatenation() {
        List<SmsSubmit> two = segment(134);
        assertEquals(2, two.size());
        assertEquals("0B 05 04 0B 84 23 F0 00 03 2A 02 01", userDataHeader(two.get(0)));
        assertEquals("0B 05 04 0B 84 23 F0 00 03 2A 02 02", userDataHeader(two.get(1)));
        assertEquals(128, two.get(0).payload().length);
        assertEquals(6, two.get(1).payload().length);
    }

    @Test
    void multiplesOf128FillEverySegment() {
        for (int segments = 2; segments <= 6; segments++) {
            List<SmsSubmit> exact = segment(128 * segments);
            assertEquals(segments, exact.size());
            exact.forEach(submit -> assertEquals(140, SmsSubmitCodec.encode(submit)[12] & 0xFF));
            assertEquals(segments + 1, segment(128 * segments + 1).size());
            assertEquals(1, segment(128 * segments + 1).get(segments).payload().length);
        }
    }

    @Test
    void atMost255Segments() {
        assertEquals(255, segment(255 * 128).size());
        MessageTooLongException e = assertThrows(MessageTooLongException.class, () -> segment(255 * 128 + 1));
        assertEquals(256, e.segmentsNeeded());
        assertEquals(255, e.maximumSegments());
        assertEquals(255 * 128 + 1, e.payloadLength());
    }

    @Test
    void messageReferencesCountUpModulo256() {
        SubmitParameters nearWrap = new SubmitParameters(PARAMETERS.destination(), 254, 9);
        List<Integer> references = SmsSegmenter.segment(payload(300), ApplicationPorts.WAP_PUSH, nearWrap).stream()
                .map(SmsSubmit::messageReference).toList();
        assertEquals(List.of(254, 255, 0), references);
    }

    @Test
    void everySizeFrom1To2000SurvivesTpduEncodingAndReassembly() {
        for (int length = 1; length <= 2000; length++) {
            byte[] payload = payload(length);
            List<SmsSubmit> segments = SmsSegmenter.segment(payload, ApplicationPorts.WAP_PUSH, PARAMETERS);
            List<byte[]> tpdus = new ArrayList<>(segments.stream().map(SmsSubmitCodec::encode).toList());
            for (int i = 0; i < tpdus.size(); i++) {
                int userData = tpdus.get(i)[12] & 0xFF;
                assertTrue(userData <= 140, "length " + length);
                if (i < tpdus.size() - 1) {
                    assertEquals(140, userData, "segment " + i + " of length " + length + " must be full");
                }
            }
            Collections.reverse(tpdus);
            SmsReassembler reassembler = new SmsReassembler();
            List<ReassembledMessage> complete = new ArrayList<>();
            tpdus.forEach(tpdu -> reassembler.accept(SmsSubmitCodec.decode(tpdu)).ifPresent(complete::add));
            assertEquals(1, complete.size(), "length " + length);
            assertArrayEquals(payload, complete.get(0).payload(), "length " + length);
            assertEquals(Optional.of(ApplicationPorts.WAP_PUSH), complete.get(0).ports());
            assertEquals(PARAMETERS.destination(), complete.get(0).party());
            assertEquals(0, reassembler.incompleteMessages());
        }
    }
}
