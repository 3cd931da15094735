package org.mexe.studio.codec.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.sms.DeliverParameters;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SmsDeliverCodec;
import org.mexe.studio.codec.sms.SmsSegmenter;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.codec.wbxml.WbxmlAttribute;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.codec.wsp.WspContentType;
import org.mexe.studio.codec.wsp.WspPush;
import org.mexe.studio.codec.wsp.WspPushCodec;
import org.mexe.studio.testing.PeerTools;

/**
 * tshark reads our SI push in SMS-SUBMIT and our Nokia OTA push in SMS-DELIVERs; gammu's own
 * Nokia OTA bookmark push is byte for byte the one we encode for the same document.
 */
class PushSmsPeerTest {

    private static final SmsAddress PHONE = SmsAddress.international("46708251358");

    @Test
    void tsharkReadsContentTypeAndApplicationIdOfAnSiPushInSmsSubmit() {
        byte[] push = PushMessageEncoder.wspPush(PushDocumentType.SI, PushXml.parse(PushDocumentType.SI, PushDocuments.SI_EXAMPLE), 1);
        List<byte[]> tpdus = SmsSegmenter.segment(push, PushDocumentType.SI.ports(), new SubmitParameters(PHONE, 0, 7))
                .stream().map(SmsSubmitCodec::encode).toList();
        List<List<String>> rows = PeerTools.tsharkFields(tpdus, "gsm_sms.destination_port", "gsm_sms.originator_port",
                "wsp.header.content_type", "wsp.header.x_wap_application_id", "wbxml.public_id.known");
        assertEquals(List.of(List.of("2948", "9200", "application/vnd.wap.sic", "x-wap-application:wml.ua", "0x00000005")), rows);
    }

    /**
     * tshark 4.0 hands only ports 2948/9200 to WSP (49999 needs gsm_sms_ud.port_number_udh_means_wsp),
     * so here it checks the DELIVER framing: ports, originator, parts and the reassembled length.
     */
    @Test
    void tsharkReassemblesANokiaOtaPushInSmsDelivers() {
        byte[] push = PushMessageEncoder.wspPush(PushDocumentType.NOKIA_OTA_SETTINGS,
                PushXml.parse(PushDocumentType.NOKIA_OTA_SETTINGS, PushDocuments.OTA_SETTINGS), 1);
        DeliverParameters from = new DeliverParameters(PHONE, OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), 7);
        List<byte[]> tpdus = SmsSegmenter.segment(push, PushDocumentType.NOKIA_OTA_SETTINGS.ports(), from).stream()
                .map(SmsDeliverCodec::encode).toList();
        List<List<String>> rows = PeerTools.tsharkDeliverFields(tpdus, "gsm_sms.destination_port",
                "gsm_sms.originator_port", "gsm_sms.tp-oa", "gsm_sms.tp-dcs", "gsm_sms.udh.mm.msg_part",
                "gsm_sms.reassembled.length");
        assertEquals(List.of(
                List.of("49999", "49154", "46708251358", "4", "1", ""),
                List.of("49999", "49154", "46708251358", "4", "2", Integer.toString(push.length))), rows);
    }

    @Test
    void gammusBookmarkPushIsOurs() {
        String backup = """
                [Backup]
                Format = 1.04

                [WAPBookmark001]
                URL = "http://wap.example.com/"
                Title = "Example"
                """;
        byte[] theirs = PeerTools.gammuDisplaySms(backup, "BOOKMARK", "123456", "in.backup", "1").get(0);
        WspPush push = WspPushCodec.decode(theirs);
        assertEquals(new WspContentType.Text("application/x-wap-prov.browser-bookmarks", OptionalInt.of(106)),
                push.contentType());
        assertArrayEquals(theirs, WspPushCodec.encode(push));

        WbxmlElement bookmark = new WbxmlElement("CHARACTERISTIC-LIST", List.of(), List.of(
                new WbxmlElement("CHARACTERISTIC", List.of(new WbxmlAttribute("TYPE", "BOOKMARK")), List.of(
                        new WbxmlElement("PARM", List.of(new WbxmlAttribute("NAME", "NAME"), new WbxmlAttribute("VALUE", "Example")), List.of()),
                        new WbxmlElement("PARM", List.of(new WbxmlAttribute("NAME", "URL"),
                                new WbxmlAttribute("VALUE", "http://wap.example.com/")), List.of())))));
        assertArrayEquals(theirs, PushMessageEncoder.wspPush(PushDocumentType.NOKIA_OTA_BOOKMARKS, bookmark, theirs[0]));
    }
}
