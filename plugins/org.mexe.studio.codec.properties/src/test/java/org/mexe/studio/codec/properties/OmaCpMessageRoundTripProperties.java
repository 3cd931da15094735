package org.mexe.studio.codec.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.cp.OmaCpMessage;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.Decoded;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.Form;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.MacStatus;
import org.mexe.studio.codec.cp.OmaCpMessageEncoder;
import org.mexe.studio.codec.cp.ProvWbxml;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.codec.sms.SubmitParameters;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The whole path: a document signed with NETWPIN and sent as SMS comes back, verified, from its TPDU listing. */
class OmaCpMessageRoundTripProperties {

    @Property(tries = 100)
    void signedMessageFromTpduHexLines(@ForAll("documents") ProvisioningDocument document, @ForAll("imsis") String imsi,
            @ForAll @IntRange(max = 0xFF) int transactionId, @ForAll("parameters") SubmitParameters parameters) {
        OmaCpMessage message = OmaCpMessageEncoder.signed(document, new CpSecurity.NetworkPin(imsi), transactionId, parameters);
        byte[] listing = String.join("\n", message.tpduHexLines()).getBytes(StandardCharsets.US_ASCII);

        Decoded decoded = OmaCpMessageDecoder.decode(listing);
        assertEquals(Form.SMS_SUBMIT, decoded.form());
        assertEquals(message.submits().size(), decoded.smsCount());
        assertEquals(document, decoded.document());
        assertArrayEquals(message.wbxml(), decoded.wbxml());
        assertEquals(message.signature(), decoded.signature());
        assertEquals(MacStatus.VALID, decoded.checkMac(Optional.empty(), Optional.of(imsi)));
    }

    /** Within what 255 concatenated SMS can carry, push header included. */
    @Provide
    Arbitrary<ProvisioningDocument> documents() {
        return CodecArbitraries.documents().filter(document -> ProvWbxml.encode(document).length < 30_000);
    }

    @Provide
    Arbitrary<String> imsis() {
        return CodecArbitraries.imsis();
    }

    @Provide
    Arbitrary<SubmitParameters> parameters() {
        return CodecArbitraries.submitParameters();
    }
}
