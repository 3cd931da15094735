package org.mexe.studio.codec.push;

import java.util.Optional;

import org.mexe.studio.codec.InvalidDocumentException;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.codec.wsp.WspPush;
import org.mexe.studio.codec.wsp.WspPushCodec;

/**
 * SI, SL and Nokia OTA documents as WSP pushes: the type's content type (SI AE, SL B0, Nokia OTA
 * its text type with charset=UTF-8) and, for SI and SL, X-Wap-Application-Id wml.ua. Sent over
 * SMS to {@link PushDocumentType#ports()}.
 */
public final class PushMessageEncoder {

    private PushMessageEncoder() {
    }

    /** @throws InvalidDocumentException when the root is not the type's root element */
    public static byte[] wspPush(PushDocumentType type, WbxmlElement document, int transactionId) {
        return WspPushCodec.encode(new WspPush(transactionId, type.wspContentType(), Optional.empty(),
                type.applicationId(), PushWbxml.encode(type, document)));
    }
}
