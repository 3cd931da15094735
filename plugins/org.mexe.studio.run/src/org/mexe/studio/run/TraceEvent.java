package org.mexe.studio.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a scenario run as a simulated handset lived it: which scenario and handset, the
 * stage (its number in the scenario and its kind, or 0 and {@code run} for the run's own steps),
 * the outcome, one line on what happened, the facts behind it (SMS count, MAC verdict, URL,
 * signer, install-notify code...) and, when the handset shows something, what it shows. Facts
 * never hold a PIN, key or password: the run masks them before they reach a trace.
 */
public record TraceEvent(long elapsedMillis, String scenario, String handset, int stage, String kind, Outcome outcome, String summary,
        Map<String, String> facts) {

    /** What the stage came to. */
    public enum Outcome {
        /** The stage did what the scenario says. */
        OK,
        /** The stage failed: the run exits non-zero. */
        FAILED,
        /** Not carried out, and the summary says why (a phone call, a server outside the model, an earlier failure). */
        SKIPPED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The fact a handset's screen goes under. */
    public static final String SCREEN = "screen";

    public TraceEvent {
        Objects.requireNonNull(outcome, "outcome");
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }
}
