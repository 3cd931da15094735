package org.mexe.studio.dsl.validation;

import static org.mexe.studio.dsl.validation.ProvValidator.UNSUPPORTED_CLASSMARK;
import static org.mexe.studio.dsl.validation.ProvValidator.UNSUPPORTED_FORMAT;
import static org.mexe.studio.dsl.validation.StageText.keyword;
import static org.mexe.studio.dsl.validation.StageText.stageName;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.mexe.studio.model.constraints.Places;
import org.mexe.studio.model.constraints.ValueConstraints;
import org.mexe.studio.model.payload.DeliveryPayload;
import org.mexe.studio.model.provisioning.Application;
import org.mexe.studio.model.provisioning.BootstrapAction;
import org.mexe.studio.model.provisioning.BootstrapActions;
import org.mexe.studio.model.provisioning.BootstrapDownload;
import org.mexe.studio.model.provisioning.ComponentDownload;
import org.mexe.studio.model.provisioning.DeliveryFormat;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.OrderComponents;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.Stage;

/** What a scenario sends and downloads suits every handset it targets: classmarks and delivery formats. */
public class HandsetValidator extends ComposedValidator {

    /** Every application the scenario downloads, runs, orders or installs runs on every target handset. */
    @Check
    public void applicationsFitTheHandsets(Scenario scenario) {
        List<HandsetProfile> handsets = scenario.getHandsets().stream()
                .filter(h -> !h.eIsProxy() && !h.getClassmarks().isEmpty()).toList();
        if (handsets.isEmpty()) {
            return;
        }
        Set<Application> checked = new HashSet<>();
        for (Stage stage : scenario.getStages()) {
            switch (stage) {
                case BootstrapDownload download -> classmark(handsets, checked, download.getApplication(), download,
                        Literals.BOOTSTRAP_DOWNLOAD__APPLICATION, INSIGNIFICANT_INDEX);
                case BootstrapActions run -> {
                    classmark(handsets, checked, run.getApplication(), run, Literals.BOOTSTRAP_ACTIONS__APPLICATION, INSIGNIFICANT_INDEX);
                    for (BootstrapAction action : run.getActions()) {
                        if (action instanceof OrderComponents order) {
                            for (int i = 0; i < order.getComponents().size(); i++) {
                                classmark(handsets, checked, order.getComponents().get(i), order, Literals.ORDER_COMPONENTS__COMPONENTS, i);
                            }
                        }
                    }
                }
                case ComponentDownload install -> {
                    for (int i = 0; i < install.getComponents().size(); i++) {
                        classmark(handsets, checked, install.getComponents().get(i), install, Literals.COMPONENT_DOWNLOAD__COMPONENTS, i);
                    }
                }
                default -> {
                }
            }
        }
    }

    private void classmark(List<HandsetProfile> handsets, Set<Application> checked, Application application, EObject at,
            EStructuralFeature feature, int index) {
        // One report per application: downloading and running it is one incompatibility.
        if (application == null || application.eIsProxy() || !ValueConstraints.isClassmark(application.getClassmark())
                || !checked.add(application)) {
            return;
        }
        List<HandsetProfile> lacking = handsets.stream().filter(h -> !h.getClassmarks().contains(application.getClassmark())).toList();
        if (!lacking.isEmpty()) {
            String which = lacking.stream().map(h -> h.getName() + " (classmarks "
                    + h.getClassmarks().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
                    .collect(Collectors.joining(", "));
            error(Places.of(application) + " is classmark " + application.getClassmark() + ", which the handset"
                    + (lacking.size() > 1 ? "s " : " ") + which + " cannot run: give it a classmark every handset of the scenario"
                    + " supports, or move these handsets to a scenario of their own.", at, feature, index, UNSUPPORTED_CLASSMARK);
        }
    }

    /**
     * Every delivery reaches every target handset in a format it reads: a handset that does not
     * read this delivery's format must get the same parameter sets from another delivery.
     */
    @Check
    public void deliveriesFitTheHandsets(Scenario scenario) {
        List<HandsetProfile> handsets = scenario.getHandsets().stream().filter(h -> !h.eIsProxy() && !h.getFormats().isEmpty()).toList();
        List<ParameterDelivery> deliveries = scenario.getStages().stream().filter(ParameterDelivery.class::isInstance)
                .map(ParameterDelivery.class::cast).toList();
        for (ParameterDelivery delivery : deliveries) {
            DeliveryFormat format = DeliveryPayload.format(delivery);
            List<HandsetProfile> lacking = handsets.stream()
                    .filter(h -> !h.getFormats().contains(format))
                    .filter(h -> deliveries.stream().noneMatch(other -> other != delivery && h.getFormats().contains(DeliveryPayload.format(other))
                            && other.getParameterSets().containsAll(delivery.getParameterSets())))
                    .toList();
            if (!lacking.isEmpty()) {
                String which = lacking.stream().map(h -> h.getName() + " (reads "
                        + h.getFormats().stream().map(StageText::keyword).collect(Collectors.joining(", ")) + ")")
                        .collect(Collectors.joining(", "));
                error("'" + stageName(delivery) + "' is sent as " + keyword(format) + ", which the handset"
                        + (lacking.size() > 1 ? "s " : " ") + which + " cannot read: give a 'format' every target handset reads,"
                        + " or add a delivery of the same sets in a format they read.", delivery,
                        delivery.isSetFormat() ? Literals.PARAMETER_DELIVERY__FORMAT : Literals.PARAMETER_DELIVERY__PARAMETER_SETS,
                        INSIGNIFICANT_INDEX, UNSUPPORTED_FORMAT);
            }
        }
    }
}
