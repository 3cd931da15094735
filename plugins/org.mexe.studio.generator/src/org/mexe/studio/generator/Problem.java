package org.mexe.studio.generator;

import java.nio.file.Path;

/**
 * One finding about an input file, in the form compilers use: {@code file:line:column: severity: message}.
 * Line and column start at 1; 0 means the finding is about the file as a whole.
 */
public record Problem(Path file, int line, int column, Severity severity, String code, String message) {

    public enum Severity {
        ERROR, WARNING, INFO;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The compiler-style line that the CLI and the Maven plugin print. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
    }
}
