package org.mexe.studio.bootstrap;

/** A bootstrap application cannot be built: the message says which file or step and what to do. */
public final class ToolchainException extends Exception {

    private static final long serialVersionUID = 1L;

    public ToolchainException(String message) {
        super(message);
    }

    public ToolchainException(String message, Throwable cause) {
        super(message, cause);
    }
}
