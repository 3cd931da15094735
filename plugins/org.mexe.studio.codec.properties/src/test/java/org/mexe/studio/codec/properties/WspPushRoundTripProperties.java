package org.mexe.studio.codec.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalInt;

import org.mexe.studio.codec.wsp.PushSignature;
import org.mexe.studio.codec.wsp.WspContentType;
import org.mexe.studio.codec.wsp.WspPush;
import org.mexe.studio.codec.wsp.WspPushCodec;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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

    @Property(tries = 200)
    void textContentTypeAndApplicationIdRoundTrip(@ForAll("contentTypes") WspContentType contentType,
            @ForAll("signatures") Optional<PushSignature> signature, @ForAll("applicationIds") OptionalInt applicationId,
            @ForAll @Size(max = 300) byte[] body) {
        WspPush push = new WspPush(1, contentType, signature, applicationId, body);
        assertEquals(push, WspPushCodec.decode(WspPushCodec.encode(push)));
    }

    @Provide
    Arbitrary<WspContentType> contentTypes() {
        Arbitrary<WspContentType> wellKnown = Arbitraries.integers().between(0, 0x7F).map(WspContentType.WellKnown::new);
        Arbitrary<String> mediaTypes = Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(60);
        Arbitrary<WspContentType> text = Combinators.combine(mediaTypes, shortIntegers())
                .as((mediaType, charset) -> new WspContentType.Text(mediaType, charset));
        return Arbitraries.oneOf(wellKnown, text);
    }

    @Provide
    Arbitrary<OptionalInt> applicationIds() {
        return shortIntegers();
    }

    private static Arbitrary<OptionalInt> shortIntegers() {
        return Arbitraries.oneOf(Arbitraries.just(OptionalInt.empty()),
                Arbitraries.integers().between(0, 0x7F).map(OptionalInt::of));
    }

    @Provide
    Arbitrary<Optional<PushSignature>> signatures() {
        return CodecArbitraries.signatures().optional();
    }
}
