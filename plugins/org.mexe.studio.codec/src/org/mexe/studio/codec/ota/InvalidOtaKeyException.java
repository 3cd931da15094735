package org.mexe.studio.codec.ota;

/**
 * A key that cannot serve the algorithm the KIc/KID names (wrong length, missing). Its message
 * names the role and the lengths, never the key's value.
 */
public final class InvalidOtaKeyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidOtaKeyException(String message) {
        super(message);
    }
}
