package org.mexe.studio.codec;

import java.util.Objects;

/**
 * Something a decoder tolerated, or an encoder wrote although a specification says otherwise:
 * where it is (a byte offset such as {@code WBXML byte 1}, or an element path such as
 * {@code /wap-provisioningdoc/characteristic[2](NAPDEF)}) and what it is, with the rule and what
 * was done about it. Never carries a secret value.
 */
public record CodecWarning(String location, String message) {

    public CodecWarning {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
