package org.mexe.studio.codec.cp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.mexe.studio.codec.CodecWarning;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.Decoded;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.Form;
import org.mexe.studio.codec.push.PushDocumentType;
import org.mexe.studio.codec.push.PushWbxml;
import org.mexe.studio.codec.push.PushXml;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.codec.wsp.WspContentType;
import org.mexe.studio.codec.wsp.WspPush;

/**
 * Reads OMA CP, SI, SL and Nokia OTA messages in every form {@link OmaCpMessageDecoder} knows
 * (TPDUs, WSP push, WBXML; binary or hex) and tells them apart: a push by its content type
 * (SI AE, SL B0, Nokia OTA's text types, anything else OMA CP), bare WBXML by its public id.
 */
public final class PushMessageDecoder {

    /** A decoded message of one of the known document types. */
    public sealed interface Message {
        Form form();

        /** What the decoders tolerated, outermost layer first. */
        List<CodecWarning> warnings();
    }

    /** OMA Client Provisioning, with its signature. */
    public record Provisioning(Decoded decoded) implements Message {

        public Provisioning {
            Objects.requireNonNull(decoded, "decoded");
        }

        @Override
        public Form form() {
            return decoded.form();
        }

        @Override
        public List<CodecWarning> warnings() {
            return decoded.warnings();
        }
    }

    /** SI, SL or Nokia OTA: never signed. */
    public record Push(Form form, PushDocumentType type, WbxmlElement document, byte[] wbxml, int smsCount,
            List<CodecWarning> warnings) implements Message {

        public Push {
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(document, "document");
            wbxml = wbxml.clone();
            warnings = List.copyOf(warnings);
        }

        public Push(Form form, PushDocumentType type, WbxmlElement document, byte[] wbxml, int smsCount) {
            this(form, type, document, wbxml, smsCount, List.of());
        }

        @Override
        public byte[] wbxml() {
            return wbxml.clone();
        }

        /** The document as {@link PushXml} writes it. */
        public String xml() {
            return PushXml.write(type, document);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Push push && form == push.form && type == push.type
                    && document.equals(push.document) && Arrays.equals(wbxml, push.wbxml) && smsCount == push.smsCount
                    && warnings.equals(push.warnings);
        }

        @Override
        public int hashCode() {
            return Objects.hash(form, type, document, Arrays.hashCode(wbxml), smsCount, warnings);
        }

        @Override
        public String toString() {
            return "Push[form=%s, type=%s, wbxml=%s, smsCount=%d]".formatted(form, type, Hex.encode(wbxml), smsCount);
        }
    }

    private PushMessageDecoder() {
    }

    /** @throws DecodeException when no form and document type fit; the offset is that of the layer that failed */
    public static Message decode(byte[] input) {
        return OmaCpMessageDecoder.decode(input, PushMessageDecoder::read);
    }

    private static Message read(Form form, Optional<WspPush> push, byte[] wbxml, int smsCount, List<CodecWarning> warnings) {
        Optional<PushDocumentType> type = push.isPresent() ? byContentType(push.get().contentType()) : byPublicId(wbxml);
        if (type.isEmpty()) {
            return new Provisioning(OmaCpMessageDecoder.provisioning(form, push, wbxml, smsCount, warnings));
        }
        WbxmlElement document = PushWbxml.decode(type.get(), wbxml, warnings);
        return new Push(form, type.get(), document, wbxml, smsCount, warnings);
    }

    private static Optional<PushDocumentType> byContentType(WspContentType contentType) {
        return Arrays.stream(PushDocumentType.values()).filter(type -> switch (contentType) {
            case WspContentType.WellKnown known -> type.wellKnownContentType().equals(OptionalInt.of(known.number()));
            case WspContentType.Text text -> text.mediaType().equalsIgnoreCase(type.contentType());
        }).findFirst();
    }

    /** Both Nokia OTA types share one language; the first, browser settings, stands for it. */
    private static Optional<PushDocumentType> byPublicId(byte[] wbxml) {
        if (wbxml.length < 2) {
            return Optional.empty();
        }
        int publicId = wbxml[1];
        return Arrays.stream(PushDocumentType.values()).filter(type -> type.language().publicId() == publicId).findFirst();
    }
}
