package org.mexe.studio.codec.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.mexe.studio.codec.CodecException;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.Decoded;
import org.mexe.studio.codec.cp.ProvLanguage;
import org.mexe.studio.codec.cp.ProvWbxml;
import org.mexe.studio.codec.cp.ProvXml;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.codec.sms.SmsSubmit;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.wbxml.WbxmlDecoder;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.codec.wbxml.WbxmlEncoder;
import org.mexe.studio.codec.wsp.WspPush;
import org.mexe.studio.codec.wsp.WspPushCodec;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Every decoder, fed arbitrary bytes, either returns a value or throws a {@link CodecException};
 * anything else escaping (NullPointerException, IndexOutOfBounds, IllegalArgumentException from a
 * record constructor...) is a bug. What a decoder accepts must also survive its encoder: decoding
 * the re-encoded value gives the same value again.
 *
 * <p>A plain build replays the committed corpus under {@code DecoderFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1} fuzzes (see the module's README).
 */
class DecoderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void provWbxmlDecode(byte[] input) {
        ProvisioningDocument document;
        try {
            document = ProvWbxml.decode(input);
        } catch (CodecException rejected) {
            return;
        }
        assertEquals(document, ProvWbxml.decode(ProvWbxml.encode(document)));
    }

    @FuzzTest(maxDuration = "30s")
    void wbxmlDecode(byte[] input) {
        WbxmlElement root;
        try {
            root = WbxmlDecoder.decode(ProvLanguage.PROV_1_0, input);
        } catch (CodecException rejected) {
            return;
        }
        assertEquals(root, WbxmlDecoder.decode(ProvLanguage.PROV_1_0, WbxmlEncoder.encode(ProvLanguage.PROV_1_0, root)));
    }

    @FuzzTest(maxDuration = "30s")
    void wspPushDecode(byte[] input) {
        WspPush push;
        try {
            push = WspPushCodec.decode(input);
        } catch (CodecException rejected) {
            return;
        }
        assertEquals(push, WspPushCodec.decode(WspPushCodec.encode(push)));
    }

    @FuzzTest(maxDuration = "30s")
    void smsSubmitDecode(byte[] input) {
        SmsSubmit submit;
        try {
            submit = SmsSubmitCodec.decode(input);
        } catch (CodecException rejected) {
            return;
        }
        assertEquals(submit, SmsSubmitCodec.decode(SmsSubmitCodec.encode(submit)));
    }

    @FuzzTest(maxDuration = "30s")
    void omaCpMessageDecode(byte[] input) {
        Decoded decoded;
        try {
            decoded = OmaCpMessageDecoder.decode(input);
        } catch (CodecException rejected) {
            return;
        }
        assertEquals(decoded.document(), ProvWbxml.decode(decoded.wbxml()));
    }

    @FuzzTest(maxDuration = "30s")
    void provXmlParseString(byte[] input) {
        checkXml(() -> ProvXml.parse(new String(input, StandardCharsets.UTF_8)));
    }

    /** The stream form also has to cope with whatever encoding the declaration or a BOM claims. */
    @FuzzTest(maxDuration = "30s")
    void provXmlParseStream(byte[] input) {
        checkXml(() -> ProvXml.parse(new ByteArrayInputStream(input)));
    }

    private static void checkXml(Supplier<ProvisioningDocument> parse) {
        ProvisioningDocument document;
        try {
            document = parse.get();
        } catch (CodecException rejected) {
            return;
        }
        assertEquals(document, ProvXml.parse(ProvXml.write(document)));
    }
}
