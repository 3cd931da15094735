package org.mexe.studio.codec.properties;

import java.util.List;
import java.util.Optional;

import org.mexe.studio.codec.cp.Characteristic;
import org.mexe.studio.codec.cp.Parm;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.codec.sms.TypeOfNumber;
import org.mexe.studio.codec.wsp.PushSignature;
import org.mexe.studio.codec.wsp.SecurityMethod;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators shared by the properties: valid OMA CP trees, SMS addresses, push signatures. */
final class CodecArbitraries {

    /** Parm names with a token of their own in the PROV 1.0 table, on page 0 and page 1. */
    static final List<String> TOKEN_PARM_NAMES = List.of("NAME", "NAP-ADDRESS", "NAP-ADDRTYPE", "BEARER", "NAPID",
            "AUTHTYPE", "AUTHNAME", "AUTHSECRET", "PROXY-ID", "PXADDR", "PXADDRTYPE", "TO-NAPID", "PORTNBR",
            "SERVICE", "STARTPAGE", "INTERNET", "DNS-ADDR", "T-BIT", "SPI", "APPID", "ADDR", "ADDRTYPE",
            "AAUTHTYPE", "AAUTHNAME", "AAUTHSECRET", "URI", "TO-PROXY", "PROVIDER-ID", "RULE");

    /** Characteristic types with a token: page 0 (e.g. NAPDEF) and page 1 only (e.g. APPLICATION). */
    static final List<String> TOKEN_TYPES = List.of("PXLOGICAL", "PXPHYSICAL", "PORT", "VALIDITY", "NAPDEF",
            "BOOTSTRAP", "VENDORCONFIG", "CLIENTIDENTITY", "PXAUTHINFO", "NAPAUTHINFO", "ACCESS", "APPLICATION",
            "APPADDR", "APPAUTH", "RESOURCE");

    /** Values with a token, including page-1-only ones and a page-1 decode-only fragment spelt out. */
    static final List<String> TOKEN_VALUES = List.of("IPV4", "IPV6", "E164", "ALPHA", "APN", "GSM-GPRS", "GSM-CSD",
            "PAP", "CHAP", "HTTP-BASIC", "HTTP-DIGEST", "CL-WSP", "CO-WSP", "OTA-HTTP-TO", "APPSRV", "OBEX",
            "TETRA-SDS", "CDMA2000-1X-SIMPLE-IP", "HTTP-", "1.0");

    private CodecArbitraries() {
    }

    /**
     * Any text XML 1.0 can carry, weighted towards what breaks serialisers: markup characters,
     * whitespace that attribute normalisation rewrites, non-ASCII BMP and supplementary characters.
     */
    static Arbitrary<String> xmlText(int maxLength) {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(2, Arbitraries.of(0x9, 0xA, 0xD, 0x26, 0x3C, 0x3E, 0x22, 0x27, 0x85, 0x2028, 0xFEFF)),
                Tuple.of(2, Arbitraries.integers().between(0xA0, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFD)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint.list().ofMaxSize(maxLength).map(CodecArbitraries::fromCodePoints);
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    /** Names must not be blank; otherwise anything XML can carry, as for unknown parms and types. */
    static Arbitrary<String> unknownName() {
        return xmlText(12).filter(name -> !name.isBlank());
    }

    static Arbitrary<Parm> parms() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(TOKEN_PARM_NAMES), unknownName());
        Arbitrary<Optional<String>> value = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(TOKEN_VALUES).map(Optional::of)),
                Tuple.of(5, xmlText(40).map(Optional::of)),
                Tuple.of(1, Arbitraries.just(Optional.of(""))),
                Tuple.of(1, Arbitraries.just(Optional.<String>empty())));
        return Combinators.combine(name, value).as(Parm::new);
    }

    static Arbitrary<Characteristic> characteristics(int depth) {
        Arbitrary<String> type = Arbitraries.oneOf(Arbitraries.of(TOKEN_TYPES), unknownName());
        Arbitrary<List<Characteristic>> nested = depth == 0
                ? Arbitraries.just(List.of())
                : characteristics(depth - 1).list().ofMaxSize(3);
        return Combinators.combine(type, parms().list().ofMaxSize(5), nested).as(Characteristic::new);
    }

    static Arbitrary<ProvisioningDocument> documents() {
        Arbitrary<String> version = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.just(ProvisioningDocument.VERSION_1_0)),
                Tuple.of(1, unknownName()));
        return Combinators.combine(version, characteristics(2).list().ofMaxSize(4)).as(ProvisioningDocument::new);
    }

    /** Small documents for properties that run the whole signing path many times per try. */
    static Arbitrary<ProvisioningDocument> smallDocuments() {
        return characteristics(1).list().ofMinSize(1).ofMaxSize(2).map(ProvisioningDocument::new);
    }

    static Arbitrary<SmsAddress> addresses() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789*#").ofMinLength(1).ofMaxLength(SmsAddress.MAX_DIGITS);
        // Alphanumeric addresses are sender names (TP-OA), never a TP-DA.
        return Combinators.combine(Arbitraries.of(TypeOfNumber.UNKNOWN, TypeOfNumber.INTERNATIONAL, TypeOfNumber.NATIONAL), digits)
                .as(SmsAddress::new);
    }

    static Arbitrary<SubmitParameters> submitParameters() {
        return Combinators.combine(addresses(), Arbitraries.integers().between(0, 0xFF), Arbitraries.integers().between(0, 0xFF))
                .as(SubmitParameters::new);
    }

    static Arbitrary<PushSignature> signatures() {
        Arbitrary<String> mac = Arbitraries.strings().withChars("0123456789ABCDEF").ofLength(PushSignature.MAC_LENGTH);
        return Combinators.combine(Arbitraries.of(SecurityMethod.class), mac).as(PushSignature::new);
    }

    static Arbitrary<String> imsis() {
        return Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(15);
    }

    static Arbitrary<String> userPins() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(16);
    }
}
