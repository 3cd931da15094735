package org.mexe.studio.security;

/** A keystore, key or certificate is not usable; the message names the file, the alias and the cause. */
public final class KeystoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public KeystoreException(String message) {
        super(message);
    }

    public KeystoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
