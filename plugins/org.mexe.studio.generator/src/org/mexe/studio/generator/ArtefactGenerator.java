package org.mexe.studio.generator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;

import org.mexe.studio.codec.CodecException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.MessageTooLongException;
import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.codec.wsp.PushSignature;
import org.mexe.studio.dsl.validation.ModelLocations;
import org.mexe.studio.dsl.validation.PayloadValidator;
import org.mexe.studio.dsl.validation.ProvValidator;
import org.mexe.studio.dsl.validation.TrustMaterial.Failed;
import org.mexe.studio.dsl.validation.TrustMaterial.Loaded;
import org.mexe.studio.dsl.validation.TrustMaterial.Unavailable;
import org.mexe.studio.generator.SubscriberFile.Need;
import org.mexe.studio.generator.SubscriberFile.Subscriber;
import org.mexe.studio.model.constraints.Syntax;
import org.mexe.studio.model.payload.DeliveryPayload;
import org.mexe.studio.model.payload.DeliveryPayload.Encoded;
import org.mexe.studio.model.payload.DeliveryPayload.Signing;
import org.mexe.studio.model.payload.NotCarried;
import org.mexe.studio.model.payload.PushSecurity;
import org.mexe.studio.model.payload.PushSecurity.Pin;
import org.mexe.studio.model.payload.PushSecurity.UnusablePinException;
import org.mexe.studio.model.provisioning.DeliveryFormat;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.model.provisioning.SecurityMethod;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.model.provisioning.SubscriberSource;
import org.mexe.studio.security.SecretResolver;

/**
 * Turns every stage of every scenario into its artefacts. For a parameter delivery these are the
 * document (OMA CP or Nokia OTA, as XML and WBXML), the WSP push and the SMS-SUBMIT TPDUs, one
 * folder per delivery, or one per subscriber below it for {@code to subscribers}.
 * <p>
 * Everything is deterministic except generated PINs ({@code pin generated}): those come from
 * {@code SecureRandom} and are written only to {@link ProvisioningPipeline#USER_PINS}, never to an
 * artefact, a summary or a message.
 */
final class ArtefactGenerator {

    /** What a delivery summary shows as MAC when the push is not signed. */
    static final String NO_MAC = "none";

    private final SecretResolver secrets;
    private final RandomGenerator random;
    private final List<Problem> warnings = new ArrayList<>();
    private final List<String> userPins = new ArrayList<>();

    ArtefactGenerator(SecretResolver secrets, RandomGenerator random) {
        this.secrets = secrets;
        this.random = random;
    }

    /** The summaries of what was generated, and the parameters a format could not carry. */
    record Result(List<DeliverySummary> deliveries, List<Problem> warnings) {
    }

    Result generate(ProvisioningPipeline.LoadedInputs inputs, AtomicOutput output) throws GenerationException {
        List<DeliverySummary> deliveries = new ArrayList<>();
        for (ProvisioningModel model : inputs.models()) {
            for (var element : model.getElements()) {
                if (element instanceof Scenario scenario) {
                    String scenarioName = model.getName() + "." + scenario.getName();
                    int stageNumber = 0;
                    for (Stage stage : scenario.getStages()) {
                        stageNumber++;
                        switch (stage) {
                            case ParameterDelivery delivery ->
                                deliveries.addAll(deliver(scenario, scenarioName, stageNumber, delivery, output));
                            // The other stages run on the handset or the server: no SMS artefacts of their own yet.
                            default -> { }
                        }
                    }
                }
            }
        }
        if (!userPins.isEmpty()) {
            String csv = "delivery,msisdn,pin\n" + String.join("", userPins);
            output.addOwnerOnly(ProvisioningPipeline.USER_PINS, csv.getBytes(StandardCharsets.US_ASCII));
        }
        return new Result(deliveries, List.copyOf(warnings));
    }

    /** One message of a delivery: where it goes and the key material from the subscribers file, if any. */
    private record Recipient(String folder, String msisdn, Optional<String> imsi, Optional<Subscriber> subscriber) {
    }

    private List<DeliverySummary> deliver(Scenario scenario, String scenarioName, int stage, ParameterDelivery delivery,
            AtomicOutput output) throws GenerationException {
        List<ParameterSet> sets = delivery.getParameterSets();
        String base = PerSubscriberDeliveries.deliveryFolder(scenarioName, stage, delivery);
        DeliveryFormat format = DeliveryPayload.format(delivery);
        SecurityMethod method = DeliveryPayload.security(delivery);
        if (format == DeliveryFormat.NOKIA_OTA && method != SecurityMethod.NONE) {
            throw Locations.cannotGenerate(delivery, ProvValidator.NOKIA_OTA_SECURITY, "The Nokia OTA format has no security,"
                    + " so it cannot be sent with " + method.getLiteral() + ": write 'security none', or deliver 'format oma-cp'.", null);
        }
        boolean usesPin = PushSecurity.needsPin(method);
        boolean usesImsi = PushSecurity.needsImsi(method);
        String sharedPin = usesPin && !delivery.isGeneratedPin() && delivery.getPin() != null ? readSecret(delivery.getPin()) : null;

        List<Recipient> recipients = new ArrayList<>();
        if (delivery.isToSubscribers()) {
            SubscriberSource source = scenario.getSubscribers();
            if (source == null || source.eIsProxy()) {
                throw Locations.cannotGenerate(delivery, SubscriberFile.INVALID_SUBSCRIBERS, "'to subscribers' sends one message per"
                        + " subscriber, and the scenario names no subscribers: add 'subscribers NAME' to the scenario.", null);
            }
            List<Need> needs = new ArrayList<>();
            if (usesImsi) {
                needs.add(Need.IMSI);
            }
            if (usesPin && !delivery.isGeneratedPin() && sharedPin == null) {
                needs.add(Need.PIN);
            }
            for (Subscriber subscriber : SubscriberFile.read(source, needs)) {
                recipients.add(new Recipient(PerSubscriberDeliveries.subscriberFolder(base, subscriber.msisdn()), subscriber.msisdn(), subscriber.imsi(),
                        Optional.of(subscriber)));
            }
        } else {
            if (delivery.getDestination() == null) {
                throw Locations.cannotGenerate(delivery, ProvValidator.INVALID_DESTINATION, "The delivery has no destination:"
                        + " add 'to \"+447700900123\"', or 'to subscribers' for one message per subscriber.", null);
            }
            recipients.add(new Recipient(base, delivery.getDestination(), Optional.ofNullable(delivery.getImsi()), Optional.empty()));
        }

        List<DeliverySummary> summaries = new ArrayList<>();
        boolean first = true;
        for (Recipient recipient : recipients) {
            Keys keys = keys(delivery, method, recipient, sharedPin);
            Encoded encoded;
            try {
                encoded = DeliveryPayload.encode(sets, format, keys.signing(),
                        new SubmitParameters(SmsAddress.parse(recipient.msisdn()), 0,
                                PerSubscriberDeliveries.concatenationReference(recipient.folder())),
                        this::readSecret);
            } catch (MessageTooLongException e) {
                throw Locations.cannotGenerate(delivery, GenerationException.TOO_LONG, e.getMessage()
                        + ". Deliver fewer parameter sets in this stage, or split it into several stages.", e);
            } catch (CodecException | IllegalArgumentException e) {
                throw Locations.cannotGenerate(delivery, GenerationException.UNSUPPORTED,
                        "The delivery cannot be encoded: " + e.getMessage(), e);
            }
            keys.check(delivery);
            checkHandsets(scenario, delivery, encoded);
            if (first) {
                for (NotCarried missing : encoded.notCarried()) {
                    warnings.add(Locations.at(delivery, Literals.PARAMETER_DELIVERY__PARAMETER_SETS, sets.indexOf(missing.set()),
                            Problem.Severity.WARNING, NotCarried.CODE, missing.message(format)));
                }
                first = false;
            }
            String folder = recipient.folder();
            List<String> files = List.of(folder + "/provisioning.xml", folder + "/provisioning.wbxml", folder + "/push.wsp",
                    folder + "/sms-submit.hex");
            output.add(files.get(0), encoded.xml().getBytes(StandardCharsets.UTF_8));
            output.add(files.get(1), encoded.wbxml());
            output.add(files.get(2), encoded.wspPush());
            output.add(files.get(3), (String.join("\n", encoded.submits().stream()
                    .map(submit -> Hex.encode(SmsSubmitCodec.encode(submit))).toList()) + "\n").getBytes(StandardCharsets.US_ASCII));
            keys.generatedPin().ifPresent(pin -> userPins.add(folder + "," + recipient.msisdn() + "," + pin + "\n"));
            String mac = encoded.signature().map(PushSignature::mac).orElse(NO_MAC);
            summaries.add(new DeliverySummary(scenarioName, stage, folder, method.getName(), mac, encoded.wbxml().length,
                    encoded.smsCount(), files));
        }
        return summaries;
    }

    /** The validator estimated the size with stand-in secrets; the real payload must fit too. */
    private static void checkHandsets(Scenario scenario, ParameterDelivery delivery, Encoded encoded) throws GenerationException {
        for (HandsetProfile handset : scenario.getHandsets()) {
            int limit = DeliveryPayload.segmentLimit(handset);
            if (!handset.eIsProxy() && encoded.smsCount() > limit) {
                throw new GenerationException(GenerationException.Reason.CANNOT_GENERATE, "Generation stopped: nothing was written.",
                        List.of(Locations.at(delivery, Literals.PARAMETER_DELIVERY__PARAMETER_SETS, -1, Problem.Severity.ERROR,
                                PayloadValidator.TOO_MANY_SEGMENTS, PayloadValidator.tooManySegments(delivery.getParameterSets(),
                                        encoded.smsCount(), handset, limit, 0))),
                        null);
            }
        }
    }

    /**
     * The signing of one message and the PIN made for it, if one was made. Faults in the key
     * material surface after encoding, through {@link #check}, at the place the material came from.
     */
    private static final class Keys {

        private final Signing signing;
        private final AtomicReference<String> madePin = new AtomicReference<>();
        private final AtomicReference<String> fault = new AtomicReference<>();
        private final Optional<Subscriber> subscriber;
        private final SecretRef pinReference;

        /** Keeps a fault of {@code signing} for {@link #check} instead of letting it escape the codec. */
        Keys(Signing signing, boolean pinMade, Optional<Subscriber> subscriber, SecretRef pinReference) {
            this.subscriber = subscriber;
            this.pinReference = pinReference;
            this.signing = wbxml -> {
                try {
                    Optional<CpSecurity> security = signing.forDocument(wbxml);
                    if (pinMade) {
                        security.flatMap(PushSecurity::userPin).ifPresent(madePin::set);
                    }
                    return security;
                } catch (UnusablePinException e) {
                    fault.set(switch (e.fault()) {
                        case NOT_WELL_FORMED -> "a USERPINMAC PIN is an even number of 2 to 40 digits; write 'pin generated' to have"
                                + " one made.";
                        case NOT_MADE_FOR_THIS_DOCUMENT -> "it was not made for this document (the second half of a USERPINMAC PIN"
                                + " derives from the document it protects); write 'pin generated' to have one made per document.";
                    });
                } catch (IllegalArgumentException e) {
                    fault.set(e.getMessage() + ".");
                }
                // Any key keeps the encoding going; check() stops generation right after.
                return Optional.of(new CpSecurity.UserPin("0"));
            };
        }

        Signing signing() {
            return signing;
        }

        Optional<String> generatedPin() {
            return Optional.ofNullable(madePin.get());
        }

        /** Throws for a fault found while signing, placed where the PIN came from; never quotes the PIN. */
        void check(ParameterDelivery delivery) throws GenerationException {
            String message = fault.get();
            if (message == null) {
                return;
            }
            if (pinReference != null) {
                throw Locations.cannotGenerate(pinReference, GenerationException.UNUSABLE_SECRET,
                        "The PIN from " + pinReference.getLocation() + " is not usable: " + message, null);
            }
            if (subscriber.isPresent()) {
                Subscriber s = subscriber.get();
                throw new GenerationException(GenerationException.Reason.INVALID_INPUT,
                        "The subscribers file is not usable: nothing was generated.",
                        List.of(new Problem(s.file(), s.line(), s.pinColumn(), -1, 0, Problem.Severity.ERROR,
                                SubscriberFile.INVALID_SUBSCRIBERS, "The PIN of " + s.msisdn() + " is not usable: " + message)),
                        null);
            }
            throw Locations.cannotGenerate(delivery, GenerationException.UNUSABLE_SECRET, "The PIN is not usable: " + message, null);
        }
    }

    private Keys keys(ParameterDelivery delivery, SecurityMethod method, Recipient recipient, String sharedPin) throws GenerationException {
        boolean generated = delivery.isGeneratedPin();
        Optional<String> pin = sharedPin != null ? Optional.of(sharedPin) : recipient.subscriber().flatMap(Subscriber::pin);
        Optional<String> imsi = recipient.imsi();
        String where = recipient.subscriber().map(s -> " for " + s.msisdn()).orElse("");
        if (PushSecurity.needsImsi(method)) {
            if (imsi.isEmpty()) {
                throw Locations.cannotGenerate(delivery, ProvValidator.MISSING_IMSI, method.getLiteral()
                        + " security is keyed by the subscriber's IMSI: add 'imsi \"...\"' to the delivery.", null);
            }
            if (!Syntax.isImsi(imsi.get())) {
                throw Locations.cannotGenerate(delivery, ProvValidator.INVALID_IMSI, "The IMSI \"" + imsi.get()
                        + "\" is not valid: give 6 to 15 digits (3GPP TS 23.003).", null);
            }
        }
        boolean needsPin = PushSecurity.needsPin(method);
        if (needsPin && !generated && pin.isEmpty()) {
            throw Locations.cannotGenerate(delivery, ProvValidator.MISSING_PIN, method.getLiteral() + " security needs a PIN" + where
                    + ": add 'pin env \"VARIABLE\"', 'pin file \"path\"' or 'pin generated' to the delivery"
                    + (recipient.subscriber().isPresent() ? ", or a pin column to the subscribers file." : "."), null);
        }
        boolean made = generated && needsPin;
        Optional<Pin> userPin = made ? PushSecurity.onTheWire(method).map(wire -> Pin.make(wire, random)) : pin.map(Pin.Given::new);
        return new Keys(PushSecurity.signing(method, imsi, userPin), made, recipient.subscriber(),
                sharedPin != null ? delivery.getPin() : null);
    }

    /** A secret the model names, relative files resolved against the .prov file that names them. */
    private String readSecret(SecretRef ref) throws GenerationException {
        return PerSubscriberDeliveries.readSecret(secrets, ref);
    }
}
