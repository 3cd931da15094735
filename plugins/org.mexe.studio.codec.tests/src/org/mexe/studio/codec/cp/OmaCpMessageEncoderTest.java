package org.mexe.studio.codec.cp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.TestResources;
import org.mexe.studio.codec.sms.ReassembledMessage;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SmsReassembler;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.codec.wsp.PushSignature;
import org.mexe.studio.codec.wsp.SecurityMethod;
import org.mexe.studio.codec.wsp.WspPush;
import org.mexe.studio.codec.wsp.WspPushCodec;

class OmaCpMessageEncoderTest {

    private static final SubmitParameters TO_SWEDEN = new SubmitParameters(SmsAddress.international("46708251358"), 7, 0x2A);
    /** See CpSecurityTest: openssl dgst -sha1 -hmac 1234 over the Appendix C bytes. */
    private static final String MAC = "B27336FEFC0C0A2A8C04A4A09E570C36C4F61E6C";

    private final ProvisioningDocument appendixC = ProvXml.parse(TestResources.text(TestResources.APPENDIX_C_XML));

    @Test
    void signedWithUserPinFromDocumentToTpdus() {
        OmaCpMessage message = OmaCpMessageEncoder.signed(appendixC, new CpSecurity.UserPin("1234"), 1, TO_SWEDEN);

        assertEquals(ProvXml.write(appendixC), message.xml());
        assertArrayEquals(TestResources.bytes(TestResources.APPENDIX_C_WBXML), message.wbxml());
        assertEquals(Optional.of(new PushSignature(SecurityMethod.USERPIN, MAC)), message.signature());
        String macHex = Hex.encode(MAC.getBytes(StandardCharsets.US_ASCII));
        assertEquals("01062F1F2DB6918192" + macHex + "00" + Hex.encode(message.wbxml()), Hex.encode(message.wspPush()));

        // 473 WBXML + 50 WSP octets = 523 = 4 x 128 + 11.
        List<String> lines = message.tpduHexLines();
        assertEquals(5, lines.size());
        assertEquals("41070B916407281553F800048C0B05040B8423F000032A0501" + "01062F1F2DB6918192" + macHex.substring(0, 2 * 31),
                lines.get(0).substring(0, 2 * (25 + 9 + 31)));
        assertEquals("410B0B916407281553F80004170B05040B8423F000032A0505", lines.get(4).substring(0, 50));
        assertTrue(lines.get(4).endsWith("C65B010101"), "ends with ACCESS and the two ENDs");

        SmsReassembler reassembler = new SmsReassembler();
        List<ReassembledMessage> complete = lines.stream()
                .map(line -> reassembler.accept(SmsSubmitCodec.decode(Hex.decode(line))))
                .flatMap(Optional::stream).toList();
        assertEquals(1, complete.size());
        WspPush push = WspPushCodec.decode(complete.get(0).payload());
        assertEquals(appendixC, ProvWbxml.decode(push.body()));
        assertTrue(new CpSecurity.UserPin("1234").verify(push.body(), push.signature().orElseThrow().mac()));
    }

    @Test
    void unsignedUsesTheShortContentType() {
        ProvisioningDocument small = new ProvisioningDocument(List.of(new Characteristic("BOOTSTRAP",
                List.of(new Parm("NAME", "Op")))));
        OmaCpMessage message = OmaCpMessageEncoder.unsigned(small, 0x33, TO_SWEDEN);
        assertEquals(Optional.empty(), message.signature());
        assertEquals("330601B6" + Hex.encode(message.wbxml()), Hex.encode(message.wspPush()));
        assertEquals(List.of("41070B916407281553F800041F06" + "05040B8423F0" + "330601B6" + Hex.encode(message.wbxml())),
                message.tpduHexLines());
    }

    @Test
    void sameInputSameBytes() {
        CpSecurity pin = new CpSecurity.UserPin("1234");
        assertEquals(OmaCpMessageEncoder.signed(appendixC, pin, 1, TO_SWEDEN), OmaCpMessageEncoder.signed(appendixC, pin, 1, TO_SWEDEN));
    }
}
