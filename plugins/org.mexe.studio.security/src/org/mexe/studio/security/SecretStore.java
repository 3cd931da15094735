package org.mexe.studio.security;

import java.util.Optional;

/**
 * A place that may hold the secret for a location in place of the location itself, such as
 * Eclipse secure storage in the IDE: the model still says {@code env "VAR"} or {@code file "f"},
 * and the IDE answers from its encrypted store before it looks at the environment or the file.
 */
@FunctionalInterface
public interface SecretStore {

    /** No store: every secret comes from its environment variable or file. */
    SecretStore NONE = location -> Optional.empty();

    /** The secret stored for this location, or empty when none is stored. */
    Optional<Secret> lookup(SecretLocation location) throws SecretUnavailableException;
}
