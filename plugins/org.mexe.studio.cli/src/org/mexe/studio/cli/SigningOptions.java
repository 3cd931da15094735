package org.mexe.studio.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.security.Keystores;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SecretUnavailableException;
import org.mexe.studio.security.SigningIdentity;

import picocli.CommandLine.Option;

/** Where the key that signs the artefact manifest is: a PKCS#12 keystore, an alias, and where its password is. */
final class SigningOptions {

    @Option(names = "--sign-keystore", paramLabel = "P12", description = "Sign the artefact manifest with a key of this PKCS#12 keystore.")
    Path keystore;

    @Option(names = "--sign-alias", paramLabel = "ALIAS", defaultValue = "operator-signing",
            description = "The signing key's alias (default: ${DEFAULT-VALUE}).")
    String alias;

    @Option(names = "--sign-password-env", paramLabel = "VARIABLE", description = "The environment variable that holds the keystore's password.")
    String passwordVariable;

    @Option(names = "--sign-password-file", paramLabel = "FILE", description = "The file that holds the keystore's password.")
    Path passwordFile;

    /** The files these options read, which no output folder may hold. */
    List<Path> files() {
        return Stream.of(keystore, passwordFile).filter(Objects::nonNull).toList();
    }

    /** The signing identity, or none when no keystore is given. */
    Optional<SigningIdentity> identity(SecretResolver secrets) throws KeystoreException, SecretUnavailableException {
        if (keystore == null) {
            return Optional.empty();
        }
        return Optional.of(Keystores.signingIdentity(keystore, alias, SecretLocation.exactlyOne(passwordVariable, passwordFile,
                "the keystore's password", "--sign-password-env", "--sign-password-file"), secrets));
    }
}
