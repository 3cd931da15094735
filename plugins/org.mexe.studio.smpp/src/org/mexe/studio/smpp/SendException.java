package org.mexe.studio.smpp;

/** Sending could not start or finish; what the SMSC accepted is in the send log, and a rerun continues. */
public final class SendException extends Exception {

    private static final long serialVersionUID = 1L;

    public SendException(String message) {
        super(message);
    }

    public SendException(String message, Throwable cause) {
        super(message, cause);
    }
}
