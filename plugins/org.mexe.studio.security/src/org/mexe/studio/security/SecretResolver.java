package org.mexe.studio.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Reads secrets from a store (Eclipse secure storage in the IDE), the environment or files. The
 * environment is passed in, not read globally, so that tests and the IDE can supply their own.
 */
public final class SecretResolver {

    private final Map<String, String> environment;
    private final SecretStore store;

    public SecretResolver(Map<String, String> environment) {
        this(environment, SecretStore.NONE);
    }

    /** A resolver that asks {@code store} first and falls back to the environment or the file. */
    public SecretResolver(Map<String, String> environment, SecretStore store) {
        this.environment = Map.copyOf(environment);
        this.store = Objects.requireNonNull(store, "store");
    }

    /** A resolver over this process's environment. */
    public static SecretResolver fromProcessEnvironment() {
        return new SecretResolver(System.getenv());
    }

    public Secret resolve(SecretLocation location) throws SecretUnavailableException {
        Objects.requireNonNull(location, "location");
        var stored = store.lookup(location);
        if (stored.isPresent()) {
            return stored.get();
        }
        return switch (location) {
            case SecretLocation.Environment env -> fromEnvironment(env);
            case SecretLocation.File file -> fromFile(file);
        };
    }

    private Secret fromEnvironment(SecretLocation.Environment env) throws SecretUnavailableException {
        String value = environment.get(env.variable());
        if (value == null || value.isEmpty()) {
            throw new SecretUnavailableException("The " + env.describe() + " is not set: set it to the secret before running.");
        }
        return Secret.of(value, env.describe());
    }

    private Secret fromFile(SecretLocation.File file) throws SecretUnavailableException {
        byte[] content;
        try {
            content = Files.readAllBytes(file.path());
        } catch (NoSuchFileException e) {
            throw new SecretUnavailableException("The secret " + file.describe() + " does not exist: create it, or point the model at the right file.", e);
        } catch (IOException e) {
            throw new SecretUnavailableException("The secret " + file.describe() + " cannot be read: " + e.getMessage(), e);
        }
        int length = content.length;
        // One trailing line break is how editors end a file; it is not part of the secret.
        if (length > 0 && content[length - 1] == '\n') {
            length--;
            if (length > 0 && content[length - 1] == '\r') {
                length--;
            }
        }
        if (length == 0) {
            Arrays.fill(content, (byte) 0);
            throw new SecretUnavailableException("The secret " + file.describe() + " is empty: write the secret into it.");
        }
        byte[] value = Arrays.copyOf(content, length);
        Arrays.fill(content, (byte) 0);
        return new Secret(value, file.describe());
    }
}
