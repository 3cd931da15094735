package org.mexe.studio.codec.cp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.CodecWarning;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.InvalidDocumentException;
import org.mexe.studio.codec.TestResources;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.Decoded;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.MacStatus;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SubmitParameters;

/** Documents from the field decode as a handset would take them, and every liberty is a warning. */
class LenientDecodingTest {

    static final String FIELD_NAPDEF = "/lenient/field-napdef-no-version.xml";
    private static final String IMSI = "466923103145252";
    private static final SubmitParameters TO_UK = new SubmitParameters(SmsAddress.international("447700900123"), 0, 0x31);

    /** A plain document without version, as operators send it. */
    static final ProvisioningDocument NO_VERSION = new ProvisioningDocument(Optional.empty(), List.of(
            new Characteristic("NAPDEF", List.of(new Parm("NAPID", "NAP1"), new Parm("BEARER", "GSM-GPRS"),
                    new Parm("NAME", "Operator GPRS"), new Parm("NAP-ADDRESS", "internet.operator.example"),
                    new Parm("NAP-ADDRTYPE", "APN")),
                    List.of(new Characteristic("NAPAUTHINFO", List.of(new Parm("AUTHTYPE", "PAP"),
                            new Parm("AUTHNAME", "web"), new Parm("AUTHSECRET", "dummy-secret")))))));

    private static List<String> texts(List<CodecWarning> warnings) {
        return warnings.stream().map(CodecWarning::toString).toList();
    }

    @Test
    void aFieldDocumentParsesWithAWarningForEachLiberty() {
        List<CodecWarning> warnings = new ArrayList<>();
        ProvisioningDocument document = ProvXml.parse(TestResources.text(FIELD_NAPDEF), warnings);

        assertEquals(Optional.empty(), document.version());
        assertEquals(2, document.characteristics().size(), "characteristic-query is skipped");
        Characteristic napdef = document.characteristics().get(0);
        assertTrue(napdef.parms().contains(Parm.flag(" INTERNET ")), "names are kept as received: " + napdef);
        assertTrue(napdef.parms().contains(new Parm("LOCAL-ADDRTYPE", "IPv4")), "values are kept as received");

        assertEquals(List.of(
                "/wap-provisioningdoc/characteristic[1](NAPDEF): attribute mwid ignored: the PROV 1.0 DTD declares only type on characteristic",
                "/wap-provisioningdoc/characteristic-query[3](NAPDEF): element characteristic-query skipped: the PROV 1.0 DTD allows only characteristic inside wap-provisioningdoc",
                "/wap-provisioningdoc: no version attribute: the PROV 1.0 DTD requires version=\"1.0\"; handsets accept the document without it",
                "/wap-provisioningdoc/characteristic[1](NAPDEF)/parm[5](NAP-ADDRTYPE): value 'apn' is written APN in ProvCont 1.1 (the case differs)",
                "/wap-provisioningdoc/characteristic[1](NAPDEF)/parm[6](LOCAL-ADDRTYPE): value 'IPv4' is written IPV4 in ProvCont 1.1 (the case differs)",
                "/wap-provisioningdoc/characteristic[1](NAPDEF)/parm[7]( INTERNET ): parm ' INTERNET ' is written INTERNET in ProvCont 1.1 (white space around it)",
                "/wap-provisioningdoc/characteristic[2](pxlogical): characteristic type 'pxlogical' is written PXLOGICAL in ProvCont 1.1 (the case differs)",
                "/wap-provisioningdoc/characteristic[2](pxlogical)/parm[3](X-OPERATOR-HINT): ProvCont 1.1 defines no parm X-OPERATOR-HINT in PXLOGICAL; a handset that does not know it ignores it"),
                texts(warnings));
        assertFalse(warnings.toString().contains("s3cret-field"), "a warning never quotes a secret");
    }

    @Test
    void theSameDocumentEncodesWithTheSameWarningsAndDecodesBack() {
        List<CodecWarning> parsed = new ArrayList<>();
        ProvisioningDocument document = ProvXml.parse(TestResources.text(FIELD_NAPDEF), parsed);
        byte[] wbxml = ProvWbxml.encode(document);
        List<CodecWarning> decoded = new ArrayList<>();
        assertEquals(document, ProvWbxml.decode(wbxml, decoded));
        // The structural liberties are gone once written; what ProvCont says about the document stays.
        assertEquals(ProvCont.check(document), decoded);
        assertTrue(parsed.containsAll(decoded));
        assertFalse(ProvXml.write(document).contains("<wap-provisioningdoc version"));
    }

    @Test
    void aSignedPushWithoutVersionDecodesWarnsAndChecksItsMacOverTheBytesAsReceived() {
        OmaCpMessage userPin = OmaCpMessageEncoder.signed(NO_VERSION, new CpSecurity.UserPin("1234"), 1, TO_UK);
        assertEquals(ProvCont.check(NO_VERSION), userPin.warnings());
        byte[] hex = String.join("\n", userPin.tpduHexLines()).getBytes(StandardCharsets.US_ASCII);

        Decoded decoded = OmaCpMessageDecoder.decode(hex);
        assertEquals(NO_VERSION, decoded.document());
        assertEquals(List.of("/wap-provisioningdoc: no version attribute: the PROV 1.0 DTD requires version=\"1.0\"; handsets"
                + " accept the document without it"), texts(decoded.warnings()));
        assertEquals(MacStatus.VALID, decoded.checkMac(Optional.of("1234"), Optional.empty()));
        assertEquals(MacStatus.INVALID, decoded.checkMac(Optional.of("1235"), Optional.empty()));

        OmaCpMessage netwPin = OmaCpMessageEncoder.signed(NO_VERSION, new CpSecurity.NetworkPin(IMSI), 1, TO_UK);
        Decoded push = OmaCpMessageDecoder.decode(netwPin.wspPush());
        assertEquals(MacStatus.VALID, push.checkMac(Optional.empty(), Optional.of(IMSI)));

        byte[] tampered = netwPin.wspPush();
        int secret = indexOf(tampered, "dummy-secret".getBytes(StandardCharsets.US_ASCII));
        tampered[secret] ^= 0x01;
        Decoded tamperedPush = OmaCpMessageDecoder.decode(tampered);
        assertEquals(MacStatus.INVALID, tamperedPush.checkMac(Optional.empty(), Optional.of(IMSI)));
    }

    @Test
    void wbxmlLibertiesAreWarningsWithTheirOffsets() {
        byte[] plain = ProvWbxml.encode(new ProvisioningDocument(NO_VERSION.characteristics()));
        assertEquals(0x00, plain[3], "this document needs no string table");
        ByteArrayOutputStream bent = new ByteArrayOutputStream();
        bent.write(0x03);
        bent.write(0x01); // public id "unknown"
        bent.write(0x04); // ISO-8859-1
        bent.write(0x05); // a string table of 5 bytes that nothing references
        bent.writeBytes("junk\0".getBytes(StandardCharsets.US_ASCII));
        bent.write(plain, 4, plain.length - 4);
        bent.write(0x01); // a stray END after the root

        List<CodecWarning> warnings = new ArrayList<>();
        assertEquals(new ProvisioningDocument(NO_VERSION.characteristics()), ProvWbxml.decode(bent.toByteArray(), warnings));
        assertEquals(List.of(
                "WBXML byte 1: public identifier 0x01 (unknown) is not 0x0B (PROV 1.0); read with PROV 1.0's tokens, as the content type or the caller says",
                "WBXML byte 2: charset ISO-8859-1 (MIBenum 4) instead of UTF-8; read as ISO-8859-1",
                "WBXML byte " + (bent.size() - 1) + ": 1 byte(s) after the root element's END ignored (WBXML 1.3 clause 5.3: the body is one element)",
                "WBXML byte 4: string table of 5 bytes has 5 that no token references (ignored)"), texts(warnings));
    }

    @Test
    void latin1StringsAreReadAsLatin1() {
        byte[] utf8 = ProvWbxml.encode(new ProvisioningDocument(List.of(new Characteristic("NAPDEF", List.of(new Parm("NAME", "Télé"))))));
        String hex = org.mexe.studio.codec.Hex.encode(utf8).replace("54C3A96CC3A9", "54E96CE9");
        byte[] latin1 = org.mexe.studio.codec.Hex.decode(hex);
        latin1[2] = 0x04;
        List<CodecWarning> warnings = new ArrayList<>();
        assertEquals(new Parm("NAME", "Télé"), ProvWbxml.decode(latin1, warnings).characteristics().get(0).parms().get(0));
        assertEquals(1, warnings.size(), warnings.toString());
    }

    @Test
    void whatCannotBeReadIsStillRefusedNamingTheRule() {
        InvalidDocumentException root = assertThrows(InvalidDocumentException.class,
                () -> ProvXml.parse("<si><indication href=\"http://x/\"/></si>"));
        assertTrue(root.getMessage().contains("root element must be wap-provisioningdoc (PROV 1.0 DTD"), root.getMessage());

        InvalidDocumentException emptyType = assertThrows(InvalidDocumentException.class,
                () -> new Characteristic(" ", List.of()));
        assertTrue(emptyType.getMessage().contains("#REQUIRED"), emptyType.getMessage());

        DecodeException charset = assertThrows(DecodeException.class, () -> ProvWbxml.decode(new byte[] {0x03, 0x0B, 0x11, 0x00}));
        assertTrue(charset.getMessage().contains("MIBenum 17"), charset.getMessage());
    }

    @Test
    void aDocumentFromMicrosoftsCspPagesDecodesWithItsUnknownTypesNamed() {
        List<CodecWarning> warnings = new ArrayList<>();
        ProvisioningDocument document = ProvXml.parse(TestResources.text("/lenient/microsoft-browserfavorite.xml"), warnings);
        assertEquals("Help and how-to", document.characteristics().get(0).characteristics().get(0).type());
        assertEquals(List.of(
                "/wap-provisioningdoc: no version attribute: the PROV 1.0 DTD requires version=\"1.0\"; handsets accept the document without it",
                "/wap-provisioningdoc/characteristic[1](BrowserFavorite): characteristic type BrowserFavorite is not one of ProvCont 1.1's; a handset that does not know it ignores it",
                "/wap-provisioningdoc/characteristic[1](BrowserFavorite)/characteristic[1](Help and how-to): characteristic type Help and how-to is not one of ProvCont 1.1's; a handset that does not know it ignores it"),
                texts(warnings));
        assertEquals(document, ProvWbxml.decode(ProvWbxml.encode(document)));
    }

    @Test
    void plainProvContDocumentsGiveNoWarning() {
        for (String path : List.of("/lenient/cpclient-internetmms.xml", TestResources.APPENDIX_C_XML, TestResources.OPERATOR_SETTINGS_XML,
                TestResources.APPLICATION_XML)) {
            List<CodecWarning> warnings = new ArrayList<>();
            ProvXml.parse(TestResources.text(path), warnings);
            assertEquals(List.of(), texts(warnings), path);
        }
    }

    @Test
    void maskingReplacesEverySecretParmAndNothingElse() {
        ProvisioningDocument document = new ProvisioningDocument(List.of(
                new Characteristic("NAPDEF", List.of(new Parm("NAME", "n")),
                        List.of(new Characteristic("NAPAUTHINFO", List.of(new Parm("AUTHNAME", "web"), new Parm("AUTHSECRET", "pw1"))))),
                new Characteristic("APPLICATION", List.of(new Parm("APPID", "110")),
                        List.of(new Characteristic("APPAUTH", List.of(new Parm("AAUTHNAME", "me"), new Parm("aauthsecret", "pw2"))))),
                new Characteristic("PXLOGICAL", List.of(new Parm("PROXY-PW", "pw3"), new Parm("BASAUTH-PW", "pw4")),
                        List.of(new Characteristic("PXAUTHINFO", List.of(new Parm("PXAUTH-PW", "pw5"), new Parm("PXAUTH-ID", "id")))))));
        String masked = ProvXml.write(ProvCont.masked(document));
        for (String secret : List.of("pw1", "pw2", "pw3", "pw4", "pw5")) {
            assertFalse(masked.contains(secret), masked);
        }
        assertEquals(5, masked.split(java.util.regex.Pattern.quote(ProvCont.MASK), -1).length - 1, masked);
        assertTrue(masked.contains("value=\"web\"") && masked.contains("value=\"me\"") && masked.contains("value=\"id\""), masked);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
