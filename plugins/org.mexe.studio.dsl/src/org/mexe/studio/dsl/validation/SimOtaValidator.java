package org.mexe.studio.dsl.validation;

import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.mexe.studio.model.payload.SimFilePlan;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;
import org.mexe.studio.model.provisioning.SimOta;
import org.mexe.studio.model.provisioning.UpdateSimParameters;

/**
 * Checks of SIM updates: that an {@code update-sim} names how its packets are secured, that a
 * {@code sim-ota} names everything a secured packet needs, and which settings no (U)SIM file holds
 * ({@link SimFilePlan}, the mapping the generator writes by).
 */
public class SimOtaValidator extends AbstractDeclarativeValidator {

    public static final String SIM_OTA_MISSING = "org.mexe.studio.dsl.simOtaMissing";
    public static final String SIM_OTA_INCOMPLETE = "org.mexe.studio.dsl.simOtaIncomplete";
    public static final String INVALID_TAR = "org.mexe.studio.dsl.invalidTar";
    public static final String SIM_SETTING_UNMAPPED = "org.mexe.studio.dsl.simSettingUnmapped";

    private static final Pattern TAR = Pattern.compile("[0-9A-Fa-f]{6}");

    @Override
    public void register(EValidatorRegistrar registrar) {
        // Composed into ProvValidator, which registers for the package.
    }

    /** Without a key set the SIM update cannot be secured, and a card accepts no unsecured write. */
    @Check
    public void updateNamesItsKeySet(UpdateSimParameters update) {
        if (update.getOta() == null) {
            warning("This SIM update names no OTA key set, so no secured packets can be made for it: add 'via' and a 'sim-ota'"
                    + " that names the cards' key set and remote file management TAR.", update, Literals.UPDATE_SIM_PARAMETERS__PARAMETER_SETS, 0,
                    SIM_OTA_MISSING);
        }
    }

    @Check
    public void keySetIsComplete(SimOta ota) {
        boolean hexKeys = ota.getKic() != null || ota.getKid() != null;
        if (ota.getKeystore() != null && hexKeys) {
            error("The sim-ota " + ota.getName() + " takes its keys from the keystore " + ota.getKeystore().getName()
                    + " and from 'kic'/'kid': keep one of them.", ota, Literals.SIM_OTA__KEYSTORE, SIM_OTA_INCOMPLETE);
        } else if (ota.getKeystore() == null && (ota.getKic() == null || ota.getKid() == null)) {
            error("The sim-ota " + ota.getName() + " names " + (hexKeys ? "only one of KIc and KID" : "no keys") + ": add 'keystore K'"
                    + " (entries kic-N and kid-N of key set N) or both 'kic env|file \"…\"' and 'kid env|file \"…\"' (hex).",
                    ota, Literals.ELEMENT__NAME, SIM_OTA_INCOMPLETE);
        }
        if (!ota.isSetKeySet()) {
            error("The sim-ota " + ota.getName() + " names no key set: add 'key-set N', the key version (1 to 15) of the cards' KIc and KID.",
                    ota, Literals.ELEMENT__NAME, SIM_OTA_INCOMPLETE);
        } else if (ota.getKeySet() < 1 || ota.getKeySet() > 15) {
            error("The key set " + ota.getKeySet() + " is out of range: a key set is the key version of the KIc/KID octets, 1 to 15.",
                    ota, Literals.SIM_OTA__KEY_SET, SIM_OTA_INCOMPLETE);
        }
        if (!ota.isSetAlgorithm()) {
            error("The sim-ota " + ota.getName() + " names no algorithm: add 'algorithm aes', 'algorithm des3-2key' or 'algorithm des3-3key',"
                    + " the cipher of the cards' KIc and KID.", ota, Literals.ELEMENT__NAME, SIM_OTA_INCOMPLETE);
        }
        if (ota.getTar() == null) {
            error("The sim-ota " + ota.getName() + " names no TAR: add 'tar \"B00010\"' with the TAR of the cards' remote file management"
                    + " application (TS 31.116; the card vendor's profile names it).", ota, Literals.ELEMENT__NAME, SIM_OTA_INCOMPLETE);
        } else if (!TAR.matcher(ota.getTar()).matches()) {
            error("The TAR \"" + ota.getTar() + "\" is not three octets in hex: write six hex digits, such as \"B00010\".", ota,
                    Literals.SIM_OTA__TAR, INVALID_TAR);
        }
    }

    /** What the card cannot hold is said here, not discovered in the field. */
    @Check
    public void settingsHaveSimFiles(UpdateSimParameters update) {
        SimFilePlan.Plan plan = SimFilePlan.of(update.getParameterSets(), SimFilePlan.rootsIn(() -> models(update.eResource())));
        for (SimFilePlan.Unwritten unwritten : plan.unwritten()) {
            int index = update.getParameterSets().indexOf(unwritten.set());
            warning(unwritten.line() + ".", update, Literals.UPDATE_SIM_PARAMETERS__PARAMETER_SETS, Math.max(index, 0), SIM_SETTING_UNMAPPED);
        }
    }

    private static List<ProvisioningModel> models(Resource resource) {
        if (resource == null || resource.getResourceSet() == null) {
            return List.of();
        }
        return resource.getResourceSet().getResources().stream()
                .filter(r -> !r.getContents().isEmpty() && r.getContents().get(0) instanceof ProvisioningModel)
                .map(r -> (ProvisioningModel) r.getContents().get(0)).toList();
    }
}
