package org.mexe.studio.codec.wbxml;

import java.util.Objects;

/** One attribute; an empty value is kept distinct from an absent attribute. */
public record WbxmlAttribute(String name, String value) {

    public WbxmlAttribute {
        WbxmlElement.requireName(name, "attribute name");
        Objects.requireNonNull(value, "value");
        if (value.indexOf('\0') >= 0) {
            // WBXML strings are NUL-terminated, so a NUL cannot travel inside one.
            throw new IllegalArgumentException("attribute " + name + " contains NUL");
        }
    }
}
