package org.mexe.studio.codec.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mexe.studio.testing.PeerTools;

/** Wireshark's gsm_sms dissector (Debian tshark) reads our SMS-DELIVERs: addresses, time stamps, text, reassembly. */
class SmsDeliverTsharkPeerTest {

    private static final OffsetDateTime SCTS = OffsetDateTime.of(2026, 11, 24, 12, 34, 56, 0, ZoneOffset.ofHoursMinutes(-3, -30));

    @Test
    void singleMessagesInEachAlphabet() {
        List<byte[]> tpdus = List.of(
                SmsDeliverCodec.encode(SmsDeliver.ofText(SmsAddress.international("46708251358"), SCTS, UserDataHeader.NONE,
                        "Hello {world} [€5]")),
                SmsDeliverCodec.encode(SmsDeliver.ofText(SmsAddress.national("0701234567"), SCTS, UserDataHeader.NONE,
                        "Grüße aus Łódź 😀")));
        // gsm_sms.scts.timezone is the number of quarter hours; the sign only shows in the packet details.
        List<List<String>> rows = PeerTools.tsharkDeliverFields(tpdus, "gsm_sms.tp-oa", "gsm_sms.tp-dcs",
                "gsm_sms.scts.year", "gsm_sms.scts.hour", "gsm_sms.scts.timezone", "gsm_sms.sms_text");
        assertEquals(List.of(
                List.of("46708251358", "0", "26", "12", "14", "Hello {world} [€5]"),
                List.of("0701234567", "8", "26", "12", "14", "Grüße aus Łódź 😀")), rows);
        String details = PeerTools.tsharkDeliverVerbose(tpdus);
        assertTrue(details.contains("Timezone: GMT - 3 hours 30 minutes"), details);
        assertTrue(details.contains("Type of number: National"), details);
    }

    @Test
    void segmentedTextWithAnEscapeAtTheBoundaryFromAnAlphanumericSender() {
        String text = "a".repeat(152) + "€" + "b".repeat(160) + "|end";
        List<SmsDeliver> segments = SmsSegmenter.segmentText(text,
                new DeliverParameters(SmsAddress.alphanumeric("MExE"), SCTS, 0x5C));
        assertEquals(3, segments.size());
        List<List<String>> rows = PeerTools.tsharkDeliverFields(segments.stream().map(SmsDeliverCodec::encode).toList(),
                "gsm_sms.tp-oa", "gsm_sms.udh.mm.msg_part", "gsm_sms.sms_text");
        // The reassembled last frame lists each part's text: the escape pair opens part 2 intact.
        assertEquals(List.of("MExE", "3", String.join(",", "a".repeat(152), "€" + "b".repeat(151), "bbbbbbbbb|end")),
                rows.get(2));
    }
}
