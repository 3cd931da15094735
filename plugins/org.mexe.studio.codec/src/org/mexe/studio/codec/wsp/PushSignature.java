package org.mexe.studio.codec.wsp;

import java.util.Objects;

/** The SEC and MAC content-type parameters of a signed provisioning push. */
public record PushSignature(SecurityMethod method, String mac) {

    /** HMAC-SHA1 output as ProvBoot writes it: 40 upper-case hex digits. */
    public static final int MAC_LENGTH = 40;

    public PushSignature {
        Objects.requireNonNull(method, "method");
        if (!isMac(mac)) {
            throw new IllegalArgumentException("MAC must be " + MAC_LENGTH + " upper-case hex digits: " + mac);
        }
    }

    static boolean isMac(String text) {
        return text != null && text.length() == MAC_LENGTH
                && text.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'F');
    }
}
