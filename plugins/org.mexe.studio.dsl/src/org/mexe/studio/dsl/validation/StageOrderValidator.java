package org.mexe.studio.dsl.validation;

import static org.mexe.studio.dsl.validation.ProvValidator.COMPONENT_BEFORE_CONNECT;
import static org.mexe.studio.dsl.validation.ProvValidator.CONNECT_BEFORE_PARAMETERS;
import static org.mexe.studio.dsl.validation.ProvValidator.DOWNLOAD_BEFORE_CONNECT;
import static org.mexe.studio.dsl.validation.ProvValidator.RUN_BEFORE_DOWNLOAD;
import static org.mexe.studio.dsl.validation.ProvValidator.TRUST_AFTER_DOWNLOAD;
import static org.mexe.studio.dsl.validation.StageText.stageName;

import java.util.List;

import org.eclipse.xtext.validation.Check;
import org.mexe.studio.model.provisioning.BootstrapActions;
import org.mexe.studio.model.provisioning.BootstrapApplication;
import org.mexe.studio.model.provisioning.BootstrapDownload;
import org.mexe.studio.model.provisioning.ComponentDownload;
import org.mexe.studio.model.provisioning.Connect;
import org.mexe.studio.model.provisioning.OrderComponents;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.model.provisioning.TrustSetup;

/** Stages come in an order that can work. */
public class StageOrderValidator extends ComposedValidator {

    /**
     * Stages may be reordered, varied or replaced, so only orders that cannot work are errors: a
     * stage whose prerequisite the scenario has, but only later (or, for running a bootstrap
     * application, not at all). A missing connect or trust set-up is a replacement (settings
     * already on the phone, roots preloaded), not a mistake.
     */
    @Check
    public void stagesAreInAnOrderThatWorks(Scenario scenario) {
        List<Stage> stages = scenario.getStages();
        int firstDelivery = first(stages, ParameterDelivery.class);
        int firstConnect = first(stages, Connect.class);
        int firstDownload = Math.min(first(stages, BootstrapDownload.class), first(stages, ComponentDownload.class));
        for (int index = 0; index < stages.size(); index++) {
            int i = index;
            switch (stages.get(i)) {
                case Connect connect when firstDelivery != NONE && firstDelivery > i ->
                    error(describe(stages, i) + " comes before the parameters are delivered (" + describe(stages, firstDelivery)
                            + "): the handset has no connection settings yet. Move the delivery before the connect.",
                            connect, null, CONNECT_BEFORE_PARAMETERS);
                case BootstrapDownload download when firstConnect != NONE && firstConnect > i ->
                    error(describe(stages, i) + " comes before the handset connects (" + describe(stages, firstConnect)
                            + "), so it has nowhere to download from: move the connect before it.",
                            download, null, DOWNLOAD_BEFORE_CONNECT);
                case BootstrapActions run -> {
                    runAfterDownload(stages, i, run);
                    if (firstConnect != NONE && firstConnect > i) {
                        run.getActions().stream().filter(OrderComponents.class::isInstance).forEach(order -> error(
                                describe(stages, i) + " orders components before the handset connects (" + describe(stages, firstConnect)
                                        + "): move the connect before it.", order, null, COMPONENT_BEFORE_CONNECT));
                    }
                }
                case ComponentDownload install when firstConnect != NONE && firstConnect > i ->
                    error(describe(stages, i) + " comes before the handset connects (" + describe(stages, firstConnect)
                            + "), so it has nowhere to download from: move the connect before it.",
                            install, null, COMPONENT_BEFORE_CONNECT);
                default -> {
                }
            }
        }
        int firstTrust = first(stages, TrustSetup.class);
        if (firstTrust != NONE && firstDownload != NONE && firstTrust > firstDownload) {
            error(describe(stages, firstTrust) + " comes after " + describe(stages, firstDownload) + ": the handset checks the"
                    + " signature of what it downloads against these certificates, so move the trust set-up before the first"
                    + " download.", stages.get(firstTrust), null, TRUST_AFTER_DOWNLOAD);
        }
    }

    private void runAfterDownload(List<Stage> stages, int index, BootstrapActions run) {
        BootstrapApplication application = run.getApplication();
        if (application == null || application.eIsProxy()) {
            return;
        }
        int download = NONE;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) instanceof BootstrapDownload d && d.getApplication() == application) {
                download = i;
                if (i < index) {
                    return;
                }
            }
        }
        String name = application.getName();
        if (download != NONE) {
            error(describe(stages, index) + " comes before " + describe(stages, download) + ": the handset cannot run what it has"
                    + " not downloaded. Move the download before it.", run, Literals.BOOTSTRAP_ACTIONS__APPLICATION, RUN_BEFORE_DOWNLOAD);
        } else {
            error(describe(stages, index) + " runs " + name + ", which the scenario never downloads: add 'download " + name
                    + "' before it.", run, Literals.BOOTSTRAP_ACTIONS__APPLICATION, RUN_BEFORE_DOWNLOAD);
        }
    }

    private static final int NONE = Integer.MAX_VALUE;

    private static int first(List<Stage> stages, Class<? extends Stage> kind) {
        for (int i = 0; i < stages.size(); i++) {
            if (kind.isInstance(stages.get(i))) {
                return i;
            }
        }
        return NONE;
    }

    /** "stage 3, 'download Boot'". */
    private static String describe(List<Stage> stages, int index) {
        return "stage " + (index + 1) + ", '" + stageName(stages.get(index)) + "'";
    }
}
