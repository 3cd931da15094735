package org.mexe.studio.run;

/** A run that cannot start: no such scenario, a simulated part that does not come up. The message says what to do. */
public final class RunException extends Exception {

    private static final long serialVersionUID = 1L;

    public RunException(String message, Throwable cause) {
        super(message, cause);
    }
}
