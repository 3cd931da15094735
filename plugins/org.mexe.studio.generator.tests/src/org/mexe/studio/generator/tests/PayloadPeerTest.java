package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.cp.ProvWbxml;
import org.mexe.studio.codec.cp.ProvXml;
import org.mexe.studio.codec.push.PushDocumentType;
import org.mexe.studio.codec.push.PushWbxml;
import org.mexe.studio.codec.push.PushXml;
import org.mexe.studio.generator.DeliverySummary;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.ProvisioningPipeline.GenerationResult;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.testing.PeerTools;

/**
 * The brief's full parameter set, generated as OMA CP and as Nokia OTA, read by independent
 * tools: libwbxml decodes both WBXML documents to what we meant, Kannel's compiler encodes our XML
 * to WBXML that our decoder reads back to the same document, tshark finds the MAC or the Nokia
 * OTA ports in our SMS, and openssl computes the same MAC.
 */
class PayloadPeerTest {

    private static final String PIN = "9052";
    private static final SecretResolver SECRETS = new SecretResolver(Map.of("TEST_PIN", PIN, "GPRS_PASSWORD", "gprs-pw",
            "CSD_PASSWORD", "csd-pw", "MAIL_PASSWORD", "mail-pw"));

    @TempDir
    static Path folder;
    static GenerationResult result;

    @BeforeAll
    static void generate() throws Exception {
        Path input = Files.writeString(folder.resolve("brief.prov"), BriefSets.BRIEF_WITHOUT_KEYS + """

                scenario Full {
                	deliver Brief { format oma-cp security userpin pin env "TEST_PIN" to "+447700900123" }
                	deliver Brief { format nokia-ota security none to "+447700900123" }
                }
                """);
        result = ProvisioningPipeline.standalone().generate(List.of(input), folder.resolve("out"), SECRETS);
    }

    private static byte[] artefact(DeliverySummary delivery, String name) throws Exception {
        return Files.readAllBytes(folder.resolve("out").resolve(delivery.folder()).resolve(name));
    }

    private static List<byte[]> tpdus(DeliverySummary delivery) throws Exception {
        return Arrays.stream(new String(artefact(delivery, "sms-submit.hex"), StandardCharsets.US_ASCII).split("\n"))
                .map(Hex::decode).toList();
    }

    @Test
    void libwbxmlReadsTheFullOmaCpDocument() throws Exception {
        DeliverySummary delivery = result.deliveries().get(0);
        var intended = ProvXml.parse(new String(artefact(delivery, "provisioning.xml"), StandardCharsets.UTF_8));
        assertEquals(intended, ProvXml.parse(PeerTools.wbxml2xml(artefact(delivery, "provisioning.wbxml"))));
        assertEquals(9, intended.characteristics().size(), "2 proxies, 2 access points, 5 applications");
    }

    @Test
    void kannelCompilesOurOmaCpXmlToTheSameDocument() throws Exception {
        DeliverySummary delivery = result.deliveries().get(0);
        String xml = new String(artefact(delivery, "provisioning.xml"), StandardCharsets.UTF_8);
        assertEquals(ProvXml.parse(xml), ProvWbxml.decode(PeerTools.kannelTestOta(xml)));
    }

    @Test
    void tsharkFindsTheUserPinMacThatOpensslComputes() throws Exception {
        DeliverySummary delivery = result.deliveries().get(0);
        String mac = PeerTools.opensslHmacSha1(PIN, artefact(delivery, "provisioning.wbxml"));
        assertEquals(mac, delivery.mac());
        List<List<String>> frames = PeerTools.tsharkFields(tpdus(delivery), "wsp.parameter.sec", "wsp.parameter.mac",
                "wbxml.public_id.known");
        assertEquals(delivery.smsCount(), frames.size());
        assertEquals(List.of("0x01", mac, "0x0000000b"), frames.get(frames.size() - 1));
    }

    @Test
    void libwbxmlAndKannelReadTheNokiaOtaSettings() throws Exception {
        DeliverySummary delivery = result.deliveries().get(1);
        PushDocumentType type = PushDocumentType.NOKIA_OTA_SETTINGS;
        String xml = new String(artefact(delivery, "provisioning.xml"), StandardCharsets.UTF_8);
        var intended = PushXml.parse(type, xml);
        assertEquals(intended, PushXml.parse(type, PeerTools.wbxml2xml(artefact(delivery, "provisioning.wbxml"), "OTA")));
        assertEquals(intended, PushWbxml.decode(type, PeerTools.kannelTestOta(xml)));
        assertTrue(xml.contains("<PARM NAME=\"PPP_AUTHSECRET\" VALUE=\"gprs-pw\"/>"), "the access point password travels");
    }

    @Test
    void tsharkSeesTheNokiaOtaPortsInEverySegment() throws Exception {
        DeliverySummary delivery = result.deliveries().get(1);
        List<List<String>> frames = PeerTools.tsharkFields(tpdus(delivery), "gsm_sms.destination_port", "gsm_sms.originator_port");
        assertEquals(delivery.smsCount(), frames.size());
        frames.forEach(frame -> assertEquals(List.of("49999", "49154"), frame));
    }
}
