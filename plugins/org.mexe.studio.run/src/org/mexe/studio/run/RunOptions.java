package org.mexe.studio.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run does beyond the model: which scenario (simple or qualified name; all when empty),
 * the PIN the scripted user types (else the one the model gives the user), the faults to put in,
 * where MicroEmulator is (else it is looked for beside the run's own classes), how long a
 * handset waits for a message or an application before it gives up, and what the scripted user
 * answers the bootstrap.
 */
public record RunOptions(Optional<String> scenario, Optional<String> userPin, Set<Fault> faults, Optional<Path> emulator, Duration patience,
        Map<String, String> answers) {

    public RunOptions {
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        answers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(answers));
    }

    public static RunOptions defaults() {
        return new RunOptions(Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), Duration.ofSeconds(30), Map.of());
    }

    public RunOptions withScenario(String name) {
        return new RunOptions(Optional.of(name), userPin, faults, emulator, patience, answers);
    }

    public RunOptions withUserPin(String pin) {
        return new RunOptions(scenario, Optional.of(pin), faults, emulator, patience, answers);
    }

    public RunOptions withFaults(Set<Fault> value) {
        return new RunOptions(scenario, userPin, value, emulator, patience, answers);
    }

    public RunOptions withEmulator(Path value) {
        return new RunOptions(scenario, userPin, faults, Optional.of(value), patience, answers);
    }

    /**
     * What the scripted user answers, by the title of a choice list or the label of a text field;
     * without an answer the user takes the first choice and types "DEMO " and the label.
     */
    public RunOptions withAnswers(Map<String, String> value) {
        return new RunOptions(scenario, userPin, faults, emulator, patience, value);
    }

    public boolean has(Fault fault) {
        return faults.contains(fault);
    }
}
