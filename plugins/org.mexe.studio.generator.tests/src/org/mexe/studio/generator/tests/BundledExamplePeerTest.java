package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.cp.ProvXml;
import org.mexe.studio.generator.DeliverySummary;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.testing.PeerTools;

/**
 * The bundled examples, generated as the demo does, checked by independent decoders: libwbxml
 * reads our WBXML back to the intended document, tshark reassembles our TPDUs into a WSP push
 * with SEC=USERPIN and a MAC that openssl computes the same.
 */
class BundledExamplePeerTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("prov.examples", "../../examples"));
    private static final String DEMO_PIN_FILE = "demo-secrets/DEMO-ONLY-userpin.txt";

    @TempDir
    Path out;

    @Test
    void libwbxmlAndTsharkAgreeWithWhatWeGenerated() throws Exception {
        var result = ProvisioningPipeline.standalone().generate(List.of(EXAMPLES), out, new SecretResolver(Map.of()));
        assertFalse(result.deliveries().isEmpty(), "the examples deliver nothing");
        String pin = Files.readString(EXAMPLES.resolve(DEMO_PIN_FILE)).strip();
        for (DeliverySummary delivery : result.deliveries()) {
            Path folder = out.resolve(delivery.folder());
            byte[] wbxml = Files.readAllBytes(folder.resolve("provisioning.wbxml"));
            String intended = Files.readString(folder.resolve("provisioning.xml"));

            assertEquals(ProvXml.parse(intended), ProvXml.parse(PeerTools.wbxml2xml(wbxml)), "libwbxml reads another document");

            String openSslMac = PeerTools.opensslHmacSha1(pin, wbxml);
            assertEquals(openSslMac, delivery.mac(), "MAC is HMAC-SHA1(PIN, WBXML)");

            List<byte[]> tpdus = Arrays.stream(Files.readString(folder.resolve("sms-submit.hex"), StandardCharsets.US_ASCII).split("\n"))
                    .map(Hex::decode).toList();
            assertEquals(delivery.smsCount(), tpdus.size());
            List<List<String>> frames = PeerTools.tsharkFields(tpdus, "wsp.parameter.sec", "wsp.parameter.mac", "wbxml.public_id.known");
            List<String> reassembled = frames.get(frames.size() - 1);
            assertEquals(List.of("0x01", openSslMac, "0x0000000b"), reassembled, "SEC=USERPIN, MAC, PROV 1.0");
        }
    }
}
