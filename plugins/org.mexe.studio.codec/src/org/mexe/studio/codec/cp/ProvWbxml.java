package org.mexe.studio.codec.cp;

import java.util.List;

import org.mexe.studio.codec.CodecWarning;
import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.InvalidDocumentException;
import org.mexe.studio.codec.wbxml.WbxmlDecoder;
import org.mexe.studio.codec.wbxml.WbxmlEncoder;

/** WBXML form of provisioning documents (WBXML 1.3, public id PROV 1.0, UTF-8). */
public final class ProvWbxml {

    private ProvWbxml() {
    }

    /** Writes any document; {@link ProvCont#check} says what in it ProvCont 1.1 does not define as written. */
    public static byte[] encode(ProvisioningDocument document) {
        return WbxmlEncoder.encode(ProvLanguage.PROV_1_0, ProvElements.toElement(document));
    }

    /**
     * @throws DecodeException          for bytes that are not PROV 1.0 WBXML
     * @throws InvalidDocumentException for well-formed WBXML whose tree is not a provisioning document
     */
    public static ProvisioningDocument decode(byte[] wbxml) {
        return ProvElements.fromElement(WbxmlDecoder.decode(ProvLanguage.PROV_1_0, wbxml));
    }

    /**
     * As {@link #decode(byte[])}, appending to {@code warnings} what was tolerated: WBXML liberties
     * (see {@link WbxmlDecoder}) and documents that bend the PROV DTD or ProvCont (see {@link ProvCont}).
     */
    public static ProvisioningDocument decode(byte[] wbxml, List<CodecWarning> warnings) {
        return ProvElements.fromElement(WbxmlDecoder.decode(ProvLanguage.PROV_1_0, wbxml, warnings), warnings);
    }
}
