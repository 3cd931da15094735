package org.mexe.studio.codec.cp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.TestResources;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.Form;
import org.mexe.studio.codec.cp.PushMessageDecoder.Provisioning;
import org.mexe.studio.codec.cp.PushMessageDecoder.Push;
import org.mexe.studio.codec.push.PushDocumentType;
import org.mexe.studio.codec.push.PushMessageEncoder;
import org.mexe.studio.codec.push.PushWbxml;
import org.mexe.studio.codec.push.PushXml;
import org.mexe.studio.codec.sms.DeliverParameters;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SmsDeliver;
import org.mexe.studio.codec.sms.SmsDeliverCodec;
import org.mexe.studio.codec.sms.SmsSegmenter;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.codec.sms.UserDataHeader;
import org.mexe.studio.codec.wbxml.WbxmlElement;

class PushMessageDecoderTest {

    private static final String SI = """
            <?xml version="1.0"?>
            <!DOCTYPE si PUBLIC "-//WAPFORUM//DTD SI 1.0//EN" "http://www.wapforum.org/DTD/si.dtd">
            <si><indication href="http://wap.example.com/mail" si-id="1">You have mail</indication></si>
            """;
    private static final String SL = """
            <?xml version="1.0"?>
            <!DOCTYPE sl PUBLIC "-//WAPFORUM//DTD SL 1.0//EN" "http://www.wapforum.org/DTD/sl.dtd">
            <sl href="http://wap.example.com/app.wml" action="execute-high"/>
            """;
    private static final String NOKIA = """
            <?xml version="1.0"?>
            <!DOCTYPE CHARACTERISTIC-LIST SYSTEM "/DTD/characteristic_list.xml">
            <CHARACTERISTIC-LIST><CHARACTERISTIC TYPE="URL" VALUE="http://wap.example.com/"/></CHARACTERISTIC-LIST>
            """;
    private static final SmsAddress PHONE = SmsAddress.international("447700900123");

    @Test
    void siPushInSmsSubmitHex() {
        WbxmlElement si = PushXml.parse(PushDocumentType.SI, SI);
        byte[] push = PushMessageEncoder.wspPush(PushDocumentType.SI, si, 1);
        String lines = SmsSegmenter.segment(push, PushDocumentType.SI.ports(), new SubmitParameters(PHONE, 0, 0)).stream()
                .map(s -> Hex.encode(SmsSubmitCodec.encode(s))).collect(Collectors.joining("\n"));
        Push decoded = assertInstanceOf(Push.class, PushMessageDecoder.decode(lines.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(new Push(Form.SMS_SUBMIT, PushDocumentType.SI, si, PushWbxml.encode(PushDocumentType.SI, si), 1), decoded);
        assertEquals(PushXml.write(PushDocumentType.SI, si), decoded.xml());
    }

    @Test
    void nokiaOtaPushInSmsDelivers() {
        WbxmlElement settings = PushXml.parse(PushDocumentType.NOKIA_OTA_SETTINGS, NOKIA);
        byte[] push = PushMessageEncoder.wspPush(PushDocumentType.NOKIA_OTA_SETTINGS, settings, 1);
        DeliverParameters from = new DeliverParameters(PHONE, OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), 0);
        String lines = SmsSegmenter.segment(push, PushDocumentType.NOKIA_OTA_SETTINGS.ports(), from).stream()
                .map(d -> Hex.encode(SmsDeliverCodec.encode(d))).collect(Collectors.joining("\n"));
        Push decoded = assertInstanceOf(Push.class, PushMessageDecoder.decode(lines.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Form.SMS_DELIVER, decoded.form());
        assertEquals(PushDocumentType.NOKIA_OTA_SETTINGS, decoded.type());
        assertEquals(settings, decoded.document());
    }

    @Test
    void bareWbxmlByPublicId() {
        WbxmlElement sl = PushXml.parse(PushDocumentType.SL, SL);
        byte[] wbxml = PushWbxml.encode(PushDocumentType.SL, sl);
        // 02 06: WBXML 1.2 with SL's public id, which also looks like a WSP push's "TID 06".
        assertArrayEquals(new byte[] { 0x02, 0x06 }, new byte[] { wbxml[0], wbxml[1] });
        Push decoded = assertInstanceOf(Push.class, PushMessageDecoder.decode(wbxml));
        assertEquals(new Push(Form.WBXML, PushDocumentType.SL, sl, wbxml, 0), decoded);

        WbxmlElement settings = PushXml.parse(PushDocumentType.NOKIA_OTA_SETTINGS, NOKIA);
        byte[] nokia = PushWbxml.encode(PushDocumentType.NOKIA_OTA_SETTINGS, settings);
        assertEquals(PushDocumentType.NOKIA_OTA_SETTINGS, assertInstanceOf(Push.class, PushMessageDecoder.decode(nokia)).type());
    }

    @Test
    void omaCpStaysProvisioningWithItsSignature() {
        ProvisioningDocument document = ProvXml.parse(TestResources.text(TestResources.OPERATOR_SETTINGS_XML));
        OmaCpMessage message = OmaCpMessageEncoder.signed(document, new CpSecurity.UserPin("1234"), 1,
                new SubmitParameters(PHONE, 0, 0));
        Provisioning decoded = assertInstanceOf(Provisioning.class, PushMessageDecoder.decode(message.wspPush()));
        assertEquals(Form.WSP_PUSH, decoded.form());
        assertEquals(document, decoded.decoded().document());
        assertEquals(message.signature(), decoded.decoded().signature());
        assertEquals(OmaCpMessageDecoder.MacStatus.VALID, decoded.decoded().checkMac(Optional.of("1234"), Optional.empty()));
        assertEquals(List.of(Form.SMS_SUBMIT), List.of(PushMessageDecoder.decode(
                String.join("\n", message.tpduHexLines()).getBytes(StandardCharsets.US_ASCII)).form()));
    }

    @Test
    void aTextDeliverIsNoPushAndTheErrorPointsAtItsDcs() {
        SmsDeliver text = SmsDeliver.ofText(PHONE, OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                new UserDataHeader(List.of(PushDocumentType.SI.ports())), "hello");
        byte[] hex = Hex.encode(SmsDeliverCodec.encode(text)).getBytes(StandardCharsets.US_ASCII);
        DecodeException e = assertThrows(DecodeException.class, () -> PushMessageDecoder.decode(hex));
        // 44, OA length 0C, type 91, six digit octets, PID: TP-DCS at offset 10.
        assertEquals(10, e.offset(), e.getMessage());
        assertEquals("8-bit data", e.expected());
    }
}
