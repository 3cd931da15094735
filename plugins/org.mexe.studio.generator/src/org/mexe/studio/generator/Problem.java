package org.mexe.studio.generator;

import java.nio.file.Path;

/**
 * One finding about an input file, printed the way compilers do: {@code file:line:column: severity: message}.
 * Line and column start at 1, and 0 means the finding concerns the file as a whole. The offset
 * and length give the characters concerned, for editors; the offset is -1 when there are none.
 */
public record Problem(Path file, int line, int column, int offset, int length, Severity severity, String code, String message) {

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
