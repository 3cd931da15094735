package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.cp.ProvXml;
import org.mexe.studio.codec.push.PushDocumentType;
import org.mexe.studio.codec.push.PushXml;
import org.mexe.studio.codec.wsp.SecurityMethod;
import org.mexe.studio.generator.DeliverySummary;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.testing.PeerTools;

/**
 * The bundled examples, generated as the demo does, checked by independent decoders: libwbxml
 * reads our WBXML back to the intended document (OMA CP or Nokia OTA), tshark reassembles our
 * TPDUs into a WSP push with the delivery's SEC and MAC (or, for Nokia OTA, finds its ports), and
 * openssl computes the same MAC for every USERPIN delivery, with the demo PIN or a generated one.
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
        String demoPin = Files.readString(EXAMPLES.resolve(DEMO_PIN_FILE)).strip();
        Map<String, String> generatedPins = generatedPins();
        for (DeliverySummary delivery : result.deliveries()) {
            Path folder = out.resolve(delivery.folder());
            byte[] wbxml = Files.readAllBytes(folder.resolve("provisioning.wbxml"));
            String intended = Files.readString(folder.resolve("provisioning.xml"));
            List<byte[]> tpdus = Arrays.stream(Files.readString(folder.resolve("sms-submit.hex"), StandardCharsets.US_ASCII).split("\n"))
                    .map(Hex::decode).toList();
            assertEquals(delivery.smsCount(), tpdus.size());

            Optional<PushDocumentType> push = PushDocumentType.recognise(intended);
            if (push.isPresent()) {
                assertEquals(PushXml.parse(push.get(), intended), PushXml.parse(push.get(), PeerTools.wbxml2xml(wbxml, "OTA")),
                        delivery.folder() + ": libwbxml reads another document");
                PeerTools.tsharkFields(tpdus, "gsm_sms.destination_port").forEach(frame ->
                        assertEquals(List.of(Integer.toString(push.get().destinationPort())), frame, delivery.folder()));
                continue;
            }
            assertEquals(ProvXml.parse(intended), ProvXml.parse(PeerTools.wbxml2xml(wbxml)), delivery.folder() + ": libwbxml reads another document");
            List<List<String>> frames = PeerTools.tsharkFields(tpdus, "wsp.parameter.sec", "wsp.parameter.mac", "wbxml.public_id.known");
            List<String> reassembled = frames.get(frames.size() - 1);
            if (delivery.security().equals("NONE")) {
                assertEquals(List.of("", "", "0x0000000b"), reassembled, delivery.folder() + ": unsigned, PROV 1.0");
                continue;
            }
            String sec = "0x%02x".formatted(SecurityMethod.valueOf(delivery.security()).code());
            assertEquals(List.of(sec, delivery.mac(), "0x0000000b"), reassembled, delivery.folder() + ": SEC, MAC, PROV 1.0");
            if (delivery.security().equals("USERPIN")) {
                String pin = generatedPins.getOrDefault(delivery.folder(), demoPin);
                assertEquals(PeerTools.opensslHmacSha1(pin, wbxml), delivery.mac(), delivery.folder() + ": MAC is HMAC-SHA1(PIN, WBXML)");
            }
        }
    }

    /** The PINs the generation made, by delivery folder. */
    private Map<String, String> generatedPins() throws Exception {
        Map<String, String> pins = new HashMap<>();
        Path file = out.resolve(ProvisioningPipeline.USER_PINS);
        if (Files.exists(file)) {
            Files.readAllLines(file).stream().skip(1).map(line -> line.split(",")).forEach(row -> pins.put(row[0], row[2]));
        }
        return pins;
    }
}
