package org.mexe.studio.generator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SecretUnavailableException;

/**
 * Turns every stage of every scenario into its artefacts. For a parameter delivery these are the
 * OMA CP document (XML and WBXML), the signed WSP push and the SMS-SUBMIT TPDUs, one folder each.
 */
final class ArtefactGenerator {

    private final SecretResolver secrets;

    ArtefactGenerator(SecretResolver secrets) {
        this.secrets = secrets;
    }

    List<DeliverySummary> generate(ProvisioningPipeline.LoadedInputs inputs, AtomicOutput output) throws GenerationException {
        List<DeliverySummary> deliveries = new ArrayList<>();
        for (ProvisioningModel model : inputs.models()) {
            Path sourceFolder = inputs.pathOf(model.eResource()).getParent();
            for (var element : model.getElements()) {
                if (element instanceof Scenario scenario) {
                    String scenarioName = model.getName() + "." + scenario.getName();
                    int stageNumber = 0;
                    for (Stage stage : scenario.getStages()) {
                        stageNumber++;
                        switch (stage) {
                            case ParameterDelivery delivery ->
                                deliveries.add(deliver(scenarioName, stageNumber, delivery, sourceFolder, output));
                            default -> throw new GenerationException("No generator for the stage " + stage.eClass().getName());
                        }
                    }
                }
            }
        }
        return deliveries;
    }

    private DeliverySummary deliver(String scenario, int stage, ParameterDelivery delivery, Path sourceFolder, AtomicOutput output)
            throws GenerationException {
        String folder = scenario + "/" + String.format("%02d", stage) + "-deliver-"
                + delivery.getParameterSets().stream().map(ParameterSet::getName).collect(Collectors.joining("+"));
        var document = OmaCpDocuments.of(delivery.getParameterSets(), ref -> readSecret(ref, sourceFolder, delivery));
        SignedPayload payload;
        try (Secret pin = delivery.getPin() == null ? null : readSecret(delivery.getPin(), sourceFolder, delivery)) {
            payload = SignedPayload.build(document, delivery.getSecurity(), pin, delivery.getImsi(), delivery.getDestination());
        }
        List<String> files = List.of(folder + "/provisioning.xml", folder + "/provisioning.wbxml", folder + "/push.wsp",
                folder + "/sms-submit.hex");
        output.add(files.get(0), payload.xml().getBytes(StandardCharsets.UTF_8));
        output.add(files.get(1), payload.wbxml());
        output.add(files.get(2), payload.wspPush());
        output.add(files.get(3), (String.join("\n", payload.tpduHexLines()) + "\n").getBytes(StandardCharsets.US_ASCII));
        return new DeliverySummary(scenario, stage, folder, delivery.getSecurity().getName(), payload.mac(),
                payload.wbxml().length, payload.tpduHexLines().size(), files);
    }

    private Secret readSecret(SecretRef ref, Path sourceFolder, EObject owner) throws GenerationException {
        SecretLocation location = switch (ref.getSource()) {
            case ENV -> new SecretLocation.Environment(ref.getLocation());
            case FILE -> new SecretLocation.File(sourceFolder.resolve(ref.getLocation()).normalize());
        };
        try {
            return secrets.resolve(location);
        } catch (SecretUnavailableException e) {
            throw new GenerationException(Locations.describe(owner) + ": " + e.getMessage(), e);
        }
    }
}
