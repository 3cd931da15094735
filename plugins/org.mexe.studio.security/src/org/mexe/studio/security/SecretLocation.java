package org.mexe.studio.security;

import java.nio.file.Path;
import java.util.Optional;

/** Where a secret is read from at generation time: it is never written into a model. */
public sealed interface SecretLocation {

    /** A secret in an environment variable. */
    record Environment(String variable) implements SecretLocation {
        @Override
        public String describe() {
            return "environment variable " + variable;
        }

        @Override
        public String key() {
            return "env:" + variable;
        }
    }

    /** A secret in a file; its content, less one trailing line break, is the secret. */
    record File(Path path) implements SecretLocation {
        @Override
        public String describe() {
            return "file " + path;
        }

        @Override
        public String key() {
            return "file:" + path.toAbsolutePath().normalize();
        }
    }

    /**
     * Where a front door was told a secret is: by at most one of an environment variable and a
     * file (never the secret itself, which would land in a shell history or a build log).
     *
     * @param what the secret, for the message: "the keystore's password"
     * @param variableOption how the front door names the variable: "--password-env", "signPasswordEnv"
     * @param fileOption how the front door names the file
     * @return empty when neither is given
     * @throws SecretUnavailableException when both are given
     */
    static Optional<SecretLocation> atMostOne(String variable, Path file, String what, String variableOption, String fileOption)
            throws SecretUnavailableException {
        if (variable != null && file != null) {
            throw new SecretUnavailableException("Give " + what + " by " + variableOption + " or by " + fileOption + ", not both.");
        }
        return variable != null ? Optional.of(new Environment(variable)) : Optional.ofNullable(file).map(File::new);
    }

    /** As {@link #atMostOne}, for a secret that must be given: exactly one of the variable and the file. */
    static SecretLocation exactlyOne(String variable, Path file, String what, String variableOption, String fileOption)
            throws SecretUnavailableException {
        return atMostOne(variable, file, what, variableOption, fileOption).orElseThrow(() -> new SecretUnavailableException(
                "Give " + what + " with exactly one of " + variableOption + " (an environment variable) and " + fileOption
                        + " (a file), never the secret itself."));
    }

    /**
     * A location written as text, as a preference or a settings file holds it: {@code env NAME} or
     * {@code file PATH} (the path may contain spaces). Empty for anything else.
     */
    static Optional<SecretLocation> parse(String text) {
        String[] parts = text.strip().split("\\s+", 2);
        if (parts.length != 2 || parts[1].isBlank()) {
            return Optional.empty();
        }
        return switch (parts[0]) {
            case "env" -> Optional.of(new Environment(parts[1].strip()));
            case "file" -> Optional.of(new File(Path.of(parts[1].strip())));
            default -> Optional.empty();
        };
    }

    /** Names the location, never the value: safe for messages. */
    String describe();

    /** A stable name of the location, under which a {@link SecretStore} keeps its secret. */
    String key();
}
