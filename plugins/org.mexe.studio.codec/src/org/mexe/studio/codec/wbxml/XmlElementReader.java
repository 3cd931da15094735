package org.mexe.studio.codec.wbxml;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

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
 * expansion attacks). Whitespace between elements is dropped; any other text is an error, except in
 * the elements a language declares as text ({@link WbxmlLanguage#hasText}), whose text is kept
 * without leading and trailing whitespace, as libwbxml's xml2wbxml keeps it.
 */
public final class XmlElementReader {

    private record Pending(String name, List<WbxmlAttribute> attributes, List<WbxmlElement> children, StringBuilder text) {
    }

    private XmlElementReader() {
    }

    public static WbxmlElement read(String xml) {
        return read(new StringReader(xml));
    }

    /** Reads with the encoding the XML declaration (or BOM) announces, UTF-8 by default. */
    public static WbxmlElement read(InputStream xml) {
        return parse(factory -> factory.createXMLStreamReader(xml), element -> false);
    }

    public static WbxmlElement read(Reader xml) {
        return parse(factory -> factory.createXMLStreamReader(xml), element -> false);
    }

    /** As {@link #read(String)}, keeping the text of the language's text elements. */
    public static WbxmlElement read(String xml, WbxmlLanguage language) {
        return parse(factory -> factory.createXMLStreamReader(new StringReader(xml)), language::hasText);
    }

    /** As {@link #read(InputStream)}, keeping the text of the language's text elements. */
    public static WbxmlElement read(InputStream xml, WbxmlLanguage language) {
        return parse(factory -> factory.createXMLStreamReader(xml), language::hasText);
    }

    private interface ReaderOpener {
        XMLStreamReader open(XMLInputFactory factory) throws XMLStreamException;
    }

    private static WbxmlElement parse(ReaderOpener opener, Predicate<String> textElement) {
        // newDefaultFactory: the JDK parser, whatever else an OSGi runtime has on offer.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        XMLStreamReader reader = null;
        try {
            reader = opener.open(factory);
            return elementTree(reader, textElement);
        } catch (XMLStreamException e) {
            throw new InvalidDocumentException(location(e.getLocation()), "not well-formed XML: " + e.getMessage(), e);
        } catch (java.util.MissingResourceException e) {
            // The JDK parser reports some malformed DTDs by failing to look up its own message text.
            throw new InvalidDocumentException(reader == null ? "/" : location(reader.getLocation()),
                    "not well-formed XML: malformed DOCTYPE (" + e.getKey() + ")", e);
        } finally {
            close(reader);
        }
    }

    private static WbxmlElement elementTree(XMLStreamReader reader, Predicate<String> textElement) throws XMLStreamException {
        Deque<Pending> open = new ArrayDeque<>();
        WbxmlElement root = null;
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> open.push(start(reader));
                case XMLStreamConstants.END_ELEMENT -> {
                    Pending pending = open.pop();
                    String text = pending.text().toString().strip();
                    if (!text.isEmpty() && !pending.children().isEmpty()) {
                        throw new InvalidDocumentException(location(reader.getLocation()),
                                "element " + pending.name() + " mixes text and child elements");
                    }
                    WbxmlElement element = new WbxmlElement(pending.name(), pending.attributes(), pending.children(), text);
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.peek().children().add(element);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!open.isEmpty() && textElement.test(open.peek().name())) {
                        requireCharacters(reader);
                        open.peek().text().append(reader.getText());
                    } else if (!reader.isWhiteSpace()) {
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
        return new Pending(reader.getLocalName(), attributes, new ArrayList<>(), new StringBuilder());
    }

    /** A character reference can smuggle in a NUL, which a WBXML string cannot carry. */
    private static void requireCharacters(XMLStreamReader reader) {
        if (reader.getText().indexOf('\0') >= 0) {
            throw new InvalidDocumentException(location(reader.getLocation()), "text contains NUL");
        }
    }

    private static void requireUnqualified(XMLStreamReader reader, String prefix, String localName) {
        if (prefix != null && !prefix.isEmpty()) {
            throw new InvalidDocumentException(location(reader.getLocation()),
                    "namespace-qualified name " + prefix + ":" + localName + " is not allowed");
        }
        // An XML 1.1 document may use names that the XML 1.0 we write (and handsets read) cannot: the WAP
        // and OMA DTDs name everything in ASCII, so anything else is refused here, not written unreadable.
        if (!localName.matches("[A-Za-z_][A-Za-z0-9._-]*")) {
            throw new InvalidDocumentException(location(reader.getLocation()), "the name '" + localName
                    + "' is not one the WAP and OMA DTDs use: ASCII letters, digits, '-', '_' and '.', starting with a letter or '_'");
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
