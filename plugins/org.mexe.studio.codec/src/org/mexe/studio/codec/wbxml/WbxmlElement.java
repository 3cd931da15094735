package org.mexe.studio.codec.wbxml;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Language-neutral element tree the WBXML codec and the XML reader share. An element carries
 * attributes and either child elements or character content ({@code text}, empty when it has
 * none): the languages this codec serves (PROV, SI, SL, Nokia OTA) have no mixed content.
 */
public record WbxmlElement(String name, List<WbxmlAttribute> attributes, List<WbxmlElement> children, String text) {

    public WbxmlElement {
        requireName(name, "element name");
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
        Objects.requireNonNull(text, "text");
        if (!text.isEmpty() && !children.isEmpty()) {
            throw new IllegalArgumentException("element " + name + " mixes text and child elements");
        }
        if (text.indexOf('\0') >= 0) {
            // WBXML strings are NUL-terminated, so a NUL cannot travel inside one.
            throw new IllegalArgumentException("text of " + name + " contains NUL");
        }
    }

    /** An element without character content. */
    public WbxmlElement(String name, List<WbxmlAttribute> attributes, List<WbxmlElement> children) {
        this(name, attributes, children, "");
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
