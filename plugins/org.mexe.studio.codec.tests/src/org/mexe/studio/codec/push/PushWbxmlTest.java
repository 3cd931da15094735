package org.mexe.studio.codec.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.CodecException;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.InvalidDocumentException;
import org.mexe.studio.codec.wbxml.WbxmlAttribute;
import org.mexe.studio.codec.wbxml.WbxmlElement;

class PushWbxmlTest {

    private static String hex(String ascii) {
        return Hex.encodeSpaced(ascii.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The WAP-167 example as libwbxml 0.11 encodes it ({@code xml2wbxml -v 1.2}): href prefix
     * http://www. (0D), suffix .com/ (85), dates as OPAQUE packed BCD without trailing zero octets.
     */
    private static final String SI_EXAMPLE_WBXML = "02 05 6A 00 45 C6 0D 03 " + hex("xyz") + " 00 85 03 " + hex("email/123/abc.wml")
            + " 00 0A C3 07 19 99 06 25 15 23 15 10 C3 04 19 99 06 30 01 03 " + hex("You have 4 new emails") + " 00 01 01";

    /** libwbxml ({@code xml2wbxml -v 1.3}, version octet 02 here): https://www. (0C), .org/ (88) and .com/ (85) mid-value. */
    private static final String SL_EXAMPLE_WBXML = "02 06 6A 00 85 0C 03 " + hex("example") + " 00 88 03 " + hex("a")
            + " 00 85 03 " + hex("x") + " 00 06 01";

    private static DecodeException siFailure(String hex) {
        return assertThrows(DecodeException.class, () -> PushWbxml.decode(PushDocumentType.SI, Hex.decode(hex)));
    }

    @Test
    void siExampleIsByteForByteWhatLibwbxmlWrites() {
        WbxmlElement si = PushXml.parse(PushDocumentType.SI, PushDocuments.SI_EXAMPLE);
        assertEquals(SI_EXAMPLE_WBXML, Hex.encodeSpaced(PushWbxml.encode(PushDocumentType.SI, si)));
        assertEquals(si, PushWbxml.decode(PushDocumentType.SI, Hex.decode(SI_EXAMPLE_WBXML)));
        assertEquals(si, PushXml.parse(PushDocumentType.SI, PushDocuments.SI_LIBWBXML_001));
    }

    @Test
    void slExampleIsByteForByteWhatLibwbxmlWrites() {
        WbxmlElement sl = PushXml.parse(PushDocumentType.SL, PushDocuments.SL_EXAMPLE);
        assertEquals(SL_EXAMPLE_WBXML, Hex.encodeSpaced(PushWbxml.encode(PushDocumentType.SL, sl)));
        assertEquals(sl, PushWbxml.decode(PushDocumentType.SL, Hex.decode(SL_EXAMPLE_WBXML)));
    }

    @Test
    void otaSettingsUseWholeValueAttributeStarts() {
        WbxmlElement bookmark = new WbxmlElement("CHARACTERISTIC-LIST", List.of(), List.of(
                new WbxmlElement("CHARACTERISTIC", List.of(new WbxmlAttribute("TYPE", "BOOKMARK")), List.of(
                        new WbxmlElement("PARM", List.of(new WbxmlAttribute("NAME", "NAME"), new WbxmlAttribute("VALUE", "Example")), List.of()),
                        new WbxmlElement("PARM", List.of(new WbxmlAttribute("NAME", "BEARER"), new WbxmlAttribute("VALUE", "GPRS")), List.of())))));
        // Header 01 01 6A 00 as formats.md gives it; TYPE=BOOKMARK 7F, NAME=NAME 15, VALUE 11, NAME=BEARER 12, VALUE=GPRS 49.
        assertEquals("01 01 6A 00 45 C6 7F 01 87 15 11 03 " + hex("Example") + " 00 01 87 12 49 01 01 01",
                Hex.encodeSpaced(PushWbxml.encode(PushDocumentType.NOKIA_OTA_SETTINGS, bookmark)));
    }

    @Test
    void everyDocumentSurvivesARoundTrip() {
        for (var entry : List.of(
                Map.entry(PushDocumentType.SI, PushDocuments.SI_EXAMPLE),
                Map.entry(PushDocumentType.SI, PushDocuments.SI_FULL),
                Map.entry(PushDocumentType.SL, PushDocuments.SL_EXAMPLE),
                Map.entry(PushDocumentType.SL, PushDocuments.SL_CACHE),
                Map.entry(PushDocumentType.NOKIA_OTA_SETTINGS, PushDocuments.OTA_SETTINGS))) {
            WbxmlElement tree = PushXml.parse(entry.getKey(), entry.getValue());
            assertEquals(tree, PushWbxml.decode(entry.getKey(), PushWbxml.encode(entry.getKey(), tree)), entry.getKey().name());
            assertEquals(tree, PushXml.parse(entry.getKey(), PushXml.write(entry.getKey(), tree)), entry.getKey().name());
        }
    }

    @Test
    void datesDropTrailingZeroOctetsAndOddDatesStayStrings() {
        WbxmlElement si = new WbxmlElement("si", List.of(), List.of(new WbxmlElement("indication",
                List.of(new WbxmlAttribute("created", "2026-01-01T00:00:00Z"), new WbxmlAttribute("si-expires", "tomorrow")),
                List.of(), "")));
        byte[] wbxml = PushWbxml.encode(PushDocumentType.SI, si);
        assertEquals("02 05 6A 00 45 86 0A C3 04 20 26 01 01 10 03 " + hex("tomorrow") + " 00 01 01", Hex.encodeSpaced(wbxml));
        assertEquals(si, PushWbxml.decode(PushDocumentType.SI, wbxml));
    }

    @Test
    void malformedDatesAreReportedAtTheirOpaqueToken() {
        DecodeException notBcd = siFailure("02 05 6A 00 45 86 0A C3 02 19 9A 01 01");
        assertEquals(7, notBcd.offset());
        assertTrue(notBcd.found().contains("19 9A"), notBcd.found());
        assertEquals(7, siFailure("02 05 6A 00 45 86 0A C3 08 19 99 01 01 00 00 00 00 01 01").offset());
        DecodeException notADate = siFailure("02 05 6A 00 45 86 11 C3 01 19 01 01");
        assertEquals(7, notADate.offset());
        assertTrue(notADate.found().contains("si-id"), notADate.found());
    }

    @Test
    void textOnlyWhereTheLanguageHasIt() {
        DecodeException textInSi = siFailure("02 05 6A 00 45 03 61 00 01");
        assertEquals(5, textInSi.offset());
        DecodeException tagInText = siFailure("02 05 6A 00 45 46 03 61 00 07 01 01 01");
        assertEquals(9, tagInText.offset());
        DecodeException slText = assertThrows(DecodeException.class,
                () -> PushWbxml.decode(PushDocumentType.SL, Hex.decode("02 06 6A 00 45 03 61 00 01")));
        assertEquals(5, slText.offset());
    }

    @Test
    void otherPublicIdentifiersAreWarningsAndOtherRootsAreRejected() {
        List<org.mexe.studio.codec.CodecWarning> warnings = new java.util.ArrayList<>();
        PushWbxml.decode(PushDocumentType.SI, Hex.decode("02 06 6A 00 05"), warnings);
        assertEquals("WBXML byte 1", warnings.get(0).location());
        assertThrows(InvalidDocumentException.class, () -> PushWbxml.decode(PushDocumentType.SI, Hex.decode("02 05 6A 00 06")));
        assertThrows(InvalidDocumentException.class, () -> PushWbxml.encode(PushDocumentType.SL,
                new WbxmlElement("si", List.of(), List.of())));
    }

    @Test
    void everyTruncationIsADecodeErrorWithinTheData() {
        byte[] full = Hex.decode(SI_EXAMPLE_WBXML);
        for (int length = 0; length < full.length; length++) {
            byte[] truncated = Arrays.copyOf(full, length);
            DecodeException e = assertThrows(DecodeException.class, () -> PushWbxml.decode(PushDocumentType.SI, truncated),
                    "length " + length);
            assertTrue(e.offset() <= length, "offset " + e.offset() + " for length " + length);
        }
    }

    @Test
    void corruptedBytesFailOnlyWithCodecExceptions() {
        byte[] full = Hex.decode(SI_EXAMPLE_WBXML);
        for (int i = 0; i < full.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] corrupted = full.clone();
                corrupted[i] ^= (byte) (1 << bit);
                try {
                    PushWbxml.decode(PushDocumentType.SI, corrupted);
                } catch (CodecException expected) {
                    // Any typed error is fine; an unchecked one from inside the decoder is not.
                }
            }
        }
    }
}
