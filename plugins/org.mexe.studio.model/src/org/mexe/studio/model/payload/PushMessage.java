package org.mexe.studio.model.payload;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.cp.ProvWbxml;
import org.mexe.studio.codec.cp.ProvXml;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.codec.push.PushDocumentType;
import org.mexe.studio.codec.push.PushMessageEncoder;
import org.mexe.studio.codec.push.PushWbxml;
import org.mexe.studio.codec.push.PushXml;
import org.mexe.studio.codec.sms.DeliverParameters;
import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;
import org.mexe.studio.codec.sms.SmsDeliver;
import org.mexe.studio.codec.sms.SmsSegmenter;
import org.mexe.studio.codec.sms.SmsSubmit;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.codec.wsp.PushSignature;
import org.mexe.studio.codec.wsp.WspPush;
import org.mexe.studio.codec.wsp.WspPushCodec;
import org.mexe.studio.model.payload.DeliveryPayload.Signing;

/**
 * A document on its way to the handset: XML, WBXML, the signature if any, and the WSP push with
 * transaction id {@value DeliveryPayload#TRANSACTION_ID}, ready to be cut into SMS for its WDP
 * ports. The one path from a document to SMS, for the generator and {@code prov cp encode}.
 */
public record PushMessage(String xml, byte[] wbxml, Optional<CpSecurity> security, Optional<PushSignature> signature, byte[] wspPush,
        ApplicationPorts ports) {

    public PushMessage {
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(ports, "ports");
        wbxml = wbxml.clone();
        wspPush = wspPush.clone();
    }

    /**
     * An OMA CP document as application/vnd.wap.connectivity-wbxml to port 2948, signed as
     * {@code signing} decides for its WBXML (USERPINMAC derives half of its PIN from it).
     */
    public static PushMessage omaCp(ProvisioningDocument document, Signing signing) {
        byte[] wbxml = ProvWbxml.encode(document);
        Optional<CpSecurity> security = signing.forDocument(wbxml);
        Optional<PushSignature> signature = security.map(s -> s.sign(wbxml));
        byte[] push = WspPushCodec.encode(new WspPush(DeliveryPayload.TRANSACTION_ID, WspPush.CONNECTIVITY_WBXML, signature, wbxml));
        return new PushMessage(ProvXml.write(document), wbxml, security, signature, push, ApplicationPorts.WAP_PUSH);
    }

    /** An SI, SL or Nokia OTA document, which are never signed. */
    public static PushMessage unsigned(PushDocumentType type, WbxmlElement document) {
        return new PushMessage(PushXml.write(type, document), PushWbxml.encode(type, document), Optional.empty(), Optional.empty(),
                PushMessageEncoder.wspPush(type, document, DeliveryPayload.TRANSACTION_ID), type.ports());
    }

    /** @throws org.mexe.studio.codec.MessageTooLongException when the push needs more than 255 SMS */
    public List<SmsSubmit> submits(SubmitParameters parameters) {
        return SmsSegmenter.segment(wspPush, ports, parameters);
    }

    /** @throws org.mexe.studio.codec.MessageTooLongException when the push needs more than 255 SMS */
    public List<SmsDeliver> delivers(DeliverParameters parameters) {
        return SmsSegmenter.segment(wspPush, ports, parameters);
    }

    @Override
    public byte[] wbxml() {
        return wbxml.clone();
    }

    @Override
    public byte[] wspPush() {
        return wspPush.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PushMessage m && xml.equals(m.xml) && Arrays.equals(wbxml, m.wbxml) && security.equals(m.security)
                && signature.equals(m.signature) && Arrays.equals(wspPush, m.wspPush) && ports.equals(m.ports);
    }

    @Override
    public int hashCode() {
        return Objects.hash(xml, Arrays.hashCode(wbxml), signature, Arrays.hashCode(wspPush), ports);
    }

    @Override
    public String toString() {
        return "PushMessage[wbxml=%d bytes, signature=%s, push=%d bytes]".formatted(wbxml.length, signature, wspPush.length);
    }
}
