package org.mexe.studio.ui.secrets;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretStore;
import org.mexe.studio.security.SecretUnavailableException;

/**
 * Secrets kept in Eclipse secure storage, encrypted, under the location the model names: a model
 * that says {@code password env "OPERATOR_KEYSTORE_PASSWORD"} gets, in the IDE, the value stored
 * for that variable, because an IDE started from the desktop does not see a shell's environment.
 */
public final class SecureStorageSecrets implements SecretStore {

    static final String NODE = "org.mexe.studio/secrets";
    private static final String VALUE = "value";

    private final ISecurePreferences root;

    public SecureStorageSecrets(ISecurePreferences root) {
        this.root = root;
    }

    /** The user's default secure storage, which asks for its master password when it needs it. */
    public static SecureStorageSecrets userDefault() {
        return new SecureStorageSecrets(SecurePreferencesFactory.getDefault());
    }

    @Override
    public Optional<Secret> lookup(SecretLocation location) throws SecretUnavailableException {
        String path = pathOf(location);
        if (root == null || !root.nodeExists(path)) {
            return Optional.empty();
        }
        try {
            String value = root.node(path).get(VALUE, null);
            return Optional.ofNullable(value).map(v -> Secret.of(v, "Eclipse secure storage for the " + location.describe()));
        } catch (StorageException e) {
            throw new SecretUnavailableException("Eclipse secure storage cannot decrypt the secret stored for the "
                    + location.describe() + " (" + e.getMessage() + "): check the master password under Preferences >"
                    + " General > Security > Secure Storage, or store the secret again.", e);
        }
    }

    /** Stores {@code value} encrypted for {@code location} and wipes the caller's array. */
    public void store(SecretLocation location, char[] value) throws StorageException, IOException {
        try {
            root.node(pathOf(location)).put(VALUE, new String(value), true);
            root.flush();
        } finally {
            Arrays.fill(value, '\0');
        }
    }

    /** Forgets the secret for {@code location}; nothing happens when none is stored. */
    public void remove(SecretLocation location) throws IOException {
        String path = pathOf(location);
        if (root.nodeExists(path)) {
            root.node(path).removeNode();
            root.flush();
        }
    }

    /** The keys ({@link SecretLocation#key()}) that have a stored secret, never the secrets. */
    public List<String> storedKeys() {
        if (!root.nodeExists(NODE)) {
            return List.of();
        }
        return Arrays.stream(root.node(NODE).childrenNames()).map(EncodingUtils::decodeSlashes).sorted().toList();
    }

    private static String pathOf(SecretLocation location) {
        // A key may hold slashes (file paths); secure storage takes them as node separators.
        return NODE + "/" + EncodingUtils.encodeSlashes(location.key());
    }
}
