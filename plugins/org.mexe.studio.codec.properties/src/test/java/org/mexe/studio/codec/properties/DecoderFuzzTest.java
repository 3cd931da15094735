package org.mexe.studio.codec.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import org.mexe.studio.codec.CodecException;
import org.mexe.studio.codec.CodecWarning;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.Decoded;
import org.mexe.studio.codec.cp.ProvLanguage;
import org.mexe.studio.codec.cp.ProvWbxml;
import org.mexe.studio.codec.cp.ProvXml;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.codec.cp.PushMessageDecoder;
import org.mexe.studio.codec.ota.InvalidOtaKeyException;
import org.mexe.studio.codec.ota.OtaKeys;
import org.mexe.studio.codec.ota.SimOtaCodec;
import org.mexe.studio.codec.ota.Spi;
import org.mexe.studio.codec.push.PushDocumentType;
import org.mexe.studio.codec.push.PushWbxml;
import org.mexe.studio.codec.push.PushXml;
import org.mexe.studio.codec.sms.SmsDeliver;
import org.mexe.studio.codec.sms.SmsDeliverCodec;
import org.mexe.studio.codec.sms.SmsReassembler;
import org.mexe.studio.codec.sms.SmsSubmit;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.sms.TextSubmitCodec;
import org.mexe.studio.codec.text.GsmAlphabet;
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

    /** A subscriber's or SIM Toolkit's text request, as an SMSC reads it: refused, or text that survives being written again. */
    @FuzzTest(maxDuration = "30s")
    void textSubmitDecode(byte[] input) {
        TextSubmitCodec.Text text;
        try {
            text = TextSubmitCodec.decode(input);
        } catch (CodecException rejected) {
            return;
        }
        if (GsmAlphabet.canEncode(text.text()) && GsmAlphabet.septetLength(text.text()) <= TextSubmitCodec.MAX_SEPTETS) {
            assertEquals(text, TextSubmitCodec.decode(TextSubmitCodec.encode(0, text.destination(), text.text())));
        }
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

    /** Every push type, told apart by content type or public id; what decodes must decode again from its own WBXML. */
    @FuzzTest(maxDuration = "30s")
    void pushMessageDecode(byte[] input) {
        PushMessageDecoder.Message message;
        try {
            message = PushMessageDecoder.decode(input);
        } catch (CodecException rejected) {
            return;
        }
        switch (message) {
            case PushMessageDecoder.Provisioning provisioning ->
                assertEquals(provisioning.decoded().document(), ProvWbxml.decode(provisioning.decoded().wbxml()));
            case PushMessageDecoder.Push push ->
                assertEquals(push.document(), PushWbxml.decode(push.type(), PushWbxml.encode(push.type(), push.document())));
        }
    }

    /** SI, SL and Nokia OTA WBXML; the first byte picks the type. */
    @FuzzTest(maxDuration = "30s")
    void pushWbxmlDecode(byte[] input) {
        if (input.length == 0) {
            return;
        }
        PushDocumentType type = PushDocumentType.values()[(input[0] & 0xFF) % PushDocumentType.values().length];
        byte[] wbxml = Arrays.copyOfRange(input, 1, input.length);
        List<CodecWarning> warnings = new ArrayList<>();
        org.mexe.studio.codec.wbxml.WbxmlElement document;
        try {
            document = PushWbxml.decode(type, wbxml, warnings);
        } catch (CodecException rejected) {
            return;
        }
        assertEquals(document, PushWbxml.decode(type, PushWbxml.encode(type, document)));
    }

    /** SI, SL and Nokia OTA XML; the first byte picks the type. */
    @FuzzTest(maxDuration = "30s")
    void pushXmlParse(byte[] input) {
        if (input.length == 0) {
            return;
        }
        PushDocumentType type = PushDocumentType.values()[(input[0] & 0xFF) % PushDocumentType.values().length];
        String xml = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        PushDocumentType.recognise(xml);
        org.mexe.studio.codec.wbxml.WbxmlElement document;
        try {
            document = PushXml.parse(type, xml, new ArrayList<>());
        } catch (CodecException rejected) {
            return;
        }
        assertEquals(document, PushXml.parse(type, PushXml.write(type, document)));
    }

    @FuzzTest(maxDuration = "30s")
    void smsDeliverDecode(byte[] input) {
        SmsDeliver deliver;
        try {
            deliver = SmsDeliverCodec.decode(input);
        } catch (CodecException rejected) {
            return;
        }
        assertEquals(deliver, SmsDeliverCodec.decode(SmsDeliverCodec.encode(deliver)));
    }

    private static final byte[] OTA_KEY = HexFormat.of().parseHex("000102030405060708090A0B0C0D0E0F");

    /** A key of the wrong length for the algorithm the packet names is the caller's error (InvalidOtaKeyException). */
    @FuzzTest(maxDuration = "30s")
    void simOtaCommandDecode(byte[] input) {
        try {
            SimOtaCodec.decodeCommand(input, OtaKeys.of(OTA_KEY, OTA_KEY));
        } catch (CodecException | InvalidOtaKeyException rejected) {
            // Refused with a reason: fine.
        }
    }

    /** A PoR for the command SPI 16 21, KIc/KID 25 (3DES CBC, cryptographic checksum), as the CLI's example. */
    @FuzzTest(maxDuration = "30s")
    void simOtaResponseDecode(byte[] input) {
        try {
            SimOtaCodec.decodeResponse(input, Spi.decode(0x1621), 0x25, 0x25, OtaKeys.of(OTA_KEY, OTA_KEY));
        } catch (CodecException rejected) {
            // Refused with a reason: fine.
        }
    }

    /**
     * Segments from a hostile sender: each TPDU is a length octet and that many bytes, and a clock
     * that advances a minute per segment. Whatever arrives, the reassembler holds at most its
     * capacity and nothing but CodecExceptions escape.
     */
    @FuzzTest(maxDuration = "30s")
    void smsReassembly(byte[] input) {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        InstantSource clock = () -> now[0];
        SmsReassembler reassembler = new SmsReassembler(clock, Duration.ofMinutes(30), 8);
        int position = 0;
        while (position < input.length) {
            int length = input[position] & 0xFF;
            byte[] tpdu = Arrays.copyOfRange(input, position + 1, Math.min(input.length, position + 1 + length));
            position += 1 + length;
            now[0] = now[0].plus(Duration.ofMinutes(1));
            try {
                reassembler.accept(SmsDeliverCodec.decode(tpdu));
            } catch (CodecException rejected) {
                try {
                    reassembler.accept(SmsSubmitCodec.decode(tpdu));
                } catch (CodecException alsoRejected) {
                    continue;
                }
            }
            assertTrue(reassembler.incompleteMessages() <= 8, "held " + reassembler.incompleteMessages());
        }
        reassembler.drainWarnings();
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
