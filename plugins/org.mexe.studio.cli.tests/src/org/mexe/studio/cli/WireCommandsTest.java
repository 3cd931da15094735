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
}
