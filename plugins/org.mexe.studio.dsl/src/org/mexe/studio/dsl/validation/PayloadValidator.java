package org.mexe.studio.dsl.validation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.mexe.studio.codec.MessageTooLongException;
import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.sms.InformationElement.Concatenation;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.model.payload.DeliveryPayload;
import org.mexe.studio.model.payload.DeliveryPayload.Encoded;
import org.mexe.studio.model.payload.DeliveryPayload.Signing;
import org.mexe.studio.model.payload.NotCarried;
import org.mexe.studio.model.provisioning.DeliveryFormat;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.model.provisioning.SecurityMethod;

/**
 * Checks that need the encoded payload: each delivery is mapped and encoded with the codec, as the
 * generator does, and its SMS count is held against the segment limit of every target handset.
 * No secret is read: each password the payload carries is counted as a stand-in of
 * {@value #SECRET_STAND_IN_LENGTH} characters, and the MAC is 40 hex digits whatever the key.
 * The generator checks the limits again with the real secrets.
 */
public class PayloadValidator extends AbstractDeclarativeValidator {

    /** The delivery needs more SMS than a target handset reassembles. */
    public static final String TOO_MANY_SEGMENTS = "org.mexe.studio.dsl.payloadTooManySegments";
    /** The delivery needs more SMS than any concatenation can number (255). */
    public static final String TOO_LONG = "org.mexe.studio.dsl.payloadTooLong";
    /** A parameter the delivery's format cannot carry (a warning); the same code as the generator's. */
    public static final String NOT_CARRIED = NotCarried.CODE;

    /** The length at which each password in the payload is counted. */
    public static final int SECRET_STAND_IN_LENGTH = 16;

    /** Any number: the destination does not change how many SMS a payload takes. */
    private static final SubmitParameters STAND_IN_SUBMIT = new SubmitParameters(SmsAddress.international("0"), 0, 0);
    private static final String STAND_IN_PIN = "1234";
    private static final String STAND_IN_IMSI = "001010123456789";

    @Override
    public void register(EValidatorRegistrar registrar) {
        // Composed into ProvValidator, which registers for the package.
    }

    @Check
    public void payloadFitsTheHandsets(ParameterDelivery delivery) {
        List<ParameterSet> sets = delivery.getParameterSets();
        if (sets.isEmpty() || sets.stream().anyMatch(set -> set.eIsProxy() || set.getName() == null)) {
            return; // unresolved: the linker reports it at the reference
        }
        DeliveryFormat format = DeliveryPayload.format(delivery);
        Set<String> standIns = new HashSet<>();
        Encoded encoded;
        try {
            encoded = encodeWithStandIns(delivery, standIns);
        } catch (MessageTooLongException e) {
            error("This delivery needs " + e.segmentsNeeded() + " SMS (" + e.payloadLength() + " octets of push), more than the "
                    + Concatenation.MAX_PARTS + " one concatenated message can have: split " + names(sets)
                    + " over several deliver stages.", delivery, Literals.PARAMETER_DELIVERY__PARAMETER_SETS, TOO_LONG,
                    Integer.toString(e.segmentsNeeded()));
            return;
        } catch (RuntimeException e) {
            return; // a value the codec refuses: the checks of that value report it
        }
        for (NotCarried missing : encoded.notCarried()) {
            warning(missing.message(format), delivery, Literals.PARAMETER_DELIVERY__PARAMETER_SETS, sets.indexOf(missing.set()),
                    NOT_CARRIED, missing.set().getName(), missing.parameter());
        }
        Scenario scenario = EcoreUtil2.getContainerOfType(delivery, Scenario.class);
        if (scenario == null) {
            return;
        }
        for (HandsetProfile handset : scenario.getHandsets()) {
            if (handset.eIsProxy()) {
                continue;
            }
            int limit = DeliveryPayload.segmentLimit(handset);
            if (encoded.smsCount() > limit) {
                error(tooManySegments(sets, encoded.smsCount(), handset, limit, standIns.size()), delivery,
                        Literals.PARAMETER_DELIVERY__PARAMETER_SETS, TOO_MANY_SEGMENTS, handset.getName(),
                        Integer.toString(encoded.smsCount()), Integer.toString(limit));
            }
        }
    }

    /**
     * The delivery encoded as the generator would, with stand-ins for its secrets (see the class
     * comment): its SMS count is exact for any PIN and IMSI. {@code standIns} receives one entry per
     * password counted at {@value #SECRET_STAND_IN_LENGTH} characters. Editors show the size from it.
     *
     * @throws MessageTooLongException when it needs more SMS than one concatenated message can have
     * @throws RuntimeException for a value the codec refuses (the value checks report it)
     */
    public static Encoded encodeWithStandIns(ParameterDelivery delivery, Set<String> standIns) throws MessageTooLongException {
        DeliveryFormat format = DeliveryPayload.format(delivery);
        // A signed Nokia OTA delivery is ProvValidator's error; its size is that of the unsigned one.
        SecurityMethod security = format == DeliveryFormat.NOKIA_OTA ? SecurityMethod.NONE : DeliveryPayload.security(delivery);
        return DeliveryPayload.encode(delivery.getParameterSets(), format, standInSigning(security), STAND_IN_SUBMIT, ref -> {
            String standIn = standIn(ref);
            standIns.add(standIn);
            return standIn;
        });
    }

    /** The message shared with the generator, which checks again with the real secrets. */
    public static String tooManySegments(List<ParameterSet> sets, int count, HandsetProfile handset, int limit, int standIns) {
        String takes = handset.isConcatenatedSms()
                ? "takes at most " + limit + " concatenated SMS"
                : "takes 1 SMS (it has no concatenated-sms)";
        String counted = standIns == 0 ? ""
                : " (with each of the " + standIns + " password(s) counted as " + SECRET_STAND_IN_LENGTH + " characters)";
        String split = sets.size() > 1
                ? "split " + names(sets) + " over several deliver stages, or leave out parameters the handset does not need."
                : "split '" + sets.get(0).getName() + "' into smaller parameter sets delivered in several stages, or leave out"
                        + " parameters the handset does not need.";
        return "This delivery needs " + count + " SMS" + counted + ", but the handset '" + handset.getName() + "' " + takes
                + ": " + split;
    }

    private static String names(List<ParameterSet> sets) {
        return String.join(", ", sets.stream().map(set -> "'" + set.getName() + "'").toList());
    }

    /** Any key of the method: the MAC is 40 hex digits whatever the key, so the size is exact. */
    private static Signing standInSigning(SecurityMethod method) {
        return switch (method) {
            case NONE -> Signing.none();
            case USERPIN -> Signing.with(new CpSecurity.UserPin(STAND_IN_PIN));
            case NETWPIN -> Signing.with(new CpSecurity.NetworkPin(STAND_IN_IMSI));
            case USERNETWPIN -> Signing.with(new CpSecurity.UserNetworkPin(STAND_IN_IMSI, STAND_IN_PIN));
            case USERPINMAC -> wbxml -> Optional.of(CpSecurity.UserPinMac.forDocument(STAND_IN_PIN, wbxml));
        };
    }

    /**
     * A stand-in password of the stated length, different for each secret reference: equal
     * stand-ins would share WBXML string-table entries that real passwords would not.
     */
    private static String standIn(SecretRef ref) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((ref.getSource() + ":" + ref.getLocation()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, SECRET_STAND_IN_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
