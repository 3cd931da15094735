package org.mexe.studio.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A secret value (a PIN, a password) in memory. It never prints itself, so that a secret that
 * reaches a log or an exception message by mistake shows as {@code [secret]}; {@link #close()}
 * wipes it.
 */
public final class Secret implements AutoCloseable {

    private final byte[] value;
    private final String origin;

    Secret(byte[] value, String origin) {
        this.value = value;
        this.origin = origin;
    }

    /** A secret made from text, for tests and for values the caller already holds. */
    public static Secret of(String value, String origin) {
        return new Secret(value.getBytes(StandardCharsets.UTF_8), origin);
    }

    /** A copy of the secret's bytes (UTF-8): the caller wipes it when done. */
    public byte[] bytes() {
        return value.clone();
    }

    /** The secret as text. Use only to hand it to an API that takes a String. */
    public String reveal() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Where the secret came from, such as {@code environment variable MEXE_PIN}: safe to show. */
    public String origin() {
        return origin;
    }

    @Override
    public void close() {
        Arrays.fill(value, (byte) 0);
    }

    @Override
    public String toString() {
        return "[secret from " + origin + "]";
    }
}
