package org.mexe.studio.ui.preferences;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.mexe.studio.ui.ProvLanguage;

/**
 * The IDE's provisioning preferences (Window › Preferences › MExE Provisioning). Passwords are never
 * kept here: the signing keystore's password is a secret in Eclipse secure storage.
 */
public final class ProvPreferences {

    /** The project folder the builder writes the artefacts into. */
    public static final String OUTPUT_FOLDER = "outputFolder";
    /** Whether saving a .prov file regenerates the artefacts (validation goes on either way). */
    public static final String BUILD_ON_SAVE = "buildOnSave";
    /** The PKCS#12 keystore that signs the artefacts' manifest, and the alias of its key. */
    public static final String SIGNING_KEYSTORE = "signingKeystore";
    public static final String SIGNING_ALIAS = "signingAlias";

    private static volatile ScopedPreferenceStore store;

    private ProvPreferences() {
    }

    public static IPreferenceStore store() {
        if (store == null) {
            synchronized (ProvPreferences.class) {
                if (store == null) {
                    ScopedPreferenceStore created = new ScopedPreferenceStore(InstanceScope.INSTANCE, ProvLanguage.PLUGIN_ID);
                    created.setDefault(OUTPUT_FOLDER, ProvLanguage.GENERATED_FOLDER);
                    created.setDefault(BUILD_ON_SAVE, true);
                    created.setDefault(SIGNING_KEYSTORE, "");
                    created.setDefault(SIGNING_ALIAS, "");
                    store = created;
                }
            }
        }
        return store;
    }

    public static boolean buildOnSave(IProject project) {
        return store().getBoolean(BUILD_ON_SAVE);
    }

    /** The output folder, relative to the project; a blank or unsafe value falls back to the default. */
    public static String outputFolder(IProject project) {
        String folder = store().getString(OUTPUT_FOLDER).strip();
        return isSafeFolder(folder) ? folder : ProvLanguage.GENERATED_FOLDER;
    }

    /** A folder inside the project, never the project itself or above it: the builder replaces it as a whole. */
    public static boolean isSafeFolder(String folder) {
        if (folder.isBlank() || folder.startsWith("/") || folder.contains("\\")) {
            return false;
        }
        for (String segment : folder.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
