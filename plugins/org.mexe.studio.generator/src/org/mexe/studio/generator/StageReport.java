package org.mexe.studio.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * What one stage of a scenario produced, for the generation summary that every front door
 * prints: a line for people ("3 SMS, 311 WBXML bytes, SEC=USERPIN MAC=…") and the folders or
 * files it wrote; with nothing written, the line says why ("a request by phone call is answered
 * by people: nothing to generate"). A stage may have several reports (one per subscriber message).
 */
public record StageReport(String scenario, int stage, String kind, String summary, List<String> written) {

    public StageReport {
        written = List.copyOf(written);
    }

    public boolean producedNothing() {
        return written.isEmpty();
    }

    /** The report as the summary prints it: {@code scenario stage N: summary}, then what was written. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("  " + scenario + " stage " + stage + ": " + summary);
        written.forEach(w -> lines.add("    " + w));
        return lines;
    }
}
