package org.mexe.studio.ui.preferences;

import java.nio.file.Path;
import java.util.Optional;

import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.security.Keystores;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SecretUnavailableException;
import org.mexe.studio.security.SigningIdentity;

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
    /**
     * Where the keystore's password is read, as a .prov file names a secret: {@code env NAME} (the
     * value stored for NAME in secure storage, else the environment) or {@code file PATH}. The
     * password itself is never a preference.
     */
    public static final String SIGNING_PASSWORD = "signingPassword";
    public static final String DEFAULT_SIGNING_PASSWORD = "env PROV_SIGNING_PASSWORD";
    public static final String DEFAULT_SIGNING_ALIAS = "operator-signing";

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
                    created.setDefault(SIGNING_ALIAS, DEFAULT_SIGNING_ALIAS);
                    created.setDefault(SIGNING_PASSWORD, DEFAULT_SIGNING_PASSWORD);
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

    /**
     * The identity that signs the manifest of the builder's output: none when no keystore is set.
     *
     * @throws KeystoreException when the keystore, its password or its alias is wrong, with what to fix
     */
    public static Optional<SigningIdentity> signer(SecretResolver secrets) throws KeystoreException {
        String keystore = store().getString(SIGNING_KEYSTORE).strip();
        if (keystore.isEmpty()) {
            return Optional.empty();
        }
        String alias = store().getString(SIGNING_ALIAS).strip();
        try {
            return Optional.of(Keystores.signingIdentity(Path.of(keystore), alias.isEmpty() ? DEFAULT_SIGNING_ALIAS : alias,
                    passwordLocation(store().getString(SIGNING_PASSWORD)), secrets));
        } catch (SecretUnavailableException e) {
            throw new KeystoreException("The signing keystore's password is not available: " + e.getMessage(), e);
        }
    }

    /** {@code env NAME} or {@code file PATH}, as the preference page checks it. */
    public static SecretLocation passwordLocation(String text) throws KeystoreException {
        return SecretLocation.parse(text).orElseThrow(() -> new KeystoreException("The keystore's password location '" + text.strip()
                + "' is neither 'env NAME' nor 'file PATH': correct it under Window > Preferences > MExE Provisioning."));
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
