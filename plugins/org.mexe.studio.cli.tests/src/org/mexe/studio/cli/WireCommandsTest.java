package org.mexe.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.security.SecretResolver;

/** {@code prov cp encode} and {@code prov decode}, in the exact forms scripts depend on. */
class WireCommandsTest {

    private static final String DOCUMENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE wap-provisioningdoc PUBLIC "-//WAPFORUM//DTD PROV 1.0//EN" "http://www.wapforum.org/DTD/prov.dtd">
            <wap-provisioningdoc version="1.0">
              <characteristic type="NAPDEF">
                <parm name="NAPID" value="NAP1"/>
                <parm name="BEARER" value="GSM-GPRS"/>
                <parm name="NAME" value="Operator GPRS"/>
                <parm name="NAP-ADDRESS" value="internet.operator.example"/>
                <parm name="NAP-ADDRTYPE" value="APN"/>
              </characteristic>
            </wap-provisioningdoc>
            """;

    @TempDir
    Path folder;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run prov(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Prov.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.US_ASCII)), new PrintWriter(out, true),
                new PrintWriter(err, true), new SecretResolver(Map.of()));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Path document() throws Exception {
        return Files.writeString(folder.resolve("doc.xml"), DOCUMENT);
    }

    @Test
    void encodedSubmitsDecodeWithAValidMac() throws Exception {
        Path tpdus = folder.resolve("out/tpdus.hex");
        Run encode = prov("", "cp", "encode", document().toString(), "--sec", "USERPIN", "--pin", "1234", "--format", "submit",
                "--to", "+447700900123", "-o", tpdus.toString());
        assertEquals(0, encode.exitCode(), encode.err());
        assertTrue(Files.readString(tpdus).matches("(41[0-9A-F]+\n)+"), Files.readString(tpdus));

        Run valid = prov("", "decode", tpdus.toString(), "--pin", "1234");
        assertEquals(0, valid.exitCode(), valid.err());
        assertTrue(valid.out().contains("<parm name=\"NAP-ADDRESS\" value=\"internet.operator.example\"/>"), valid.out());
        assertTrue(valid.out().endsWith("MAC: valid (USERPIN)\n"), valid.out());

        Run invalid = prov("", "decode", tpdus.toString(), "--pin", "4321");
        assertEquals(Prov.EXIT_INVALID_INPUT, invalid.exitCode());
        assertTrue(invalid.out().endsWith("MAC: INVALID (USERPIN)\n"), invalid.out());

        Run unchecked = prov(Files.readString(tpdus), "decode", "-");
        assertEquals(0, unchecked.exitCode(), unchecked.err());
        assertTrue(unchecked.out().endsWith("MAC: not checked (USERPIN)\n"), unchecked.out());
    }

    @Test
    void aNetwpinPushChecksWithTheImsi() throws Exception {
        Path push = folder.resolve("push.wsp");
        Run encode = prov("", "cp", "encode", document().toString(), "--sec", "NETWPIN", "--imsi", "466923103145252", "--format", "wsp",
                "-o", push.toString());
        assertEquals(0, encode.exitCode(), encode.err());
        assertEquals(0x06, Files.readAllBytes(push)[1], "a WSP push PDU");
        Run decode = prov("", "decode", push.toString(), "--imsi", "466923103145252");
        assertTrue(decode.out().endsWith("MAC: valid (NETWPIN)\n"), decode.out());
    }

    @Test
    void wbxmlGoesToStandardOutputInHexAndDecodesUnsigned() throws Exception {
        Run encode = prov("", "cp", "encode", document().toString(), "--format", "wbxml");
        assertEquals(0, encode.exitCode(), encode.err());
        assertTrue(encode.out().startsWith("030B6A"), encode.out());
        Run decode = prov(encode.out(), "decode");
        assertEquals(0, decode.exitCode(), decode.err());
        assertTrue(decode.out().endsWith("MAC: not checked (unsigned)\n"), decode.out());
    }

    @Test
    void malformedInputIsRefusedWithTheOffset() throws Exception {
        Path broken = Files.write(folder.resolve("broken.wbxml"), new byte[] { 0x03, 0x0B, 0x6A, 0x00, 0x7F });
        Run decode = prov("", "decode", broken.toString());
        assertEquals(Prov.EXIT_INVALID_INPUT, decode.exitCode());
        assertTrue(decode.err().contains(broken + ": WBXML: expected") && decode.err().contains("at byte 4"), decode.err());
    }

    @Test
    void missingOptionsAreUsageErrors() throws Exception {
        assertEquals(Prov.EXIT_USAGE, prov("", "cp", "encode", document().toString(), "--format", "submit").exitCode(), "--to");
        assertEquals(Prov.EXIT_USAGE, prov("", "cp", "encode", document().toString(), "--format", "wsp", "--sec", "USERPIN").exitCode(),
                "--pin");
        assertEquals(Prov.EXIT_USAGE, prov("", "cp", "encode", document().toString(), "--format", "deliver").exitCode());
    }

    private static final String SI = """
            <?xml version="1.0"?>
            <!DOCTYPE si PUBLIC "-//WAPFORUM//DTD SI 1.0//EN" "http://www.wapforum.org/DTD/si.dtd">
            <si><indication href="http://wap.example.com/mail" si-id="1">You have mail</indication></si>
            """;

    /** No DOCTYPE: the root element alone names it. */
    private static final String NOKIA_BOOKMARK = """
            <CHARACTERISTIC-LIST><CHARACTERISTIC TYPE="BOOKMARK"><PARM NAME="NAME" VALUE="Example"/>\
            <PARM NAME="URL" VALUE="http://wap.example.com/"/></CHARACTERISTIC></CHARACTERISTIC-LIST>
            """;

    @Test
    void siEncodesToASubmitOnTheWapPushPortsAndDecodesBack() throws Exception {
        Path si = Files.writeString(folder.resolve("si.xml"), SI);
        Run encode = prov("", "cp", "encode", si.toString(), "--to", "+447700900123");
        assertEquals(0, encode.exitCode(), encode.err());
        // UDH 0B84 from 23F0, then TID 01, push 06, headers 03: AE (SI), AF 82 (wml.ua), WBXML 1.2 SI 1.0.
        assertTrue(encode.out().matches("41000C914477000910320004[0-9A-F]{2}0605040B8423F0010603AEAF8202056A[0-9A-F]+\n"), encode.out());

        Run decode = prov(encode.out(), "decode");
        assertEquals(0, decode.exitCode(), decode.err());
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE si PUBLIC "-//WAPFORUM//DTD SI 1.0//EN" "http://www.wapforum.org/DTD/si.dtd">
                <si>
                  <indication href="http://wap.example.com/mail" si-id="1">You have mail</indication>
                </si>
                MAC: not checked (unsigned)
                """, decode.out());
    }

    @Test
    void nokiaOtaDeliverWithFromAndTheFixedTimestamp() throws Exception {
        Path bookmark = Files.writeString(folder.resolve("bookmark.xml"), NOKIA_BOOKMARK);
        Run encode = prov("", "cp", "encode", bookmark.toString(), "--format", "deliver", "--from", "+46708251358");
        assertEquals(0, encode.exitCode(), encode.err());
        // 44 (UDHI, MMS), OA, PID 00, DCS 04, SCTS 2000-01-01T00:00:00Z, UDL 6A, ports C34F from C002,
        // then the push with the text content type and charset UTF-8.
        // "application/x-wap-prov.browser-settings"
        String contentTypeHex = "6170706C69636174696F6E2F782D7761702D70726F762E62726F777365722D73657474696E6773";
        assertEquals("440B916407281553F8000400101000000000" + "6A060504C34FC002" + "01062C1F2A" + contentTypeHex + "0081EA"
                + "01016A0045C67F01871511034578616D706C65000187171103687474703A2F2F7761702E6578616D706C652E636F6D2F00010101\n",
                encode.out());

        Run later = prov("", "cp", "encode", bookmark.toString(), "--format", "deliver", "--from", "+46708251358",
                "--timestamp", "2026-11-24T10:15:30+01:00");
        assertEquals(0, later.exitCode(), later.err());
        assertTrue(later.out().startsWith("440B916407281553F80004" + "62114201510340"), later.out());

        Run decode = prov(encode.out(), "decode");
        assertEquals(0, decode.exitCode(), decode.err());
        assertTrue(decode.out().contains("<PARM NAME=\"URL\" VALUE=\"http://wap.example.com/\"/>"), decode.out());
        assertTrue(decode.out().endsWith("MAC: not checked (unsigned)\n"), decode.out());
    }

    @Test
    void omaCpDeliverDecodesWithItsMac() throws Exception {
        Run encode = prov("", "cp", "encode", document().toString(), "--sec", "USERPIN", "--pin", "1234", "--format", "deliver",
                "--from", "12345");
        assertEquals(0, encode.exitCode(), encode.err());
        assertTrue(encode.out().matches("(4405A12143F5000400101000000000[0-9A-F]{2}(06|0B)05040B8423F0[0-9A-F]+\n)+"), encode.out());
        Run decode = prov(encode.out(), "decode", "--pin", "1234");
        assertEquals(0, decode.exitCode(), decode.err());
        assertTrue(decode.out().endsWith("MAC: valid (USERPIN)\n"), decode.out());
    }

    @Test
    void secIsForOmaCpOnlyAndDeliverNeedsFrom() throws Exception {
        Path si = Files.writeString(folder.resolve("si.xml"), SI);
        Run signedSi = prov("", "cp", "encode", si.toString(), "--sec", "USERPIN", "--pin", "1234", "--to", "+447700900123");
        assertEquals(Prov.EXIT_USAGE, signedSi.exitCode());
        assertTrue(signedSi.err().contains("--sec applies to OMA CP documents only"), signedSi.err());
        assertEquals(Prov.EXIT_USAGE, prov("", "cp", "encode", si.toString(), "--format", "deliver").exitCode(), "--from");
        assertEquals(Prov.EXIT_USAGE, prov("", "cp", "encode", si.toString(), "--format", "deliver", "--from", "123",
                "--timestamp", "yesterday").exitCode(), "--timestamp");
    }

    @Test
    void userNetwPinAndUserPinMacPushesCheckWithTheirKeys() throws Exception {
        Path netw = folder.resolve("usernetwpin.wsp");
        assertEquals(0, prov("", "cp", "encode", document().toString(), "--sec", "USERNETWPIN", "--imsi", "466923103145252",
                "--pin", "1234", "--format", "wsp", "-o", netw.toString()).exitCode());
        Run both = prov("", "decode", netw.toString(), "--imsi", "466923103145252", "--pin", "1234");
        assertTrue(both.out().endsWith("MAC: valid (USERNETWPIN)\n"), both.out());
        Run wrongPin = prov("", "decode", netw.toString(), "--imsi", "466923103145252", "--pin", "1235");
        assertTrue(wrongPin.out().endsWith("MAC: INVALID (USERNETWPIN)\n"), wrongPin.out());

        Path pinFile = folder.resolve("userpinmac-pin.txt");
        Path mac = folder.resolve("userpinmac.wsp");
        Run made = prov("", "cp", "encode", document().toString(), "--sec", "USERPINMAC", "--pin-out", pinFile.toString(),
                "--format", "wsp", "-o", mac.toString());
        assertEquals(0, made.exitCode(), made.err());
        String pin = Files.readString(pinFile).strip();
        assertTrue(pin.matches("\\d{8}"), pin);
        assertTrue(!(made.out() + made.err()).contains(pin), "the PIN went to the file only");
        Run valid = prov("", "decode", mac.toString(), "--pin", pin);
        assertTrue(valid.out().endsWith("MAC: valid (USERPINMAC)\n"), valid.out());
        String otherPin = pin.substring(0, 4) + (pin.charAt(4) == '9' ? '0' : (char) (pin.charAt(4) + 1)) + pin.substring(5);
        Run invalid = prov("", "decode", mac.toString(), "--pin", otherPin);
        assertTrue(invalid.out().endsWith("MAC: INVALID (USERPINMAC)\n"), invalid.out());
        assertEquals(Prov.EXIT_USAGE, prov("", "cp", "encode", document().toString(), "--sec", "USERPINMAC", "--pin", otherPin,
                "--format", "wsp").exitCode(), "a PIN made for another document");
    }
}
