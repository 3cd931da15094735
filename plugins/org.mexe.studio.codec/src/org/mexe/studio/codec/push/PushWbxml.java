package org.mexe.studio.codec.push;

import java.util.List;

import org.mexe.studio.codec.CodecWarning;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.InvalidDocumentException;
import org.mexe.studio.codec.wbxml.WbxmlDecoder;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.codec.wbxml.WbxmlEncoder;

/** WBXML form of SI, SL and Nokia OTA settings documents (UTF-8, the type's version and public id). */
public final class PushWbxml {

    private PushWbxml() {
    }

    /** @throws InvalidDocumentException when the root is not the type's root element */
    public static byte[] encode(PushDocumentType type, WbxmlElement document) {
        PushXml.requireRoot(type, document);
        return WbxmlEncoder.encode(type.language(), document, type.version());
    }

    /**
     * @throws DecodeException          for bytes that are not WBXML of the type's language, at the offending offset
     * @throws InvalidDocumentException for well-formed WBXML with another root element
     */
    public static WbxmlElement decode(PushDocumentType type, byte[] wbxml) {
        return PushXml.requireRoot(type, WbxmlDecoder.decode(type.language(), wbxml));
    }

    /** As {@link #decode(PushDocumentType, byte[])}, appending what was tolerated (WBXML, then {@link PushContent}). */
    public static WbxmlElement decode(PushDocumentType type, byte[] wbxml, List<CodecWarning> warnings) {
        WbxmlElement root = PushXml.requireRoot(type, WbxmlDecoder.decode(type.language(), wbxml, warnings));
        warnings.addAll(PushContent.check(type, root));
        return root;
    }
}
