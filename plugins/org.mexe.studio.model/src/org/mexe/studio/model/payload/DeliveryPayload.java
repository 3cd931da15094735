package org.mexe.studio.model.payload;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.mexe.studio.codec.MessageTooLongException;
import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.codec.push.PushDocumentType;
import org.mexe.studio.codec.push.PushWbxml;
import org.mexe.studio.codec.sms.InformationElement.Concatenation;
import org.mexe.studio.codec.sms.SmsSubmit;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.codec.wsp.PushSignature;
import org.mexe.studio.model.provisioning.DeliveryFormat;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.SecurityMethod;

/**
 * A parameter delivery encoded with the codec, from document to SMS: the one place that turns a
 * delivery's parameter sets into bytes, used by the generator (real secrets) and by the
 * validator that checks the payload against the target handsets (stand-ins).
 * <p>
 * OMA CP goes out as {@code application/vnd.wap.connectivity-wbxml} to WDP port 2948, signed
 * unless the security is NONE. Nokia OTA goes out as {@code application/x-wap-prov.browser-settings}
 * to port 49999 and is never signed: the format has no security.
 */
public final class DeliveryPayload {

    /** WSP transaction id of every push; connectionless push does not use it for matching. */
    public static final int TRANSACTION_ID = 1;

    /** The Nokia OTA document type a delivery sends. */
    public static final PushDocumentType NOKIA_OTA = PushDocumentType.NOKIA_OTA_SETTINGS;

    private DeliveryPayload() {
    }

    /**
     * How the document is signed, decided once its WBXML is known: USERPINMAC derives half of its
     * PIN from the document.
     */
    @FunctionalInterface
    public interface Signing {

        Optional<CpSecurity> forDocument(byte[] wbxml);

        static Signing none() {
            return wbxml -> Optional.empty();
        }

        static Signing with(CpSecurity security) {
            Objects.requireNonNull(security, "security");
            return wbxml -> Optional.of(security);
        }
    }

    /** Every representation of one delivery's message, down to the SMS, and what its format could not carry. */
    public record Encoded(DeliveryFormat format, PushMessage message, List<SmsSubmit> submits, List<NotCarried> notCarried) {

        public Encoded {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(message, "message");
            submits = List.copyOf(submits);
            notCarried = List.copyOf(notCarried);
        }

        public String xml() {
            return message.xml();
        }

        public byte[] wbxml() {
            return message.wbxml();
        }

        public byte[] wspPush() {
            return message.wspPush();
        }

        public Optional<CpSecurity> security() {
            return message.security();
        }

        public Optional<PushSignature> signature() {
            return message.signature();
        }

        public int smsCount() {
            return submits.size();
        }

        @Override
        public String toString() {
            return "Encoded[format=%s, wbxml=%d bytes, sms=%d, signature=%s]".formatted(format, message.wbxml().length, submits.size(),
                    message.signature());
        }
    }

    /** The format of a delivery: OMA CP unless it says otherwise. */
    public static DeliveryFormat format(ParameterDelivery delivery) {
        return delivery.isSetFormat() ? delivery.getFormat() : DeliveryFormat.OMA_CP;
    }

    /** The security of a delivery: as written, else USERPIN for OMA CP and NONE for Nokia OTA, which cannot be signed. */
    public static SecurityMethod security(ParameterDelivery delivery) {
        if (delivery.isSetSecurity()) {
            return delivery.getSecurity();
        }
        return format(delivery) == DeliveryFormat.NOKIA_OTA ? SecurityMethod.NONE : SecurityMethod.USERPIN;
    }

    /**
     * Maps {@code sets} in {@code format} and encodes them down to SMS-SUBMITs.
     *
     * @throws MessageTooLongException when the push needs more than 255 SMS
     * @throws IllegalArgumentException when {@code signing} signs a Nokia OTA document
     */
    public static <X extends Exception> Encoded encode(List<ParameterSet> sets, DeliveryFormat format, Signing signing,
            SubmitParameters submit, SecretReader<X> secrets) throws X {
        return switch (format) {
            case OMA_CP -> omaCp(OmaCpMapping.map(sets, secrets), signing, submit);
            case NOKIA_OTA -> nokiaOta(NokiaOtaMapping.map(sets, secrets), signing, submit);
        };
    }

    private static Encoded omaCp(Mapped<ProvisioningDocument> mapped, Signing signing, SubmitParameters submit) {
        return encoded(DeliveryFormat.OMA_CP, PushMessage.omaCp(mapped.document(), signing), submit, mapped.notCarried());
    }

    private static Encoded nokiaOta(Mapped<WbxmlElement> mapped, Signing signing, SubmitParameters submit) {
        WbxmlElement document = mapped.document();
        if (signing.forDocument(PushWbxml.encode(NOKIA_OTA, document)).isPresent()) {
            throw new IllegalArgumentException("Nokia OTA settings cannot be signed: the format has no security");
        }
        return encoded(DeliveryFormat.NOKIA_OTA, PushMessage.unsigned(NOKIA_OTA, document), submit, mapped.notCarried());
    }

    private static Encoded encoded(DeliveryFormat format, PushMessage message, SubmitParameters submit, List<NotCarried> notCarried) {
        return new Encoded(format, message, message.submits(submit), notCarried);
    }

    /**
     * How many SMS a handset reassembles into one message: 1 without concatenated SMS, the
     * profile's limit with one, else the 255 that an 8-bit concatenation header can number.
     */
    public static int segmentLimit(HandsetProfile handset) {
        if (!handset.isConcatenatedSms()) {
            return 1;
        }
        return handset.isSetSegmentLimit() ? handset.getSegmentLimit() : Concatenation.MAX_PARTS;
    }
}
