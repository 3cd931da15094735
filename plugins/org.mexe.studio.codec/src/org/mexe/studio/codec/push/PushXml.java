package org.mexe.studio.codec.push;

import java.io.InputStream;

import org.mexe.studio.codec.InvalidDocumentException;
import org.mexe.studio.codec.wbxml.WbxmlAttribute;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.codec.wbxml.XmlElementReader;

/**
 * Textual form of SI, SL and Nokia OTA settings documents. Reading goes through
 * {@link XmlElementReader} (no DTD loading, no external entities); writing is deterministic
 * (UTF-8 declaration, the type's DOCTYPE, two-space indentation, LF line ends, attributes and
 * children in tree order).
 */
public final class PushXml {

    private static final String INDENT = "  ";

    private PushXml() {
    }

    /** @throws InvalidDocumentException for malformed XML or another root element */
    public static WbxmlElement parse(PushDocumentType type, String xml) {
        return requireRoot(type, XmlElementReader.read(xml, type.language()));
    }

    /** Reads with the encoding the XML declaration announces (UTF-8 by default); the stream is not closed. */
    public static WbxmlElement parse(PushDocumentType type, InputStream xml) {
        return requireRoot(type, XmlElementReader.read(xml, type.language()));
    }

    /** As {@link #parse(PushDocumentType, String)}, appending what {@link PushContent} finds. */
    public static WbxmlElement parse(PushDocumentType type, String xml, java.util.List<org.mexe.studio.codec.CodecWarning> warnings) {
        WbxmlElement root = parse(type, xml);
        warnings.addAll(PushContent.check(type, root));
        return root;
    }

    public static String write(PushDocumentType type, WbxmlElement document) {
        requireRoot(type, document);
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append(type.doctype()).append('\n');
        write(xml, document, 0);
        return xml.toString();
    }

    static WbxmlElement requireRoot(PushDocumentType type, WbxmlElement root) {
        if (root == null || !root.name().equals(type.rootElement())) {
            throw new InvalidDocumentException("root element",
                    "must be <" + type.rootElement() + ">, not " + (root == null ? "missing" : "<" + root.name() + ">")
                    + " (the " + type + " DTD's root)");
        }
        return root;
    }

    private static void write(StringBuilder xml, WbxmlElement element, int depth) {
        String indent = INDENT.repeat(depth);
        xml.append(indent).append('<').append(element.name());
        for (WbxmlAttribute attribute : element.attributes()) {
            xml.append(' ').append(attribute.name()).append("=\"");
            escape(xml, attribute.value(), true);
            xml.append('"');
        }
        if (!element.text().isEmpty()) {
            xml.append('>');
            escape(xml, element.text(), false);
            xml.append("</").append(element.name()).append(">\n");
        } else if (element.children().isEmpty()) {
            xml.append("/>\n");
        } else {
            xml.append(">\n");
            element.children().forEach(child -> write(xml, child, depth + 1));
            xml.append(indent).append("</").append(element.name()).append(">\n");
        }
    }

    /** In attributes also the whitespace that attribute-value normalisation would turn into spaces. */
    private static void escape(StringBuilder xml, String text, boolean attribute) {
        text.chars().forEach(c -> {
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append(attribute ? "&quot;" : "\"");
                case '\t' -> xml.append(attribute ? "&#9;" : "\t");
                case '\n' -> xml.append(attribute ? "&#10;" : "\n");
                case '\r' -> xml.append("&#13;");
                default -> xml.append((char) c);
            }
        });
    }
}
