package org.mexe.studio.codec.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.MessageTooLongException;
import org.mexe.studio.codec.sms.InformationElement.Concatenation;
import org.mexe.studio.codec.sms.InformationElement.Concatenation.ReferenceWidth;
import org.mexe.studio.codec.text.GsmAlphabet;
import org.mexe.studio.codec.text.Septets;
import org.mexe.studio.codec.text.TextEncoding;
import org.mexe.studio.codec.text.UnencodableCharacterException;

class SmsTextSegmenterTest {

    private static final DeliverParameters FROM_OPERATOR = new DeliverParameters(SmsAddress.alphanumeric("Operator"),
            OffsetDateTime.of(2026, 11, 24, 12, 0, 0, 0, ZoneOffset.ofHours(1)), 0x42);

    private static List<Integer> septetsPerSegment(List<SmsDeliver> segments) {
        return segments.stream().map(segment -> segment.userData().length).toList();
    }

    private static String joined(List<SmsDeliver> segments) {
        SmsReassembler reassembler = new SmsReassembler();
        Optional<ReassembledText> message = Optional.empty();
        for (SmsDeliver segment : segments) {
            message = reassembler.accept(SmsDeliverCodec.decode(SmsDeliverCodec.encode(segment)));
        }
        return message.orElseThrow().text();
    }

    @ParameterizedTest
    @CsvSource({
        "160, 160", "161, 153 8", "306, 153 153", "307, 153 153 1", "459, 153 153 153",
    })
    void splitsGsmTextAt160And153Septets(int length, String expected) {
        String text = "x".repeat(length);
        List<SmsDeliver> segments = SmsSegmenter.segmentText(text, FROM_OPERATOR);
        assertEquals(expected, String.join(" ", septetsPerSegment(segments).stream().map(String::valueOf).toList()));
        for (SmsDeliver segment : segments) {
            assertEquals(DataCodingScheme.GSM_7BIT, segment.dataCodingScheme());
            int headerSeptets = Septets.headerSeptets(segment.header().encode().length);
            assertTrue(headerSeptets + segment.userData().length <= 160);
            assertEquals(segments.size() > 1, segment.header().concatenation().isPresent());
        }
        assertEquals(text, joined(segments));
    }

    @Test
    void neverSplitsAnEscapePair() {
        // 152 septets of 'a', then '€' (ESC 65): the pair does not fit in the 153rd septet and moves on whole.
        String text = "a".repeat(152) + "€" + "b".repeat(10);
        List<SmsDeliver> segments = SmsSegmenter.segmentText(text, FROM_OPERATOR);
        assertEquals(List.of(152, 12), septetsPerSegment(segments));
        assertEquals("€bbbbbbbbbb", segments.get(1).text());
        assertEquals(text, joined(segments));

        // 80 euro signs are exactly 160 septets: one message; one more '€' needs two segments of 76 + 5 euros.
        assertEquals(1, SmsSegmenter.segmentText("€".repeat(80), FROM_OPERATOR).size());
        List<SmsDeliver> euros = SmsSegmenter.segmentText("€".repeat(81), FROM_OPERATOR);
        assertEquals(List.of(152, 10), septetsPerSegment(euros));
        assertEquals(GsmAlphabet.ESCAPE, euros.get(0).userData()[150]);
    }

    @Test
    void splitsUcs2TextAt70And67CharactersWithoutBreakingSurrogatePairs() {
        assertEquals(List.of(140), septetsPerSegment(SmsSegmenter.segmentText("ж".repeat(70), FROM_OPERATOR)));
        assertEquals(List.of(134, 8), septetsPerSegment(SmsSegmenter.segmentText("ж".repeat(71), FROM_OPERATOR)));
        // 66 characters fill 132 of 134 octets: the emoji's two halves (4 octets) go on together.
        String text = "ж".repeat(66) + "😀" + "жжж";
        List<SmsDeliver> segments = SmsSegmenter.segmentText(text, FROM_OPERATOR);
        assertEquals(List.of(132, 10), septetsPerSegment(segments));
        assertEquals("😀жжж", segments.get(1).text());
        assertEquals(DataCodingScheme.UCS2, segments.get(0).dataCodingScheme());
        assertEquals(text, joined(segments));
    }

    @Test
    void splitsEightBitDataAt140And134Octets() {
        assertEquals(List.of(140), septetsPerSegment(SmsSegmenter.segmentData(new byte[140], DataCodingScheme.EIGHT_BIT,
                FROM_OPERATOR)));
        List<SmsDeliver> segments = SmsSegmenter.segmentData(new byte[141], new DataCodingScheme(0xF5), FROM_OPERATOR);
        assertEquals(List.of(134, 7), septetsPerSegment(segments));
        assertEquals(new Concatenation(ReferenceWidth.EIGHT_BIT, 0x42, 2, 2), segments.get(1).header().concatenation().get());
        assertThrows(IllegalArgumentException.class,
                () -> SmsSegmenter.segmentData(new byte[1], DataCodingScheme.GSM_7BIT, FROM_OPERATOR));
    }

    @Test
    void matchesPythonGsmmodemConcatenatedUserData() {
        // faucamp/python-gsmmodem test/test_pdu.py test_encodeSmsSubmit_concatenated, reference 0: three SUBMITs
        // whose TP-UDL and TP-UD (UDH 05 00 03 00 03 0n, one fill bit) must equal ours.
        String text = "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore "
                + "et dolore magna aliqua.Ut enim ad minim veniam, quinostrud exercitation ullamco laboris nisi ut aliquip "
                + "ex ea commodo consequat.Duis aute irure dolor in reprehenderit in voluptate velit esse cillum doloe eu "
                + "fugiat nulla pariatur.Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt "
                + "mollit anim id est laborum";
        List<String> userData = List.of(
                "A0050003000301986F79B90D4AC3E7F53688FC66BFE5A0799A0E0AB7CB741668FC76CFCB637A995E9783C2E4343C3D4F8FD3EE33A8"
                        + "CC4ED359A079990C22BF41E5747DDE7E9341F4721BFE9683D2EE719A9C26D7DD74509D0E6287C56F791954A683C86FF65B5E06B5"
                        + "C36777181466A7E3F5B0AB4A0795DDE936284C06B5D3EE741B642FBBD3E1360B14AFA7DD",
                "A0050003000302DE73BABC4E0695F165F9384D0FD3D36F37A8CE6687DBE337881D16BFE5E939C89D9EA741753A28CC4EC7EB6938A8"
                        + "8C0795C3A0F1BBDD7E93DFA0F1DB3D2FC7EB61BA8B584FCF41E13ABD0C4ACBEBF23288FC66BFE5A0B41B242FC3E56574D94D2ECB"
                        + "D37450DA0DB2BFD975383D4C2F83EC65769A0E2ACFE765D038CD66D7DB20F29BFD2E83CA",
                "8C050003000303EA2073FD9C0ED341EE3A9B1D06C1C3F274985E97BB8AF871194E2FD7E5A079DA4D07BDC7E370791CA683C675789A"
                        + "1CA687E920F7DB0D82CBDF6972D94D6781E675371D947683C675363C0C8AD7D3A0B7D99C1EA7C32072795E96D7DD7450FBCD66A7"
                        + "E9A0B03BDD06A5C9A0F29C0E6287C56F79BD0D");
        List<SmsDeliver> segments = SmsSegmenter.segmentText(text, TextEncoding.GSM_7BIT,
                new DeliverParameters(SmsAddress.international("15125551234"), FROM_OPERATOR.timestamp(), 0));
        assertEquals(3, segments.size());
        for (int i = 0; i < 3; i++) {
            String tpdu = Hex.encode(SmsDeliverCodec.encode(segments.get(i)));
            assertTrue(tpdu.endsWith(userData.get(i)), "segment " + (i + 1) + ": " + tpdu);
        }
    }

    @Test
    void refusesMoreThan255Segments() {
        assertEquals(255, SmsSegmenter.segmentText("x".repeat(153 * 255), FROM_OPERATOR).size());
        MessageTooLongException e = assertThrows(MessageTooLongException.class,
                () -> SmsSegmenter.segmentText("x".repeat(153 * 255 + 1), FROM_OPERATOR));
        assertEquals(256, e.segmentsNeeded());
        assertEquals(255, e.maximumSegments());
        assertThrows(MessageTooLongException.class,
                () -> SmsSegmenter.segmentData(new byte[134 * 255 + 1], DataCodingScheme.EIGHT_BIT, FROM_OPERATOR));
    }

    @Test
    void reportsCharactersOutsideAnExplicitGsmChoice() {
        UnencodableCharacterException e = assertThrows(UnencodableCharacterException.class,
                () -> SmsSegmenter.segmentText("Tschüß, Łódź", TextEncoding.GSM_7BIT, FROM_OPERATOR));
        assertEquals('Ł', e.codePoint());
        assertEquals(8, e.index());
    }
}
