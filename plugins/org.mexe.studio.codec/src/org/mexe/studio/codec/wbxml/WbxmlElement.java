package org.mexe.studio.codec.wbxml;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Language-neutral element tree the WBXML codec and the XML reader share. Elements carry
 * attributes and child elements only: the provisioning languages this codec serves have no
 * character content.
 */
public record WbxmlElement(String name, List<WbxmlAttribute> attributes, List<WbxmlElement> children) {

    public WbxmlElement {
        requireName(name, "element name");
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    public Optional<String> attribute(String attributeName) {
        return attributes.stream()
                .filter(attribute -> attribute.name().equals(attributeName))
                .map(WbxmlAttribute::value)
                .findFirst();
    }

    static void requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid " + what + ": '" + name + "'");
        }
    }
}
