package org.mexe.studio.codec.cp;

import java.util.Optional;

import org.mexe.studio.codec.MessageTooLongException;
import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;
import org.mexe.studio.codec.sms.SmsSegmenter;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.codec.wsp.PushSignature;
import org.mexe.studio.codec.wsp.WspPush;
import org.mexe.studio.codec.wsp.WspPushCodec;

/**
 * The whole path from a document to SMS: XML text, WBXML, MAC, WSP push
 * (application/vnd.wap.connectivity-wbxml) and SMS-SUBMITs to WDP port 2948 from 9200.
 * All references are the caller's, so the same input always gives the same bytes.
 */
public final class OmaCpMessageEncoder {

    private OmaCpMessageEncoder() {
    }

    /** @throws MessageTooLongException when the push needs more than 255 SMS */
    public static OmaCpMessage signed(ProvisioningDocument document, CpSecurity security, int transactionId,
            SubmitParameters submit) {
        byte[] wbxml = ProvWbxml.encode(document);
        return assemble(document, wbxml, Optional.of(security.sign(wbxml)), transactionId, submit);
    }

    /** @throws MessageTooLongException when the push needs more than 255 SMS */
    public static OmaCpMessage unsigned(ProvisioningDocument document, int transactionId, SubmitParameters submit) {
        return assemble(document, ProvWbxml.encode(document), Optional.empty(), transactionId, submit);
    }

    private static OmaCpMessage assemble(ProvisioningDocument document, byte[] wbxml, Optional<PushSignature> signature,
            int transactionId, SubmitParameters submit) {
        byte[] push = WspPushCodec.encode(new WspPush(transactionId, WspPush.CONNECTIVITY_WBXML, signature, wbxml));
        return new OmaCpMessage(document, ProvXml.write(document), wbxml, signature, push,
                SmsSegmenter.segment(push, ApplicationPorts.WAP_PUSH, submit));
    }
}
