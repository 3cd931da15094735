package org.mexe.studio.ui.preferences;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.FileFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Window › Preferences › MExE Provisioning. The keystore's password is a secret (Project › Store Provisioning Secret...). */
public final class ProvPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public ProvPreferencePage() {
        super(GRID);
        setDescription("How the provisioning builder works. Passwords are never kept here: store them with"
                + " Project \u203a Store Provisioning Secret..., in Eclipse secure storage.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(ProvPreferences.store());
    }

    @Override
    protected void createFieldEditors() {
        addField(new BooleanFieldEditor(ProvPreferences.BUILD_ON_SAVE, "&Generate the artefacts when a .prov file is saved",
                getFieldEditorParent()));
        StringFieldEditor output = new StringFieldEditor(ProvPreferences.OUTPUT_FOLDER, "&Output folder (in the project):",
                getFieldEditorParent()) {
            @Override
            protected boolean doCheckState() {
                boolean safe = ProvPreferences.isSafeFolder(getStringValue().strip());
                setErrorMessage(safe ? null : "A folder inside the project, such as prov-gen: the builder replaces it as a whole.");
                return safe;
            }
        };
        addField(output);
        addField(new FileFieldEditor(ProvPreferences.SIGNING_KEYSTORE, "Signing &keystore (PKCS#12):", true, getFieldEditorParent()));
        addField(new StringFieldEditor(ProvPreferences.SIGNING_ALIAS, "Signing key &alias:", getFieldEditorParent()));
        addField(new StringFieldEditor(ProvPreferences.SIGNING_PASSWORD, "Keystore &password from (env NAME or file PATH):",
                getFieldEditorParent()) {
            @Override
            protected boolean doCheckState() {
                try {
                    ProvPreferences.passwordLocation(getStringValue());
                    setErrorMessage(null);
                    return true;
                } catch (org.mexe.studio.security.KeystoreException e) {
                    setErrorMessage("Where the password is, never the password: env PROV_SIGNING_PASSWORD (then store its value with"
                            + " Project \u203a Store Provisioning Secret...) or file /path/to/password.txt.");
                    return false;
                }
            }
        });
    }
}
