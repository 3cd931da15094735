package org.mexe.studio.run;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mexe.studio.run.TraceEvent.Outcome;

/** What one stage came to, before it becomes a {@link TraceEvent}: outcome, summary and facts in the order they were found. */
final class Step {

    Outcome outcome = Outcome.OK;
    String summary = "";
    final Map<String, String> facts = new LinkedHashMap<>();

    Step fact(String name, Object value) {
        facts.put(name, String.valueOf(value));
        return this;
    }

    Step ok(String text) {
        outcome = Outcome.OK;
        summary = text;
        return this;
    }

    Step failed(String text) {
        outcome = Outcome.FAILED;
        summary = text;
        return this;
    }

    /** A failure the handset shows its user as {@code screen}. */
    Step failed(String text, String screen) {
        fact(TraceEvent.SCREEN, screen);
        return failed(text);
    }

    Step skipped(String text) {
        outcome = Outcome.SKIPPED;
        summary = text;
        return this;
    }

    boolean isFailed() {
        return outcome == Outcome.FAILED;
    }
}
