package org.mexe.studio.generator.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.mexe.studio.codec.CodecException;
import org.mexe.studio.codec.MessageTooLongException;
import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.dsl.validation.ProvValidator;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.PerSubscriberDeliveries;
import org.mexe.studio.generator.Problem;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.model.payload.DeliveryPayload;
import org.mexe.studio.model.payload.DeliveryPayload.Encoded;
import org.mexe.studio.model.provisioning.DeliveryFormat;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.SecurityMethod;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.security.SecretResolver;

/**
 * Finds a scenario's per-subscriber delivery ({@code to subscribers}) in loaded, validated inputs
 * and fixes what is the same for every subscriber: the document, encoded once by the model's
 * {@link DeliveryPayload} exactly as {@code prov generate} encodes it.
 */
public final class CampaignPlanner {

    private CampaignPlanner() {
    }

    /**
     * @param scenarioName the scenario's name, qualified ({@code fjord.scenarios.Capital}) or simple when unique
     * @param stage        the stage number of the delivery when the scenario has several per-subscriber deliveries
     */
    public static CampaignPlan plan(ProvisioningPipeline.LoadedInputs inputs, String scenarioName, OptionalInt stage,
            SecretResolver secrets) throws GenerationException {
        List<String> names = new ArrayList<>();
        Scenario found = null;
        String qualified = null;
        for (ProvisioningModel model : inputs.models()) {
            for (var element : model.getElements()) {
                if (element instanceof Scenario scenario) {
                    String name = model.getName() + "." + scenario.getName();
                    names.add(name);
                    if (name.equals(scenarioName) || scenario.getName().equals(scenarioName)) {
                        if (found != null) {
                            throw new GenerationException(GenerationException.Reason.INVALID_INPUT, "Two scenarios are called "
                                    + scenarioName + " (" + qualified + ", " + name + "): give the qualified name.");
                        }
                        found = scenario;
                        qualified = name;
                    }
                }
            }
        }
        if (found == null) {
            throw new GenerationException(GenerationException.Reason.INVALID_INPUT, "No scenario is called " + scenarioName
                    + ": the inputs have " + (names.isEmpty() ? "none" : String.join(", ", names)) + ".");
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < found.getStages().size(); i++) {
            Stage s = found.getStages().get(i);
            if (s instanceof ParameterDelivery delivery && delivery.isToSubscribers()) {
                candidates.add(i + 1);
            }
        }
        int number;
        if (stage.isPresent()) {
            if (!candidates.contains(stage.getAsInt())) {
                throw new GenerationException(GenerationException.Reason.INVALID_INPUT, "Stage " + stage.getAsInt() + " of " + qualified
                        + " is not a delivery 'to subscribers'; " + (candidates.isEmpty() ? "it has none." : "those are stages " + candidates + "."));
            }
            number = stage.getAsInt();
        } else if (candidates.size() == 1) {
            number = candidates.get(0);
        } else {
            throw new GenerationException(GenerationException.Reason.INVALID_INPUT, candidates.isEmpty()
                    ? "The scenario " + qualified + " has no delivery 'to subscribers', so there is no campaign to stream: use prov generate."
                    : "The scenario " + qualified + " delivers to subscribers in stages " + candidates + ": choose one with --stage N.");
        }
        return plan(qualified, number, (ParameterDelivery) found.getStages().get(number - 1), secrets);
    }

    private static CampaignPlan plan(String scenario, int stage, ParameterDelivery delivery, SecretResolver secrets)
            throws GenerationException {
        DeliveryFormat format = DeliveryPayload.format(delivery);
        SecurityMethod method = DeliveryPayload.security(delivery);
        if (format == DeliveryFormat.NOKIA_OTA && method != SecurityMethod.NONE) {
            throw PerSubscriberDeliveries.cannotGenerate(delivery, ProvValidator.NOKIA_OTA_SECURITY, "The Nokia OTA format has no"
                    + " security, so it cannot be sent with " + method.getLiteral() + ": write 'security none', or deliver 'format oma-cp'.", null);
        }
        CampaignPlan.PinSource pins;
        String sharedPin = null;
        if (!CampaignPlan.usesPin(method)) {
            pins = CampaignPlan.PinSource.NONE;
        } else if (delivery.isGeneratedPin()) {
            pins = CampaignPlan.PinSource.GENERATED;
        } else if (delivery.getPin() != null) {
            pins = CampaignPlan.PinSource.SHARED;
            sharedPin = PerSubscriberDeliveries.readSecret(secrets, delivery.getPin());
        } else {
            pins = CampaignPlan.PinSource.COLUMN;
        }
        String folder = PerSubscriberDeliveries.deliveryFolder(scenario, stage, delivery);
        // The document once, unsigned: its WBXML does not depend on the subscriber.
        Encoded encoded;
        SubmitParameters standIn = new SubmitParameters(SmsAddress.national("0"), 0, 0);
        try {
            encoded = DeliveryPayload.encode(delivery.getParameterSets(), format, DeliveryPayload.Signing.none(), standIn,
                    ref -> PerSubscriberDeliveries.readSecret(secrets, ref));
        } catch (MessageTooLongException e) {
            throw PerSubscriberDeliveries.cannotGenerate(delivery, GenerationException.TOO_LONG, e.getMessage()
                    + ". Deliver fewer parameter sets in this stage, or split it into several stages.", e);
        } catch (CodecException | IllegalArgumentException e) {
            throw PerSubscriberDeliveries.cannotGenerate(delivery, GenerationException.UNSUPPORTED,
                    "The delivery cannot be encoded: " + e.getMessage(), e);
        }
        var columns = delivery.eContainer() instanceof Scenario s && s.getSubscribers() != null ? s.getSubscribers().getColumns()
                : List.<org.mexe.studio.model.provisioning.SubscriberColumn>of();
        CampaignPlan plan;
        if (format == DeliveryFormat.OMA_CP) {
            plan = CampaignPlan.omaCp(scenario, stage, folder, method, encoded.wbxml(), pins, sharedPin, columns);
        } else {
            byte[] push = encoded.wspPush();
            plan = new CampaignPlan(scenario, stage, folder, method, encoded.wbxml(), signature -> push.clone(),
                    DeliveryPayload.NOKIA_OTA.ports(), pins, sharedPin, columns);
        }
        // The plan must remake the model's bytes: the stand-in message, signed as the delivery signs.
        Optional<CpSecurity> security = plan.security("001010000000000", method == SecurityMethod.USERPINMAC ? "00" : "0");
        Encoded signed;
        try {
            signed = DeliveryPayload.encode(delivery.getParameterSets(), format,
                    security.isPresent() ? DeliveryPayload.Signing.with(security.get()) : DeliveryPayload.Signing.none(), standIn,
                    ref -> PerSubscriberDeliveries.readSecret(secrets, ref));
        } catch (CodecException | IllegalArgumentException e) {
            throw PerSubscriberDeliveries.cannotGenerate(delivery, GenerationException.UNSUPPORTED,
                    "The delivery cannot be encoded: " + e.getMessage(), e);
        }
        byte[] expected = plan.push().apply(security.map(s -> s.sign(plan.wbxml())));
        if (!java.util.Arrays.equals(expected, signed.wspPush())
                || !java.util.Arrays.equals(SmsSubmitCodec.encode(signed.submits().get(0)),
                        org.mexe.studio.codec.sms.SmsSegmenter.segment(expected, plan.ports(), standIn).stream().findFirst()
                                .map(SmsSubmitCodec::encode).orElseThrow())) {
            throw new IllegalStateException("the campaign plan does not remake the delivery's push: this is a bug");
        }
        return plan;
    }

    /** For messages: the problems of a failed plan, one per line. */
    public static String describe(GenerationException e) {
        StringBuilder text = new StringBuilder(e.getMessage());
        for (Problem problem : e.problems()) {
            text.append(System.lineSeparator()).append(problem.format());
        }
        return text.toString();
    }
}
