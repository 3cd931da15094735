package org.mexe.studio.codec.wbxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.cp.Characteristic;
import org.mexe.studio.codec.cp.Parm;
import org.mexe.studio.codec.cp.ProvCont;
import org.mexe.studio.codec.cp.ProvLanguage;
import org.mexe.studio.codec.cp.ProvWbxml;
import org.mexe.studio.codec.cp.ProvisioningDocument;

/** The byte-by-byte listing of a WBXML document, whole and with secrets masked. */
class WbxmlListingTest {

    // Hand-assembled (WAP-183 PROV 1.0 tokens): version 1.3, PROV 1.0, UTF-8, an empty string table,
    // <wap-provisioningdoc><characteristic type="NAPDEF"><parm name="NAME" value="web"/></...></...>.
    private static final byte[] SMALL = Hex.decode("03 0B 6A 00 45 C6 55 01 87 07 06 03 77 65 62 00 01 01 01".replace(" ", ""));

    @Test
    void eachLineIsOneFieldOrTokenWithItsOffsetAndBytes() {
        String listing = WbxmlListing.of(SMALL, WbxmlDecoder.annotate(ProvLanguage.PROV_1_0, SMALL, new ArrayList<>()));
        List<String> lines = listing.lines().toList();
        assertEquals("0000  03                               version 1.3", lines.get(0));
        assertTrue(lines.contains("000B  03 77 65 62 00                   STR_I inline string 'web'"), listing);
        assertEquals("0012  01                               END </wap-provisioningdoc>", lines.get(lines.size() - 1));
    }

    @Test
    void aSecretIsMaskedWholeOrInPartsAndItsBytesAreNotShown() {
        // Two passwords sharing a beginning: the encoder puts the shorter in the string table and writes the
        // longer as a reference to it followed by an inline rest, so neither part is the whole secret.
        String password = "field-pw-123";
        String longer = password + "-and-more";
        ProvisioningDocument document = new ProvisioningDocument(List.of(new Characteristic("NAPDEF",
                List.of(new Parm("NAME", "Operator GPRS")),
                List.of(new Characteristic("NAPAUTHINFO", List.of(new Parm("AUTHSECRET", password))),
                        new Characteristic("NAPAUTHINFO", List.of(new Parm("AUTHSECRET", password))),
                        new Characteristic("NAPAUTHINFO", List.of(new Parm("AUTHSECRET", longer)))))));
        byte[] wbxml = ProvWbxml.encode(document);
        List<WbxmlAnnotation> annotations = WbxmlDecoder.annotate(ProvLanguage.PROV_1_0, wbxml, new ArrayList<>());
        assertTrue(annotations.stream().anyMatch(a -> a.what().startsWith("STR_T") && a.text().orElse("").equals(password)),
                "the shared password is in the string table: " + annotations);
        assertTrue(annotations.stream().anyMatch(a -> a.what().startsWith("STR_I") && a.text().orElse("").equals("-and-more")),
                "the longer one is a reference and an inline rest: " + annotations);

        String masked = WbxmlListing.masked(wbxml, annotations, ProvCont.secretValues(document), ProvCont.MASK);
        assertFalse(masked.contains(password), masked);
        assertFalse(masked.contains("-and-more"), masked);
        assertFalse(masked.contains(hexOf(password.substring(0, 6))), "no bytes of a password: " + masked);
        assertTrue(masked.contains("STR_I inline string '" + ProvCont.MASK + "'"), masked);
        assertTrue(masked.contains("STR_T string table reference '" + ProvCont.MASK + "'"), masked);
        assertTrue(masked.contains("STR_I inline string 'Operator GPRS'"), "what is not secret stays: " + masked);
        assertEquals(WbxmlListing.of(wbxml, annotations).lines().count(), masked.lines().count(), "one line per token still");

        String whole = WbxmlListing.of(wbxml, annotations);
        assertTrue(whole.contains("'" + password + "'") && whole.contains("'-and-more'"), whole);
    }

    @Test
    void aDocumentWithoutSecretsListsTheSameMaskedOrNot() {
        List<WbxmlAnnotation> annotations = WbxmlDecoder.annotate(ProvLanguage.PROV_1_0, SMALL, new ArrayList<>());
        assertEquals(WbxmlListing.of(SMALL, annotations), WbxmlListing.masked(SMALL, annotations, Set.of(), ProvCont.MASK));
    }

    private static String hexOf(String text) {
        StringBuilder hex = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hex.append(String.format("%02X ", b & 0xFF));
        }
        return hex.toString().strip();
    }
}
