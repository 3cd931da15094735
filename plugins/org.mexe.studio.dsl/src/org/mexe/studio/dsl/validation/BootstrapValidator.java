package org.mexe.studio.dsl.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.mexe.studio.model.provisioning.Application;
import org.mexe.studio.model.provisioning.BootstrapAction;
import org.mexe.studio.model.provisioning.BootstrapActions;
import org.mexe.studio.model.provisioning.BootstrapDownload;
import org.mexe.studio.model.provisioning.ComponentDownload;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.OrderComponents;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.Stage;

/**
 * Checks of the bootstrap applications a scenario sends: whether their JARs fit the handsets.
 * The generator checks the JAR it builds the same way; here the application's declared
 * {@code size} (the size of the real application) is checked while the operator types.
 */
public class BootstrapValidator extends AbstractDeclarativeValidator {

    public static final String JAR_OVER_HANDSET_LIMIT = "org.mexe.studio.dsl.jarOverHandsetLimit";

    @Override
    public void register(EValidatorRegistrar registrar) {
        // Composed into ProvValidator, which registers for the package.
    }

    /** An application larger than a target handset's 'max-jar' cannot be installed on it: the handset refuses it after the download. */
    @Check
    public void applicationsFitTheHandsets(Scenario scenario) {
        List<HandsetProfile> limited = scenario.getHandsets().stream().filter(h -> !h.eIsProxy() && h.isSetMaxJarSize()).toList();
        if (limited.isEmpty()) {
            return;
        }
        Set<Application> checked = new HashSet<>();
        for (Stage stage : scenario.getStages()) {
            switch (stage) {
                case BootstrapDownload download -> fits(limited, checked, download.getApplication(), download, Literals.BOOTSTRAP_DOWNLOAD__APPLICATION, -1);
                case BootstrapActions run -> {
                    fits(limited, checked, run.getApplication(), run, Literals.BOOTSTRAP_ACTIONS__APPLICATION, -1);
                    for (BootstrapAction action : run.getActions()) {
                        if (action instanceof OrderComponents order) {
                            for (int i = 0; i < order.getComponents().size(); i++) {
                                fits(limited, checked, order.getComponents().get(i), order, Literals.ORDER_COMPONENTS__COMPONENTS, i);
                            }
                        }
                    }
                }
                case ComponentDownload install -> {
                    for (int i = 0; i < install.getComponents().size(); i++) {
                        fits(limited, checked, install.getComponents().get(i), install, Literals.COMPONENT_DOWNLOAD__COMPONENTS, i);
                    }
                }
                default -> {
                }
            }
        }
    }

    private void fits(List<HandsetProfile> handsets, Set<Application> checked, Application application, EObject at,
            EStructuralFeature feature, int index) {
        if (application == null || application.eIsProxy() || !application.isSetSize() || !checked.add(application)) {
            return;
        }
        for (HandsetProfile handset : handsets) {
            if (application.getSize() > handset.getMaxJarSize()) {
                error(application.getName() + " has " + application.getSize() + " bytes ('size'), more than the " + handset.getMaxJarSize()
                        + " bytes the handset " + handset.getName() + " installs ('max-jar'): make the application smaller, or move "
                        + handset.getName() + " to a scenario that sends a smaller one.", at, feature, index, JAR_OVER_HANDSET_LIMIT);
                return;
            }
        }
    }
}
