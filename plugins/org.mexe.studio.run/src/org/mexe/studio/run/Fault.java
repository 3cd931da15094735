package org.mexe.studio.run;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A fault put into a run on purpose, to see where a scenario breaks and what the handset shows. */
public enum Fault {
    /** The radio loses the second segment of every concatenated message (the first when there is one). */
    LOSE_SEGMENT("lose-segment"),
    /** The radio delivers the second segment of every concatenated message twice, as SMSCs retransmit. */
    DUPLICATE_SEGMENT("duplicate-segment"),
    /** The handsets do not trust the security domain of the applications they download. */
    UNTRUSTED_SIGNER("untrusted-signer"),
    /** The provisioning servers do not answer: their address refuses connections. */
    SERVER_DOWN("server-down");

    private final String option;

    Fault(String option) {
        this.option = option;
    }

    /** The name on the command line and in run files. */
    public String option() {
        return option;
    }

    public static Optional<Fault> of(String option) {
        return Arrays.stream(values()).filter(f -> f.option.equals(option)).findFirst();
    }

    /** The names, for help texts and error messages. */
    public static String options() {
        return Arrays.stream(values()).map(Fault::option).collect(Collectors.joining(", "));
    }
}
