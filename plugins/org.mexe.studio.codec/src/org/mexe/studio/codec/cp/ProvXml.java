package org.mexe.studio.codec.cp;

import java.io.InputStream;
import java.util.List;

import org.mexe.studio.codec.CodecWarning;

import org.mexe.studio.codec.InvalidDocumentException;
import org.mexe.studio.codec.wbxml.XmlElementReader;

/**
 * Textual form of provisioning documents. Writing is deterministic (UTF-8 declaration, the PROV
 * DOCTYPE, two-space indentation, LF line ends, attributes in DTD order); reading is done by
 * {@link XmlElementReader}, which never loads the DTD or expands external entities.
 */
public final class ProvXml {

    private static final String INDENT = "  ";

    private ProvXml() {
    }

    public static String write(ProvisioningDocument document) {
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append(ProvLanguage.DOCTYPE).append('\n')
                .append('<').append(ProvLanguage.ROOT_ELEMENT);
        document.version().ifPresent(version -> attribute(xml, "version", version));
        if (document.characteristics().isEmpty()) {
            xml.append("/>\n");
        } else {
            xml.append(">\n");
            document.characteristics().forEach(characteristic -> write(xml, characteristic, 1));
            xml.append("</").append(ProvLanguage.ROOT_ELEMENT).append(">\n");
        }
        return xml.toString();
    }

    private static void write(StringBuilder xml, Characteristic characteristic, int depth) {
        String indent = INDENT.repeat(depth);
        xml.append(indent).append("<characteristic");
        attribute(xml, "type", characteristic.type());
        if (characteristic.parms().isEmpty() && characteristic.characteristics().isEmpty()) {
            xml.append("/>\n");
            return;
        }
        xml.append(">\n");
        for (Parm parm : characteristic.parms()) {
            xml.append(indent).append(INDENT).append("<parm");
            attribute(xml, "name", parm.name());
            parm.value().ifPresent(value -> attribute(xml, "value", value));
            xml.append("/>\n");
        }
        characteristic.characteristics().forEach(nested -> write(xml, nested, depth + 1));
        xml.append(indent).append("</characteristic>\n");
    }

    /** Escapes markup and the whitespace characters that attribute-value normalisation would otherwise turn into spaces. */
    private static void attribute(StringBuilder xml, String name, String value) {
        xml.append(' ').append(name).append("=\"");
        value.chars().forEach(c -> {
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                case '\t' -> xml.append("&#9;");
                case '\n' -> xml.append("&#10;");
                case '\r' -> xml.append("&#13;");
                default -> xml.append((char) c);
            }
        });
        xml.append('"');
    }

    /** @throws InvalidDocumentException for malformed XML or a tree that is not a provisioning document */
    public static ProvisioningDocument parse(String xml) {
        return ProvElements.fromElement(XmlElementReader.read(xml));
    }

    /** Reads with the encoding the XML declaration announces (UTF-8 by default); the stream is not closed. */
    public static ProvisioningDocument parse(InputStream xml) {
        return ProvElements.fromElement(XmlElementReader.read(xml));
    }

    /**
     * As {@link #parse(String)}, appending to {@code warnings} what was tolerated (see {@link ProvElements}
     * and {@link ProvCont}).
     */
    public static ProvisioningDocument parse(String xml, List<CodecWarning> warnings) {
        return ProvElements.fromElement(XmlElementReader.read(xml), warnings);
    }

    /** As {@link #parse(InputStream)}, appending to {@code warnings} what was tolerated. */
    public static ProvisioningDocument parse(InputStream xml, List<CodecWarning> warnings) {
        return ProvElements.fromElement(XmlElementReader.read(xml), warnings);
    }
}
