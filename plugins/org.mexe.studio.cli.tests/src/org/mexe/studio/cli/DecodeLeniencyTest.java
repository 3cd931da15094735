package org.mexe.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.codec.cp.Characteristic;
import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.cp.OmaCpMessage;
import org.mexe.studio.codec.cp.OmaCpMessageEncoder;
import org.mexe.studio.codec.cp.Parm;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.codec.push.PushDocumentType;
import org.mexe.studio.codec.push.PushMessageEncoder;
import org.mexe.studio.codec.push.PushXml;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.security.SecretResolver;

/** {@code prov decode} of captures from the field: what it tolerated beside the document, the MAC over the bytes as received, secrets masked. */
class DecodeLeniencyTest {

    private static final String IMSI = "466923103145252";
    private static final String PASSWORD = "field-pw-123";
    private static final String MAIL_PASSWORD = "mail-pw-456";

    /** What operators send: no version attribute, a GPRS password and a mail password. */
    private static final ProvisioningDocument NO_VERSION = new ProvisioningDocument(Optional.empty(), List.of(
            new Characteristic("NAPDEF", List.of(new Parm("NAPID", "NAP1"), new Parm("BEARER", "GSM-GPRS"),
                    new Parm("NAME", "Operator GPRS"), new Parm("NAP-ADDRESS", "internet.operator.example"),
                    new Parm("NAP-ADDRTYPE", "APN")),
                    List.of(new Characteristic("NAPAUTHINFO", List.of(new Parm("AUTHTYPE", "PAP"),
                            new Parm("AUTHNAME", "web"), new Parm("AUTHSECRET", PASSWORD))))),
            new Characteristic("APPLICATION", List.of(new Parm("APPID", "110"), new Parm("NAME", "Mail")),
                    List.of(new Characteristic("APPAUTH", List.of(new Parm("AAUTHNAME", "me"),
                            new Parm("AAUTHSECRET", MAIL_PASSWORD)))))));

    private static final SubmitParameters TO_UK = new SubmitParameters(SmsAddress.international("447700900123"), 0, 0x31);

    @TempDir
    Path folder;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run prov(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Prov.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), new SecretResolver(Map.of()));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static final String VERSION_WARNING = "warning: /wap-provisioningdoc: no version attribute: the PROV 1.0 DTD"
            + " requires version=\"1.0\"; handsets accept the document without it\n";

    @Test
    void aUserpinPushWithoutVersionDecodesWarnsAndChecksTheMac() throws Exception {
        OmaCpMessage message = OmaCpMessageEncoder.signed(NO_VERSION, new CpSecurity.UserPin("1234"), 1, TO_UK);
        Path tpdus = Files.writeString(folder.resolve("capture.hex"), String.join("\n", message.tpduHexLines()) + "\n");

        Run valid = prov("decode", tpdus.toString(), "--pin", "1234");
        assertEquals(0, valid.exitCode(), valid.err());
        assertEquals(VERSION_WARNING, valid.err());
        assertTrue(valid.out().contains("<wap-provisioningdoc>\n"), valid.out());
        assertTrue(valid.out().endsWith("MAC: valid (USERPIN)\n"), valid.out());

        Run wrongPin = prov("decode", tpdus.toString(), "--pin", "1235");
        assertEquals(Prov.EXIT_INVALID_INPUT, wrongPin.exitCode());
        assertTrue(wrongPin.out().endsWith("MAC: INVALID (USERPIN)\n"), wrongPin.out());
    }

    @Test
    void aNetwpinPushWithATamperedByteIsInvalid() throws Exception {
        OmaCpMessage message = OmaCpMessageEncoder.signed(NO_VERSION, new CpSecurity.NetworkPin(IMSI), 1, TO_UK);
        Path push = Files.write(folder.resolve("push.wsp"), message.wspPush());
        Run valid = prov("decode", push.toString(), "--imsi", IMSI);
        assertEquals(0, valid.exitCode(), valid.err());
        assertEquals(VERSION_WARNING, valid.err());
        assertTrue(valid.out().endsWith("MAC: valid (NETWPIN)\n"), valid.out());

        byte[] tampered = message.wspPush();
        String text = new String(tampered, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("internet.operator.example");
        tampered[at] = 'I';
        Run invalid = prov("decode", Files.write(folder.resolve("tampered.wsp"), tampered).toString(), "--imsi", IMSI);
        assertEquals(Prov.EXIT_INVALID_INPUT, invalid.exitCode(), invalid.err());
        assertTrue(invalid.out().contains("value=\"Internet.operator.example\""), invalid.out());
        assertTrue(invalid.out().endsWith("MAC: INVALID (NETWPIN)\n"), invalid.out());
    }

    @Test
    void passwordsAreMaskedUnlessAsked() throws Exception {
        OmaCpMessage message = OmaCpMessageEncoder.unsigned(NO_VERSION, 1, TO_UK);
        Path push = Files.write(folder.resolve("push.wsp"), message.wspPush());

        Run masked = prov("decode", push.toString());
        assertEquals(0, masked.exitCode(), masked.err());
        for (String secret : List.of(PASSWORD, MAIL_PASSWORD)) {
            assertFalse(masked.out().contains(secret), masked.out());
            assertFalse(masked.err().contains(secret), masked.err());
        }
        assertTrue(masked.out().contains("<parm name=\"AUTHSECRET\" value=\"********\"/>"), masked.out());
        assertTrue(masked.out().contains("<parm name=\"AAUTHSECRET\" value=\"********\"/>"), masked.out());
        assertTrue(masked.out().contains("<parm name=\"AUTHNAME\" value=\"web\"/>"), masked.out());

        Run shown = prov("decode", push.toString(), "--show-secrets");
        assertTrue(shown.out().contains("<parm name=\"AUTHSECRET\" value=\"" + PASSWORD + "\"/>"), shown.out());
        assertTrue(shown.out().contains("<parm name=\"AAUTHSECRET\" value=\"" + MAIL_PASSWORD + "\"/>"), shown.out());
    }

    @Test
    void annotatedBytesNameEveryTokenAndMaskPasswordsUnlessAsked() throws Exception {
        OmaCpMessage message = OmaCpMessageEncoder.signed(NO_VERSION, new CpSecurity.UserPin("1234"), 1, TO_UK);
        Path tpdus = Files.writeString(folder.resolve("capture.hex"), String.join("\n", message.tpduHexLines()) + "\n");

        Run masked = prov("decode", tpdus.toString(), "--pin", "1234", "--annotate");
        assertEquals(0, masked.exitCode(), masked.err());
        assertTrue(masked.out().contains("WBXML, " + message.wbxml().length + " bytes, as a handset's decoder reads them:\n"
                + "0000  03                               version 1.3\n"), masked.out());
        assertTrue(masked.out().contains("STR_I inline string 'internet.operator.example'"), masked.out());
        assertTrue(masked.out().contains("STR_I inline string '********'"), masked.out());
        assertTrue(masked.out().endsWith("MAC: valid (USERPIN)\n"), masked.out());
        for (String secret : List.of(PASSWORD, MAIL_PASSWORD)) {
            assertFalse(masked.out().contains(secret), masked.out());
            assertFalse(masked.out().contains(spacedHex(secret.substring(0, 5))), "no bytes of a password: " + masked.out());
        }

        Run shown = prov("decode", tpdus.toString(), "--annotate", "--show-secrets");
        assertTrue(shown.out().contains("STR_I inline string '" + PASSWORD + "'"), shown.out());
        assertTrue(shown.out().contains("STR_I inline string '" + MAIL_PASSWORD + "'"), shown.out());
        assertFalse(prov("decode", tpdus.toString()).out().contains("as a handset's decoder reads them"), "only when asked");
    }

    private static String spacedHex(String text) {
        StringBuilder hex = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hex.append(String.format("%02X ", b & 0xFF));
        }
        return hex.toString().strip();
    }

    @Test
    void nokiaOtaPasswordsAreMaskedToo() throws Exception {
        String xml = """
                <CHARACTERISTIC-LIST>
                  <CHARACTERISTIC TYPE="ADDRESS">
                    <PARM NAME="BEARER" VALUE="GPRS"/>
                    <PARM NAME="PROXY" VALUE="10.0.0.9"/>
                    <PARM NAME="GPRS_ACCESSPOINTNAME" VALUE="internet"/>
                    <PARM NAME="PPP_AUTHNAME" VALUE="wap"/>
                    <PARM NAME="PPP_AUTHSECRET" VALUE="%s"/>
                  </CHARACTERISTIC>
                </CHARACTERISTIC-LIST>
                """.formatted(PASSWORD);
        var document = PushXml.parse(PushDocumentType.NOKIA_OTA_SETTINGS, xml);
        Path push = Files.write(folder.resolve("ota.wsp"),
                PushMessageEncoder.wspPush(PushDocumentType.NOKIA_OTA_SETTINGS, document, 1));
        Run masked = prov("decode", push.toString());
        assertEquals(0, masked.exitCode(), masked.err());
        assertFalse(masked.out().contains(PASSWORD), masked.out());
        assertTrue(masked.out().contains("<PARM NAME=\"PPP_AUTHSECRET\" VALUE=\"********\"/>"), masked.out());
        assertTrue(prov("decode", push.toString(), "--show-secrets").out().contains(PASSWORD));

        Run annotated = prov("decode", push.toString(), "--annotate");
        assertEquals(0, annotated.exitCode(), annotated.err());
        assertFalse(annotated.out().contains(PASSWORD), annotated.out());
        assertTrue(annotated.out().contains("'********'") && annotated.out().contains("'internet'"), annotated.out());
    }

    @Test
    void wbxmlLibertiesArePrintedWithTheirOffsets() throws Exception {
        // An OMA CP push (content type B6) whose WBXML says public id 01 (unknown): read as OMA CP, said so.
        Path push = Files.writeString(folder.resolve("push.hex"), "010601B6" + "03016A00C54601C65501870706037800010101");
        Run run = prov("decode", push.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("warning: WBXML byte 1: public identifier 0x01 (unknown) is not 0x0B (PROV 1.0); read with PROV 1.0's"
                + " tokens, as the content type or the caller says\n", run.err());
        assertTrue(run.out().contains("<parm name=\"NAME\" value=\"x\"/>"), run.out());
    }
}
