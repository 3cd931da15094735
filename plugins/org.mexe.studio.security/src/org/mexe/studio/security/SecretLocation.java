package org.mexe.studio.security;

import java.nio.file.Path;

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

    /** Names the location, never the value: safe for messages. */
    String describe();

    /** A stable name of the location, under which a {@link SecretStore} keeps its secret. */
    String key();
}
