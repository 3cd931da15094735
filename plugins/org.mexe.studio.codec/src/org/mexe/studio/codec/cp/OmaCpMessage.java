package org.mexe.studio.codec.cp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.sms.SmsSubmit;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.wsp.PushSignature;

/** Every representation of one provisioning message, from XML down to the SMS-SUBMIT TPDUs. */
public record OmaCpMessage(ProvisioningDocument document, String xml, byte[] wbxml, Optional<PushSignature> signature,
        byte[] wspPush, List<SmsSubmit> submits) {

    public OmaCpMessage {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(signature, "signature");
        wbxml = wbxml.clone();
        wspPush = wspPush.clone();
        submits = List.copyOf(submits);
    }

    @Override
    public byte[] wbxml() {
        return wbxml.clone();
    }

    @Override
    public byte[] wspPush() {
        return wspPush.clone();
    }

    /** What in the document ProvCont 1.1 does not define as written (it was encoded all the same). */
    public List<org.mexe.studio.codec.CodecWarning> warnings() {
        return ProvCont.check(document);
    }

    public List<byte[]> tpdus() {
        return submits.stream().map(SmsSubmitCodec::encode).toList();
    }

    /** One upper-case hex line per SMS-SUBMIT, e.g. {@code 41000B91...}. */
    public List<String> tpduHexLines() {
        return submits.stream().map(submit -> Hex.encode(SmsSubmitCodec.encode(submit))).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OmaCpMessage message
                && document.equals(message.document)
                && xml.equals(message.xml)
                && Arrays.equals(wbxml, message.wbxml)
                && signature.equals(message.signature)
                && Arrays.equals(wspPush, message.wspPush)
                && submits.equals(message.submits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(document, xml, Arrays.hashCode(wbxml), signature, Arrays.hashCode(wspPush), submits);
    }

    @Override
    public String toString() {
        return "OmaCpMessage[wbxml=%s, signature=%s, wspPush=%s, submits=%d]"
                .formatted(Hex.encode(wbxml), signature, Hex.encode(wspPush), submits.size());
    }
}
