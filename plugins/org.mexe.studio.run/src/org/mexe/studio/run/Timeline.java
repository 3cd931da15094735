package org.mexe.studio.run;

import java.util.Locale;
import java.util.Map;

/** A trace event as lines of the printed timeline: time, stage, outcome and summary, then the facts indented. */
public final class Timeline {

    private Timeline() {
    }

    public static String lines(TraceEvent event) {
        StringBuilder out = new StringBuilder();
        String stage = event.stage() == 0 ? "  " : String.format(Locale.ROOT, "%2d", event.stage());
        out.append(String.format(Locale.ROOT, "  %7.2fs %s %-9s %-7s %s%n", event.elapsedMillis() / 1000.0, stage, event.kind(),
                event.outcome().label(), event.summary()));
        for (Map.Entry<String, String> fact : event.facts().entrySet()) {
            out.append(String.format(Locale.ROOT, "                          %s: %s%n", fact.getKey(), fact.getValue()));
        }
        return out.toString();
    }
}
