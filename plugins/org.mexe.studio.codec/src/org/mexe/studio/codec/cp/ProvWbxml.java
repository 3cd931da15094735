package org.mexe.studio.codec.cp;

import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.InvalidDocumentException;
import org.mexe.studio.codec.wbxml.WbxmlDecoder;
import org.mexe.studio.codec.wbxml.WbxmlEncoder;

/** WBXML form of provisioning documents (WBXML 1.3, public id PROV 1.0, UTF-8). */
public final class ProvWbxml {

    private ProvWbxml() {
    }

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
}
