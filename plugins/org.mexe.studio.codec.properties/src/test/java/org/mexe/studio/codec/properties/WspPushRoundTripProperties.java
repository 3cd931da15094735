package org.mexe.studio.codec.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.mexe.studio.codec.wsp.PushSignature;
import org.mexe.studio.codec.wsp.WspPush;
import org.mexe.studio.codec.wsp.WspPushCodec;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Any push the codec can represent survives encoding and decoding unchanged. */
class WspPushRoundTripProperties {

    @Property(tries = 200)
    void pushRoundTrip(@ForAll @IntRange(max = 0xFF) int transactionId, @ForAll @IntRange(max = 0x7F) int contentType,
            @ForAll("signatures") Optional<PushSignature> signature, @ForAll @Size(max = 2000) byte[] body) {
        WspPush push = new WspPush(transactionId, contentType, signature, body);
        assertEquals(push, WspPushCodec.decode(WspPushCodec.encode(push)));
    }

    @Provide
    Arbitrary<Optional<PushSignature>> signatures() {
        return CodecArbitraries.signatures().optional();
    }
}
