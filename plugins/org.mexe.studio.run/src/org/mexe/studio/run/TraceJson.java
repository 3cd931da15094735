package org.mexe.studio.run;

import java.util.Map;

/**
 * A trace event as one line of JSON (JSON Lines): {@code {"elapsedMillis":…,"scenario":…,…,"facts":{…}}}.
 * Written by hand: the events are flat strings and numbers, and the pipeline bundles carry no
 * JSON library that the IDE, the CLI and Maven all have.
 */
public final class TraceJson {

    private TraceJson() {
    }

    public static String line(TraceEvent event) {
        StringBuilder out = new StringBuilder(256).append('{');
        out.append("\"elapsedMillis\":").append(event.elapsedMillis());
        field(out, "scenario", event.scenario());
        field(out, "handset", event.handset());
        out.append(",\"stage\":").append(event.stage());
        field(out, "kind", event.kind());
        field(out, "outcome", event.outcome().label());
        field(out, "summary", event.summary());
        out.append(",\"facts\":{");
        boolean first = true;
        for (Map.Entry<String, String> fact : event.facts().entrySet()) {
            out.append(first ? "" : ",");
            string(out, fact.getKey());
            out.append(':');
            string(out, fact.getValue());
            first = false;
        }
        return out.append("}}").toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(",\"").append(name).append("\":");
        string(out, value);
    }

    /** RFC 8259 section 7: quote, backslash and control characters escaped. */
    private static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
