package org.mexe.studio.generator.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SmsSegmenter;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.codec.wsp.PushSignature;
import org.mexe.studio.codec.wsp.WspPush;
import org.mexe.studio.codec.wsp.WspPushCodec;
import org.mexe.studio.generator.PerSubscriberDeliveries;
import org.mexe.studio.model.payload.DeliveryPayload;
import org.mexe.studio.model.provisioning.SecurityMethod;
import org.mexe.studio.model.provisioning.SubscriberColumn;

/**
 * One per-subscriber delivery, ready to be streamed: everything that is the same for every
 * subscriber (the document's WBXML, the push around it, the delivery's folder name) is fixed here,
 * so that per subscriber only what depends on the MSISDN, IMSI and PIN is computed.
 * <p>
 * The plan holds the delivery's shared PIN, when it has one, in memory only: it is in no file,
 * no digest and no {@link #toString()}.
 *
 * @param scenario       the scenario's qualified name
 * @param stage          the stage number (1-based) of the delivery
 * @param deliveryFolder the delivery's folder as {@code prov generate} names it; each subscriber's
 *                       concatenation reference derives from it
 * @param method         the security method
 * @param wbxml          the document, as signed
 * @param push           the WSP push for a signature (empty when unsigned), as the codec writes it
 * @param ports          the WDP ports of the push
 * @param pins           where the PIN of each subscriber comes from
 * @param sharedPin      the delivery's own PIN for {@link PinSource#SHARED}, else null
 * @param columns        the subscriber file's columns as the model declares them (a header line wins)
 */
public record CampaignPlan(String scenario, int stage, String deliveryFolder, SecurityMethod method, byte[] wbxml,
        Function<Optional<PushSignature>, byte[]> push, ApplicationPorts ports, PinSource pins, String sharedPin,
        List<SubscriberColumn> columns) {

    /** Where each subscriber's PIN comes from. */
    public enum PinSource {
        /** The method uses no PIN. */
        NONE,
        /** One PIN for the whole delivery. */
        SHARED,
        /** The subscriber file's pin column. */
        COLUMN,
        /** Made for each subscriber ({@code pin generated}) and written to the operator's PIN file. */
        GENERATED
    }

    public CampaignPlan {
        Objects.requireNonNull(method, "method");
        wbxml = wbxml.clone();
        columns = List.copyOf(columns);
        if ((pins == PinSource.SHARED) != (sharedPin != null)) {
            throw new IllegalArgumentException("a shared PIN goes with PinSource.SHARED only");
        }
        if (usesPin(method) == (pins == PinSource.NONE)) {
            throw new IllegalArgumentException(method + " with PIN source " + pins);
        }
    }

    /** An OMA CP delivery: the document's WBXML in a connectivity push to WDP port 2948, as {@code OmaCpMessageEncoder} sends it. */
    public static CampaignPlan omaCp(String scenario, int stage, String deliveryFolder, SecurityMethod method, byte[] wbxml,
            PinSource pins, String sharedPin, List<SubscriberColumn> columns) {
        byte[] body = wbxml.clone();
        return new CampaignPlan(scenario, stage, deliveryFolder, method, body,
                signature -> WspPushCodec.encode(new WspPush(DeliveryPayload.TRANSACTION_ID, WspPush.CONNECTIVITY_WBXML, signature, body)),
                ApplicationPorts.WAP_PUSH, pins, sharedPin, columns);
    }

    @Override
    public byte[] wbxml() {
        return wbxml.clone();
    }

    static boolean usesPin(SecurityMethod method) {
        return method == SecurityMethod.USERPIN || method == SecurityMethod.USERNETWPIN || method == SecurityMethod.USERPINMAC;
    }

    static boolean usesImsi(SecurityMethod method) {
        return method == SecurityMethod.NETWPIN || method == SecurityMethod.USERNETWPIN;
    }

    /** The security method as the language writes it, e.g. NETWPIN. */
    public String securityName() {
        return method.getLiteral();
    }

    public boolean needsImsi() {
        return usesImsi(method);
    }

    public boolean needsPinColumn() {
        return pins == PinSource.COLUMN;
    }

    /**
     * The key material of one subscriber, or empty for an unsigned delivery. For USERPINMAC the
     * {@code pin} is the random half; the whole PIN derives from the document.
     *
     * @throws IllegalArgumentException when the IMSI or PIN does not suit the method
     */
    Optional<CpSecurity> security(String imsi, String pin) {
        return switch (method) {
            case NONE -> Optional.empty();
            case NETWPIN -> Optional.of(new CpSecurity.NetworkPin(imsi));
            case USERPIN -> Optional.of(new CpSecurity.UserPin(pin));
            case USERNETWPIN -> Optional.of(new CpSecurity.UserNetworkPin(imsi, pin));
            case USERPINMAC -> Optional.of(pins == PinSource.GENERATED ? CpSecurity.UserPinMac.forDocument(pin, wbxml)
                    : new CpSecurity.UserPinMac(pin));
        };
    }

    /** Why a PIN from the subscriber file cannot key this delivery (never quoting it), or null when it can. */
    String pinFault(String imsi, String pin) {
        try {
            security(imsi, pin);
            if (method == SecurityMethod.USERPINMAC && pins == PinSource.COLUMN
                    && !CpSecurity.UserPinMac.forDocument(pin.substring(0, pin.length() / 2), wbxml).pin().equals(pin)) {
                return "the USERPINMAC PIN was not made for this document (its second half derives from the document it protects);"
                        + " write 'pin generated' to have one made per subscriber";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "the PIN is not usable: " + e.getMessage();
        }
    }

    /**
     * One subscriber's SMS-SUBMIT TPDUs the slow, obvious way: sign, push and segment with the
     * codec, exactly as {@code prov generate} does. The streaming encoder must give the same bytes;
     * it checks itself against this.
     */
    public List<byte[]> referenceTpdus(String msisdn, String imsi, String pin) {
        Optional<PushSignature> signature = security(imsi, pin).map(s -> s.sign(wbxml));
        byte[] pushBytes = push.apply(signature);
        String folder = PerSubscriberDeliveries.subscriberFolder(deliveryFolder, msisdn);
        List<byte[]> tpdus = new ArrayList<>();
        SmsSegmenter.segment(pushBytes, ports, new SubmitParameters(SmsAddress.parse(msisdn), 0,
                PerSubscriberDeliveries.concatenationReference(folder))).forEach(s -> tpdus.add(SmsSubmitCodec.encode(s)));
        return tpdus;
    }

    /**
     * What makes the output: a resumed run must have the same plan as the run it continues. The
     * digest covers the template push (signed with a stand-in key), never a PIN.
     */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((scenario + "\n" + stage + "\n" + deliveryFolder + "\n" + method + "\n" + pins + "\n" + ports + "\n" + columns
                    + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(wbxml);
            sha.update(push.apply(Optional.empty()));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "CampaignPlan[" + scenario + " stage " + stage + ", " + method + ", " + wbxml.length + " WBXML bytes, PIN " + pins + "]";
    }
}
