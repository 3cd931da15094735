package org.mexe.studio.security;

/** A signature does not verify, or its signer is not trusted; the message says which and why. */
public final class SignatureInvalidException extends Exception {

    private static final long serialVersionUID = 1L;

    public SignatureInvalidException(String message) {
        super(message);
    }

    public SignatureInvalidException(String message, Throwable cause) {
        super(message, cause);
    }
}
