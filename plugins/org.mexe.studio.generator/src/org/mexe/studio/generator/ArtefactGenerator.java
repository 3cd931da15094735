package org.mexe.studio.generator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import java.util.zip.CRC32;

import org.mexe.studio.codec.MessageTooLongException;
import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.cp.OmaCpMessage;
import org.mexe.studio.codec.cp.OmaCpMessageEncoder;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.codec.wsp.PushSignature;
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

    /** WSP transaction id of every push; connectionless push does not use it for matching. */
    private static final int TRANSACTION_ID = 1;

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
                            // The other stages run on the handset or the server: no SMS artefacts of their own.
                            default -> { }
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
        ProvisioningDocument document = OmaCpDocuments.of(delivery.getParameterSets(), ref -> readSecret(ref, sourceFolder));
        OmaCpMessage message;
        try {
            message = OmaCpMessageEncoder.signed(document, security(delivery, sourceFolder), TRANSACTION_ID,
                    new SubmitParameters(SmsAddress.parse(delivery.getDestination()), 0, concatenationReference(folder)));
        } catch (MessageTooLongException e) {
            throw Locations.cannotGenerate(delivery, GenerationException.TOO_LONG, e.getMessage()
                    + " Deliver fewer parameter sets in this stage, or split it into several stages.", e);
        }
        List<String> files = List.of(folder + "/provisioning.xml", folder + "/provisioning.wbxml", folder + "/push.wsp",
                folder + "/sms-submit.hex");
        output.add(files.get(0), message.xml().getBytes(StandardCharsets.UTF_8));
        output.add(files.get(1), message.wbxml());
        output.add(files.get(2), message.wspPush());
        output.add(files.get(3), (String.join("\n", message.tpduHexLines()) + "\n").getBytes(StandardCharsets.US_ASCII));
        String mac = message.signature().map(PushSignature::mac).orElseThrow();
        return new DeliverySummary(scenario, stage, folder, delivery.getSecurity().getName(), mac,
                message.wbxml().length, message.submits().size(), files);
    }

    private CpSecurity security(ParameterDelivery delivery, Path sourceFolder) throws GenerationException {
        return switch (delivery.getSecurity()) {
            case USERPIN -> {
                try (Secret pin = readSecret(delivery.getPin(), sourceFolder)) {
                    yield new CpSecurity.UserPin(pin.reveal());
                } catch (IllegalArgumentException e) {
                    throw Locations.cannotGenerate(delivery.getPin(), GenerationException.UNUSABLE_SECRET, "The USERPIN from "
                            + delivery.getPin().getLocation() + " is not usable: " + e.getMessage(), e);
                }
            }
            case NETWPIN -> new CpSecurity.NetworkPin(delivery.getImsi());
            default -> throw Locations.cannotGenerate(delivery, GenerationException.UNSUPPORTED,
                    "The security method " + delivery.getSecurity().getLiteral() + " is not generated yet.", null);
        };
    }

    /**
     * The concatenation reference tells a handset which segments belong together: derived from
     * the artefact's path, so it is the same on every run and differs between deliveries.
     */
    private static int concatenationReference(String folder) {
        CRC32 crc = new CRC32();
        crc.update(folder.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() & 0xFF);
    }

    private Secret readSecret(SecretRef ref, Path sourceFolder) throws GenerationException {
        SecretLocation location = switch (ref.getSource()) {
            case ENV -> new SecretLocation.Environment(ref.getLocation());
            case FILE -> new SecretLocation.File(sourceFolder.resolve(ref.getLocation()).normalize());
        };
        try {
            return secrets.resolve(location);
        } catch (SecretUnavailableException e) {
            throw Locations.cannotGenerate(ref, GenerationException.UNAVAILABLE_SECRET, e.getMessage(), e);
        }
    }
}
