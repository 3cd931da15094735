package org.mexe.studio.codec.wbxml;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.mexe.studio.codec.InvalidDocumentException;

/**
 * Reads textual XML into the element tree the WBXML codec uses, with the JDK's StAX parser set up
 * for untrusted input: the DOCTYPE is accepted but never processed, so no DTD is fetched and no
 * entity beyond the five predefined ones can be expanded (which also rules out XXE and entity
 * expansion attacks). Whitespace between elements is dropped; any other text is an error because
 * the supported languages have element-only content.
 */
public final class XmlElementReader {

    private record Pending(String name, List<WbxmlAttribute> attributes, List<WbxmlElement> children) {
    }

    private XmlElementReader() {
    }

    public static WbxmlElement read(String xml) {
        return read(new StringReader(xml));
    }

    /** Reads with the encoding the XML declaration (or BOM) announces, UTF-8 by default. */
    public static WbxmlElement read(InputStream xml) {
        return parse(factory -> factory.createXMLStreamReader(xml));
    }

    public static WbxmlElement read(Reader xml) {
        return parse(factory -> factory.createXMLStreamReader(xml));
    }

    private interface ReaderOpener {
        XMLStreamReader open(XMLInputFactory factory) throws XMLStreamException;
    }

    private static WbxmlElement parse(ReaderOpener opener) {
        // newDefaultFactory: the JDK parser, whatever else an OSGi runtime has on offer.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        XMLStreamReader reader = null;
        try {
            reader = opener.open(factory);
            return elementTree(reader);
        } catch (XMLStreamException e) {
            throw new InvalidDocumentException(location(e.getLocation()), "not well-formed XML: " + e.getMessage(), e);
        } finally {
            close(reader);
        }
    }

    private static WbxmlElement elementTree(XMLStreamReader reader) throws XMLStreamException {
        Deque<Pending> open = new ArrayDeque<>();
        WbxmlElement root = null;
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> open.push(start(reader));
                case XMLStreamConstants.END_ELEMENT -> {
                    Pending pending = open.pop();
                    WbxmlElement element = new WbxmlElement(pending.name(), pending.attributes(), pending.children());
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.peek().children().add(element);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!reader.isWhiteSpace()) {
                        throw new InvalidDocumentException(location(reader.getLocation()),
                                "text content is not allowed: '" + reader.getText().strip() + "'");
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new InvalidDocumentException(
                        location(reader.getLocation()), "undeclared entity &" + reader.getLocalName() + ";");
                default -> {
                    // Prolog, DOCTYPE, comments, PIs and ignorable whitespace carry nothing for the tree.
                }
            }
        }
        return root;
    }

    private static Pending start(XMLStreamReader reader) {
        requireUnqualified(reader, reader.getPrefix(), reader.getLocalName());
        List<WbxmlAttribute> attributes = new ArrayList<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            requireUnqualified(reader, reader.getAttributePrefix(i), reader.getAttributeLocalName(i));
            attributes.add(new WbxmlAttribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i)));
        }
        return new Pending(reader.getLocalName(), attributes, new ArrayList<>());
    }

    private static void requireUnqualified(XMLStreamReader reader, String prefix, String localName) {
        if (prefix != null && !prefix.isEmpty()) {
            throw new InvalidDocumentException(location(reader.getLocation()),
                    "namespace-qualified name " + prefix + ":" + localName + " is not allowed");
        }
    }

    private static String location(Location location) {
        return location == null ? "XML" : "line %d, column %d".formatted(location.getLineNumber(), location.getColumnNumber());
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // Nothing was written and the caller's stream is theirs to close; a failing close changes nothing.
            }
        }
    }
}
