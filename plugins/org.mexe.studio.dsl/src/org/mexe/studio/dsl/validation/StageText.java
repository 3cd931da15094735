package org.mexe.studio.dsl.validation;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.mexe.studio.model.provisioning.BootstrapActions;
import org.mexe.studio.model.provisioning.BootstrapDownload;
import org.mexe.studio.model.provisioning.ComponentDownload;
import org.mexe.studio.model.provisioning.Connect;
import org.mexe.studio.model.provisioning.Element;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;
import org.mexe.studio.model.provisioning.ProvisioningRequest;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.model.provisioning.TrustSetup;

/** How checks' messages quote the text: a stage as written, an enum value as its keyword. */
final class StageText {

    private StageText() {
    }

    /** The first words of a stage as written, for example "deliver National, London" or "connect ProvServer". */
    static String stageName(Stage stage) {
        return switch (stage) {
            case TrustSetup trust -> "trust " + referenceText(trust, Literals.TRUST_SETUP__CERTIFICATES);
            case ProvisioningRequest request -> "request " + keyword(request.getKind());
            case ParameterDelivery delivery -> "deliver " + referenceText(delivery, Literals.PARAMETER_DELIVERY__PARAMETER_SETS);
            case Connect connect -> "connect " + (connect.getUrl() != null ? "\"" + connect.getUrl() + "\""
                    : referenceText(connect, Literals.CONNECT__SERVER));
            case BootstrapDownload download -> "download " + referenceText(download, Literals.BOOTSTRAP_DOWNLOAD__APPLICATION);
            case BootstrapActions run -> "run " + referenceText(run, Literals.BOOTSTRAP_ACTIONS__APPLICATION);
            case ComponentDownload install -> "install " + referenceText(install, Literals.COMPONENT_DOWNLOAD__COMPONENTS);
            default -> stage.eClass().getName();
        };
    }

    /** The names a reference is written with (also when they do not resolve), joined by commas. */
    static String referenceText(EObject object, EReference reference) {
        List<INode> nodes = NodeModelUtils.findNodesForFeature(object, reference);
        if (!nodes.isEmpty()) {
            return nodes.stream().map(NodeModelUtils::getTokenText).collect(Collectors.joining(", "));
        }
        Object value = object.eGet(reference, false);
        List<?> targets = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        return targets.stream().map(t -> t instanceof Element e && e.getName() != null ? e.getName() : "?").collect(Collectors.joining(", "));
    }

    /** How the text writes an enum value: the grammar's keywords are the literals in lower case, with hyphens. */
    static String keyword(Enumerator value) {
        return value.getName().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static String scenarioName(EObject object) {
        return object.eContainer() instanceof Scenario scenario ? "the scenario " + scenario.getName() : "the scenario";
    }
}
