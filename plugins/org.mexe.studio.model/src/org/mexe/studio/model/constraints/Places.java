package org.mexe.studio.model.constraints;

import org.eclipse.emf.ecore.EObject;
import org.mexe.studio.model.provisioning.BootstrapApplication;
import org.mexe.studio.model.provisioning.Certificate;
import org.mexe.studio.model.provisioning.Element;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.Keystore;
import org.mexe.studio.model.provisioning.MexeComponent;
import org.mexe.studio.model.provisioning.ParameterBlock;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.Party;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.SecurityDomain;
import org.mexe.studio.model.provisioning.Server;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.model.provisioning.SubscriberSource;

/** Names a model object the way the text does, so that a message says where the problem is. */
public final class Places {

    private Places() {
    }

    /** For example "parameters 'National'", "the wap block of parameters 'National'" or "stage 3 of scenario 'Brief'". */
    public static String of(EObject object) {
        if (object instanceof Element element) {
            return keyword(element) + " '" + element.getName() + "'";
        }
        if (object instanceof Stage stage && stage.eContainer() instanceof Scenario scenario) {
            return "stage " + (scenario.getStages().indexOf(stage) + 1) + " of " + of(scenario);
        }
        EObject container = object.eContainer();
        String feature = object.eContainingFeature() == null ? null : object.eContainingFeature().getName();
        if (container == null || feature == null) {
            return "this " + object.eClass().getName();
        }
        if (object instanceof ParameterBlock) {
            return "the " + blockKeyword(feature) + " block of " + of(container);
        }
        return switch (feature) {
            case "smtp", "pop3", "imap" -> "the " + feature + " server of " + of(container);
            case "bookmarks" -> "a bookmark of " + of(container);
            default -> "the " + feature + " of " + of(container);
        };
    }

    /** The keyword that declares {@code element} in the text. */
    public static String keyword(Element element) {
        return switch (element) {
            case Party p -> "party";
            case Keystore k -> "keystore";
            case Certificate c -> "certificate";
            case SecurityDomain d -> "domain";
            case ParameterSet s -> "parameters";
            case HandsetProfile h -> "handset";
            case Server s -> "server";
            case BootstrapApplication b -> "bootstrap-app";
            case MexeComponent c -> "component";
            case SubscriberSource s -> "subscribers";
            case Scenario s -> "scenario";
            default -> element.eClass().getName();
        };
    }

    private static String blockKeyword(String feature) {
        return switch (feature) {
            case "gsmCsd" -> "gsm-csd";
            default -> feature;
        };
    }
}
