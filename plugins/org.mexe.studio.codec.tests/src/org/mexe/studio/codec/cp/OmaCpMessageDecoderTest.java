package org.mexe.studio.codec.cp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.TestResources;
import org.mexe.studio.codec.WireFormat;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.Decoded;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.Form;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.MacStatus;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SubmitParameters;

class OmaCpMessageDecoderTest {

    private static final SubmitParameters TO_UK = new SubmitParameters(SmsAddress.international("447700900123"), 0, 0x31);
    private static final String IMSI = "466923103145252";

    private final ProvisioningDocument settings = ProvXml.parse(TestResources.text(TestResources.OPERATOR_SETTINGS_XML));
    private final OmaCpMessage userPin = OmaCpMessageEncoder.signed(settings, new CpSecurity.UserPin("1234"), 1, TO_UK);

    private static byte[] lines(List<String> hexLines) {
        return (String.join("\n", hexLines) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void readsConcatenatedSubmitsBackToTheDocument() {
        assertTrue(userPin.submits().size() > 1, "the fixture must need concatenation");
        Decoded decoded = OmaCpMessageDecoder.decode(lines(userPin.tpduHexLines()));
        assertEquals(Form.SMS_SUBMIT, decoded.form());
        assertEquals(settings, decoded.document());
        assertEquals(userPin.submits().size(), decoded.smsCount());
        assertArrayEquals(userPin.wbxml(), decoded.wbxml());
        assertEquals(userPin.signature(), decoded.signature());
    }

    @Test
    void segmentsInAnyOrderReassemble() {
        List<String> reversed = userPin.tpduHexLines().reversed();
        assertEquals(settings, OmaCpMessageDecoder.decode(lines(reversed)).document());
    }

    @Test
    void readsAPushAndBareWbxmlBinaryOrHex() {
        assertEquals(Form.WSP_PUSH, OmaCpMessageDecoder.decode(userPin.wspPush()).form());
        assertEquals(Form.WSP_PUSH, OmaCpMessageDecoder.decode(Hex.encode(userPin.wspPush()).getBytes(StandardCharsets.US_ASCII)).form());
        byte[] appendixC = TestResources.bytes(TestResources.APPENDIX_C_WBXML);
        Decoded bare = OmaCpMessageDecoder.decode(appendixC);
        assertEquals(Form.WBXML, bare.form());
        assertEquals(ProvXml.parse(TestResources.text(TestResources.APPENDIX_C_XML)), bare.document());
        assertEquals(MacStatus.NOT_CHECKED, bare.checkMac(Optional.of("1234"), Optional.empty()));
    }

    @Test
    void userPinMacIsValidOnlyWithThePin() {
        Decoded decoded = OmaCpMessageDecoder.decode(userPin.wspPush());
        assertEquals(MacStatus.VALID, decoded.checkMac(Optional.of("1234"), Optional.empty()));
        assertEquals(MacStatus.INVALID, decoded.checkMac(Optional.of("1235"), Optional.empty()));
        assertEquals(MacStatus.NOT_CHECKED, decoded.checkMac(Optional.empty(), Optional.of(IMSI)));
    }

    @Test
    void netwPinMacIsValidOnlyWithTheImsi() {
        OmaCpMessage netwPin = OmaCpMessageEncoder.signed(settings, new CpSecurity.NetworkPin(IMSI), 1, TO_UK);
        Decoded decoded = OmaCpMessageDecoder.decode(lines(netwPin.tpduHexLines()));
        assertEquals(MacStatus.VALID, decoded.checkMac(Optional.empty(), Optional.of(IMSI)));
        assertEquals(MacStatus.INVALID, decoded.checkMac(Optional.empty(), Optional.of("466923103145253")));
    }

    @Test
    void aFlippedBitInTheDocumentMakesTheMacInvalid() {
        byte[] push = userPin.wspPush();
        push[push.length - 20] ^= 0x01;
        Decoded decoded;
        try {
            decoded = OmaCpMessageDecoder.decode(push);
        } catch (DecodeException e) {
            return; // the flip broke the WBXML itself: also refused
        }
        assertEquals(MacStatus.INVALID, decoded.checkMac(Optional.of("1234"), Optional.empty()));
    }

    @Test
    void aMissingSegmentIsADecodeErrorThatSaysSo() {
        List<String> incomplete = userPin.tpduHexLines().subList(1, userPin.tpduHexLines().size());
        DecodeException e = assertThrows(DecodeException.class, () -> OmaCpMessageDecoder.decode(lines(incomplete)));
        assertEquals(WireFormat.SMS_TPDU, e.format());
        assertTrue(e.getMessage().contains("0 complete message(s) and 1 incomplete"), e.getMessage());
    }

    @Test
    void garbageIsADecodeErrorWithItsOffset() {
        DecodeException e = assertThrows(DecodeException.class, () -> OmaCpMessageDecoder.decode(new byte[] { 0x03, 0x0B, 0x6A, 0x00, 0x7F }));
        assertEquals(WireFormat.WBXML, e.format());
        assertEquals(4, e.offset());
        assertThrows(DecodeException.class, () -> OmaCpMessageDecoder.decode("41000".getBytes(StandardCharsets.US_ASCII)));
        assertThrows(DecodeException.class, () -> OmaCpMessageDecoder.decode(new byte[0]));
    }

    /** Found by fuzzing: a lone TPDU whose TP-MR is 06 was taken for a WSP push (PDU type 06). */
    @Test
    void aLoneSubmitWithMessageReference6IsStillASubmit() {
        ProvisioningDocument small = new ProvisioningDocument(List.of(new Characteristic("NAPDEF", List.of(new Parm("NAME", "x")))));
        OmaCpMessage message = OmaCpMessageEncoder.signed(small, new CpSecurity.UserPin("1234"), 1,
                new SubmitParameters(SmsAddress.international("46708251358"), 0x06, 0));
        assertEquals(1, message.submits().size());
        Decoded decoded = OmaCpMessageDecoder.decode(lines(message.tpduHexLines()));
        assertEquals(Form.SMS_SUBMIT, decoded.form());
        assertEquals(small, decoded.document());
    }

    /** Found by fuzzing: white space alone escaped as an IndexOutOfBoundsException. */
    @Test
    void whiteSpaceAloneIsADecodeError() {
        assertThrows(DecodeException.class, () -> OmaCpMessageDecoder.decode(new byte[] { 0x0A }));
        assertThrows(DecodeException.class, () -> OmaCpMessageDecoder.decode(" \r\n\t".getBytes(StandardCharsets.US_ASCII)));
    }
}
