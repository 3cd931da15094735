package org.mexe.studio.codec.wbxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.CodecException;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.TestResources;
import org.mexe.studio.codec.WireFormat;
import org.mexe.studio.codec.cp.ProvLanguage;
import org.mexe.studio.codec.cp.ProvWbxml;

/** Malformed PROV WBXML: every failure is a DecodeException naming the offending byte. */
class WbxmlDecoderTest {

    private static DecodeException decodeFailure(String hex) {
        return assertThrows(DecodeException.class, () -> WbxmlDecoder.decode(ProvLanguage.PROV_1_0, Hex.decode(hex)));
    }

    @Test
    void unsupportedVersion() {
        DecodeException e = decodeFailure("04 0B 6A 00 C5 46 01 01");
        assertEquals(WireFormat.WBXML, e.format());
        assertEquals(0, e.offset());
        assertEquals("0x04", e.found());
    }

    /** The content type or the caller chose the language; another public id is read with it, as handsets do. */
    @Test
    void otherPublicIdentifierIsAWarning() {
        List<org.mexe.studio.codec.CodecWarning> warnings = new java.util.ArrayList<>();
        WbxmlDecoder.decode(ProvLanguage.PROV_1_0, Hex.decode("03 05 6A 00 C5 46 01 01"), warnings);
        assertEquals("WBXML byte 1", warnings.get(0).location());
        assertTrue(warnings.get(0).message().contains("0x0B"), warnings.toString());
    }

    @Test
    void literalPublicIdentifierIsAccepted() {
        String table = Hex.encodeSpaced("-//WAPFORUM//DTD PROV 1.0//EN\0".getBytes(StandardCharsets.US_ASCII));
        WbxmlElement root = WbxmlDecoder.decode(ProvLanguage.PROV_1_0, Hex.decode("03 00 00 6A 1E " + table + " C5 46 01 01"));
        assertEquals(new WbxmlElement("wap-provisioningdoc", List.of(new WbxmlAttribute("version", "1.0")), List.of()), root);
    }

    @Test
    void otherCharset() {
        DecodeException e = decodeFailure("03 0B 11 00 C5 46 01 01");
        assertEquals(2, e.offset());
        assertEquals("MIBenum 17", e.found());
    }

    @Test
    void unknownTag() {
        DecodeException e = decodeFailure("03 0B 6A 00 C5 46 01 C8 50 01 01 01");
        assertEquals(7, e.offset());
        assertEquals("tag token of PROV 1.0 on tag page 0", e.expected());
    }

    @Test
    void attributeStartUnknownOnPageOne() {
        DecodeException e = decodeFailure("03 0B 6A 00 C5 46 01 C6 00 01 08 01 01 01");
        assertEquals(10, e.offset());
        assertEquals("attribute start token of PROV 1.0 on attribute page 1", e.expected());
    }

    @Test
    void stringTableReferenceBeyondTable() {
        DecodeException e = decodeFailure("03 0B 6A 02 41 00 C5 46 01 C6 50 83 05 01 01 01");
        assertEquals(11, e.offset());
        assertEquals("index 5", e.found());
    }

    @Test
    void characterContentIsRejected() {
        DecodeException e = decodeFailure("03 0B 6A 00 45 03 61 00 01");
        assertEquals(5, e.offset());
        assertEquals("child element or END", e.expected());
    }

    @Test
    void opaqueAttributeValueIsRejected() {
        DecodeException e = decodeFailure("03 0B 6A 00 C5 46 01 C6 51 01 87 15 06 C3 01 41 01 01 01");
        assertEquals(13, e.offset());
    }

    @Test
    void bytesAfterTheRootElementAreIgnoredWithAWarning() {
        List<org.mexe.studio.codec.CodecWarning> warnings = new java.util.ArrayList<>();
        WbxmlDecoder.decode(ProvLanguage.PROV_1_0, Hex.decode("03 0B 6A 00 C5 46 01 01 01"), warnings);
        assertEquals(List.of(new org.mexe.studio.codec.CodecWarning("WBXML byte 8",
                "1 byte(s) after the root element's END ignored (WBXML 1.3 clause 5.3: the body is one element)")), warnings);
    }

    @Test
    void malformedUtf8InInlineString() {
        DecodeException e = decodeFailure("03 0B 6A 00 C5 46 01 C6 50 03 C3 28 00 01 01 01");
        assertEquals(10, e.offset(), "first byte of the string after STR_I");
        assertEquals("malformed UTF-8", e.found());
    }

    @Test
    void everyTruncationOfTheAppendixCVectorIsReportedWithinTheData() {
        byte[] vector = TestResources.bytes(TestResources.APPENDIX_C_WBXML);
        for (int length = 0; length < vector.length; length++) {
            byte[] truncated = Arrays.copyOf(vector, length);
            DecodeException e = assertThrows(DecodeException.class,
                    () -> WbxmlDecoder.decode(ProvLanguage.PROV_1_0, truncated), "length " + length);
            assertTrue(e.offset() <= length, "offset " + e.offset() + " for length " + length);
        }
    }

    @Test
    void corruptedBytesFailOnlyWithCodecExceptions() {
        byte[] vector = TestResources.bytes(TestResources.APPENDIX_C_WBXML);
        int[] replacements = {0x00, 0x01, 0x02, 0x03, 0x04, 0x44, 0x83, 0x84, 0xC3, 0xFF};
        for (int position = 0; position < vector.length; position++) {
            for (int replacement : replacements) {
                byte[] corrupted = vector.clone();
                corrupted[position] = (byte) replacement;
                try {
                    ProvWbxml.decode(corrupted);
                } catch (CodecException expected) {
                    // Rejecting is fine; any other exception type would be a decoder bug.
                } catch (RuntimeException e) {
                    fail("byte %d set to 0x%02X: %s".formatted(position, replacement, e), e);
                }
            }
        }
    }
}
