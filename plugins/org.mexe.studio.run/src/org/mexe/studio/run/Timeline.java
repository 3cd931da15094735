package org.mexe.studio.run;

import java.util.Locale;
import java.util.Map;

/**
 * A trace event as lines of the printed timeline: time, stage, outcome and summary, then the facts
 * indented; a header line each time the scenario or handset changes. The CLI prints it, the IDE
 * shows the same.
 */
public final class Timeline implements java.util.function.Consumer<TraceEvent> {

    private final java.util.function.Consumer<String> out;
    private String header = "";

    /** Writes the timeline of the events it is given to {@code out}, a block of lines at a time. */
    public Timeline(java.util.function.Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void accept(TraceEvent event) {
        String next = header(event);
        StringBuilder text = new StringBuilder();
        if (!next.equals(header)) {
            header = next;
            text.append(next).append(System.lineSeparator());
        }
        out.accept(text.append(lines(event)).toString());
    }

    /** {@code SCENARIO on HANDSET}, or {@code network} for the run's own events. */
    public static String header(TraceEvent event) {
        return event.scenario().equals("-") ? "network" : event.scenario() + " on " + event.handset();
    }

    /** The closing line of a run. */
    public static String verdict(ScenarioRun.Result result) {
        return result.failed() == 0 ? "Every stage succeeded." : result.failed() + " stage(s) failed: see the lines marked 'failed' above.";
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
