package org.mexe.studio.security;

/** A secret could not be read: the message names where it was looked for and what to do. */
public final class SecretUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public SecretUnavailableException(String message) {
        super(message);
    }

    public SecretUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
