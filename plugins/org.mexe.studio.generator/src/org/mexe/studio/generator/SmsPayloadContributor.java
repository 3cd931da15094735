package org.mexe.studio.generator;

import java.util.List;
import java.util.stream.Collectors;

import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.Scenario;

/** The SMS payloads of every parameter delivery (see {@link ArtefactGenerator}), one folder per message. */
final class SmsPayloadContributor implements ArtefactContributor {

    @Override
    public void contribute(GenerationContext context, AtomicOutput output) throws GenerationException {
        ArtefactGenerator.Result result = new ArtefactGenerator(context.secrets(), context.random()).generate(context.inputs(), output);
        result.deliveries().forEach(context::addDelivery);
        result.warnings().forEach(context::warn);
        for (ProvisioningModel model : context.models()) {
            for (var element : model.getElements()) {
                if (element instanceof Scenario scenario) {
                    for (var stage : scenario.getStages()) {
                        if (stage instanceof ParameterDelivery delivery) {
                            report(context, delivery, result.deliveries());
                        }
                    }
                }
            }
        }
    }

    private static void report(GenerationContext context, ParameterDelivery delivery, List<DeliverySummary> all) {
        String scenario = GenerationContext.scenarioName((Scenario) delivery.eContainer());
        int stage = GenerationContext.stageNumber(delivery);
        List<DeliverySummary> mine = all.stream().filter(d -> d.scenario().equals(scenario) && d.stage() == stage).toList();
        if (mine.isEmpty()) {
            context.report(delivery, "no message: the subscribers file has no subscriber", List.of());
        }
        for (DeliverySummary message : mine) {
            // One line per folder: per-subscriber deliveries write dozens of them.
            context.report(delivery, String.format("%d SMS, %d WBXML bytes, SEC=%s MAC=%s", message.smsCount(), message.wbxmlBytes(),
                    message.security(), message.mac()), List.of(message.folder() + "/ " + message.files().stream()
                            .map(f -> f.substring(f.lastIndexOf('/') + 1)).collect(Collectors.joining(" "))));
        }
    }
}
