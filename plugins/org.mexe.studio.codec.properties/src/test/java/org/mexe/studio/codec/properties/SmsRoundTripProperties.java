package org.mexe.studio.codec.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.mexe.studio.codec.MessageTooLongException;
import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;
import org.mexe.studio.codec.sms.ReassembledMessage;
import org.mexe.studio.codec.sms.SmsReassembler;
import org.mexe.studio.codec.sms.SmsSegmenter;
import org.mexe.studio.codec.sms.SmsSubmit;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.sms.SubmitParameters;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * A payload split into SMS-SUBMITs, sent as TPDU octets and received in any order with SMSC
 * retransmissions mixed in, comes back whole exactly when its last missing part arrives.
 */
class SmsRoundTripProperties {

    /** First octet, TP-MR, TP-DA (length, type, 20 digits in 10 octets), TP-PID, TP-DCS, TP-UDL, 140 octets TP-UD. */
    private static final int MAX_TPDU = 1 + 1 + 2 + 10 + 1 + 1 + 1 + SmsSubmit.MAX_USER_DATA;

    @Property(tries = 200)
    void segmentsReassembleToThePayload(@ForAll("payloads") byte[] payload, @ForAll("parameters") SubmitParameters parameters,
            @ForAll @IntRange(max = 0xFFFF) int destinationPort, @ForAll @IntRange(max = 0xFFFF) int originatorPort,
            @ForAll long shuffleSeed) {
        ApplicationPorts ports = new ApplicationPorts(destinationPort, originatorPort);
        List<SmsSubmit> segments = SmsSegmenter.segment(payload, ports, parameters);

        List<byte[]> received = new ArrayList<>();
        for (SmsSubmit segment : segments) {
            byte[] tpdu = SmsSubmitCodec.encode(segment);
            assertTrue(tpdu.length <= MAX_TPDU, "TPDU of " + tpdu.length + " octets");
            assertEquals(segment, SmsSubmitCodec.decode(tpdu));
            received.add(tpdu);
        }
        Random random = new Random(shuffleSeed);
        for (int i = 0, copies = random.nextInt(segments.size() + 1); i < copies; i++) {
            received.add(received.get(random.nextInt(segments.size())));
        }
        Collections.shuffle(received, random);

        SmsReassembler reassembler = new SmsReassembler();
        Set<Integer> partsSeen = new HashSet<>();
        boolean complete = false;
        for (byte[] tpdu : received) {
            SmsSubmit submit = SmsSubmitCodec.decode(tpdu);
            partsSeen.add(submit.header().concatenation().map(c -> c.sequence()).orElse(1));
            Optional<ReassembledMessage> message = reassembler.accept(submit);
            if (complete) {
                // After completion only a retransmission of every part could complete the message again.
                message.ifPresent(again -> assertArrayEquals(payload, again.payload()));
                continue;
            }
            assertEquals(partsSeen.size() == segments.size(), message.isPresent(), "completion exactly with the last missing part");
            if (message.isPresent()) {
                complete = true;
                assertArrayEquals(payload, message.get().payload());
                assertEquals(parameters.destination(), message.get().party());
                assertEquals(Optional.of(ports), message.get().ports());
            }
        }
        assertTrue(complete);
    }

    @Property(tries = 20)
    void tooLongForConcatenationIsRefused(@ForAll @IntRange(min = 255 * 128 + 1, max = 40_000) int length,
            @ForAll("parameters") SubmitParameters parameters) {
        MessageTooLongException refused = assertThrows(MessageTooLongException.class,
                () -> SmsSegmenter.segment(new byte[length], ApplicationPorts.WAP_PUSH, parameters));
        assertEquals(length, refused.payloadLength());
    }

    /** Mostly a few segments; sometimes close to the 255-segment limit of 8-bit concatenation. */
    @Provide
    Arbitrary<byte[]> payloads() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.bytes().array(byte[].class).ofMaxSize(1200)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(128 * 250).ofMaxSize(128 * 255)));
    }

    @Provide
    Arbitrary<SubmitParameters> parameters() {
        return CodecArbitraries.submitParameters();
    }
}
