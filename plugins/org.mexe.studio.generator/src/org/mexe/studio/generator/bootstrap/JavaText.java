package org.mexe.studio.generator.bootstrap;

import java.util.List;
import java.util.Locale;

/** Java (and C#) source text helpers: literals and identifiers for generated code. */
final class JavaText {

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
            "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package",
            "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var", "record", "yield");

    private JavaText() {
    }

    /** A double-quoted literal; non-ASCII as unicode escapes so the source is ASCII whatever the editor. */
    static String literal(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** {@code { "a", "b" }} */
    static String array(List<String> values) {
        if (values.isEmpty()) {
            return "{}";
        }
        StringBuilder out = new StringBuilder("{ ");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(literal(values.get(i)));
        }
        return out.append(" }").toString();
    }

    /** A Java package name from a model namespace: lower case segments that are identifiers. */
    static String packageName(String namespace) {
        StringBuilder out = new StringBuilder();
        for (String segment : namespace.split("\\.")) {
            String identifier = identifier(segment.toLowerCase(Locale.ROOT));
            if (KEYWORDS.contains(identifier)) {
                identifier = identifier + "_";
            }
            out.append(out.isEmpty() ? "" : ".").append(identifier);
        }
        return out.toString();
    }

    /** An identifier: letters, digits and underscores, not starting with a digit. */
    static String identifier(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) && c < 0x80 ? c : '_');
        }
        if (out.isEmpty() || Character.isDigit(out.charAt(0))) {
            out.insert(0, '_');
        }
        return out.toString();
    }
}
