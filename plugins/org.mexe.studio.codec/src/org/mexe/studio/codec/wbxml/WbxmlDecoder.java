package org.mexe.studio.codec.wbxml;

import static org.mexe.studio.codec.internal.ByteReader.describe;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import org.mexe.studio.codec.CodecWarning;

import org.mexe.studio.codec.DecodeException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.WireFormat;
import org.mexe.studio.codec.internal.ByteReader;

/**
 * Decodes WBXML 1.1 to 1.3 documents of one language into an element tree. Accepts everything the
 * encoder writes plus what other encoders legitimately use (string-table references anywhere,
 * tag and attribute code page switches, attribute values split over several tokens, ENTITY,
 * LITERAL names, a literal public identifier). Character content is accepted only in the elements
 * the language declares as text, OPAQUE only as the date of a datetime attribute; PIs and
 * extensions have no place in the languages served here. All of these are otherwise errors.
 *
 * <p>Like a handset, it also reads documents that bend WBXML 1.3, each reported as a
 * {@link CodecWarning} with its byte offset: another or an unknown public identifier (read with this
 * language's tokens), charset 0 (unknown, read as UTF-8), US-ASCII or ISO-8859-1, string-table bytes
 * that no token references, and bytes after the root element (ignored).
 */
public final class WbxmlDecoder {

    private final WbxmlLanguage language;
    private final ByteReader in;
    private byte[] stringTable = new byte[0];
    private int stringTableOffset;
    private final BitSet referencedTableBytes = new BitSet();
    private Charset charset = StandardCharsets.UTF_8;
    private int tagPage;
    private int attributePage;
    private final List<CodecWarning> warnings;
    /** Null unless the caller asked what each byte is. */
    private final List<WbxmlAnnotation> annotations;

    private WbxmlDecoder(WbxmlLanguage language, byte[] wbxml, List<CodecWarning> warnings, List<WbxmlAnnotation> annotations) {
        this.language = language;
        this.in = new ByteReader(WireFormat.WBXML, wbxml);
        this.warnings = warnings;
        this.annotations = annotations;
    }

    /**
     * Decodes, dropping the warnings; use {@link #decode(WbxmlLanguage, byte[], List)} where a person
     * or a caller should learn what was tolerated.
     *
     * @throws DecodeException with the offset of the first byte that does not fit the grammar
     */
    public static WbxmlElement decode(WbxmlLanguage language, byte[] wbxml) {
        return decode(language, wbxml, new ArrayList<>());
    }

    /**
     * Decodes and appends to {@code warnings} what was tolerated.
     *
     * @throws DecodeException with the offset of the first byte that does not fit the grammar
     */
    public static WbxmlElement decode(WbxmlLanguage language, byte[] wbxml, List<CodecWarning> warnings) {
        return new WbxmlDecoder(language, wbxml, warnings, null).document();
    }

    /**
     * What every byte of the document is, in order: the header fields, the string table and each
     * token of the body (for a byte-by-byte view such as the IDE's Payload Inspector). Decoding is
     * the same as {@link #decode}; what it tolerates is appended to {@code warnings}.
     *
     * @throws DecodeException with the offset of the first byte that does not fit the grammar
     */
    public static List<WbxmlAnnotation> annotate(WbxmlLanguage language, byte[] wbxml, List<CodecWarning> warnings) {
        List<WbxmlAnnotation> annotations = new ArrayList<>();
        new WbxmlDecoder(language, wbxml, warnings, annotations).document();
        return List.copyOf(annotations);
    }

    /** Names the bytes from {@code start} up to the reader's position. */
    private void annotate(int start, String meaning) {
        if (annotations != null) {
            annotations.add(new WbxmlAnnotation(start, in.offset() - start, meaning, Optional.empty()));
        }
    }

    /** Names the bytes of a value or text token from {@code start}, with the string it stands for. */
    private void annotateValue(int start, int token, String part) {
        if (annotations != null) {
            annotations.add(new WbxmlAnnotation(start, in.offset() - start, valueKind(token), Optional.of(part)));
        }
    }

    private void warn(int offset, String message) {
        warnings.add(new CodecWarning("WBXML byte " + offset, message));
    }

    private WbxmlElement document() {
        int version = in.readByte("WBXML version");
        if (version < 0x01 || version > GlobalTokens.VERSION_1_3) {
            throw in.errorAt(0, "WBXML version 1.1 to 1.3 (0x01-0x03)", describe(version));
        }
        annotate(0, "version 1." + version);
        int publicIdOffset = in.offset();
        int publicId = in.readUintvar("public identifier");
        int literalPublicIdIndex = publicId == 0 ? in.readUintvar("string table index of the public identifier") : -1;
        annotate(publicIdOffset, publicId == 0 ? "public identifier: a string in the string table at " + literalPublicIdIndex
                : "public identifier " + describe(publicId) + (publicId == language.publicId() ? " (" + language.name() + ")" : ""));
        if (publicId != 0 && publicId != language.publicId()) {
            warn(publicIdOffset, "public identifier " + describe(publicId)
                    + (publicId == GlobalTokens.PUBLIC_ID_UNKNOWN ? " (unknown)" : "") + " is not "
                    + describe(language.publicId()) + " (" + language.name() + "); read with " + language.name()
                    + "'s tokens, as the content type or the caller says");
        }
        int charsetOffset = in.offset();
        int mibEnum = in.readUintvar("charset");
        charset = charset(mibEnum, charsetOffset);
        annotate(charsetOffset, "charset MIBenum " + mibEnum + " (" + charset.name() + ")");
        int tableLengthOffset = in.offset();
        int tableLength = in.readUintvar("string table length");
        stringTableOffset = in.offset();
        stringTable = in.readBytes(tableLength, "string table of " + tableLength + " bytes");
        annotate(tableLengthOffset, "string table: length " + tableLength + ", then its strings");
        if (literalPublicIdIndex >= 0) {
            String literal = tableString(literalPublicIdIndex, publicIdOffset);
            if (!literal.equals(language.formalPublicIdentifier())) {
                warn(publicIdOffset, "public identifier \"" + literal + "\" is not \"" + language.formalPublicIdentifier()
                        + "\"; read with " + language.name() + "'s tokens, as the content type or the caller says");
            }
        }
        WbxmlElement root = element();
        if (in.hasRemaining()) {
            warn(in.offset(), in.remaining() + " byte(s) after the root element's END ignored (WBXML 1.3 clause 5.3:"
                    + " the body is one element)");
        }
        int unreferenced = stringTable.length - referencedTableBytes.cardinality();
        if (unreferenced > 0) {
            warn(stringTableOffset, "string table of " + stringTable.length + " bytes has " + unreferenced
                    + " that no token references (ignored)");
        }
        return root;
    }

    /** UTF-8 as WBXML senders should write; the older charsets some still do, read as such. */
    private Charset charset(int mibEnum, int offset) {
        return switch (mibEnum) {
            case GlobalTokens.CHARSET_UTF_8 -> StandardCharsets.UTF_8;
            case 0 -> {
                warn(offset, "charset 0 (unknown) read as UTF-8");
                yield StandardCharsets.UTF_8;
            }
            case 3 -> {
                warn(offset, "charset US-ASCII (MIBenum 3) instead of UTF-8; read as US-ASCII");
                yield StandardCharsets.US_ASCII;
            }
            case 4 -> {
                warn(offset, "charset ISO-8859-1 (MIBenum 4) instead of UTF-8; read as ISO-8859-1");
                yield StandardCharsets.ISO_8859_1;
            }
            default -> throw in.errorAt(offset, "charset UTF-8 (MIBenum 106, 0x6A), US-ASCII (3) or ISO-8859-1 (4)",
                    "MIBenum " + mibEnum);
        };
    }

    private WbxmlElement element() {
        int tokenOffset = in.offset();
        int token = in.readByte("element tag");
        while (token == GlobalTokens.SWITCH_PAGE) {
            tagPage = in.readByte("tag code page");
            annotate(tokenOffset, "SWITCH_PAGE to tag page " + tagPage);
            tokenOffset = in.offset();
            token = in.readByte("element tag");
        }
        String name = tagName(token, tokenOffset);
        annotate(tokenOffset, "<" + name + ((token & GlobalTokens.HAS_ATTRIBUTES) != 0 ? " (attributes follow)" : "")
                + ((token & GlobalTokens.HAS_CONTENT) != 0 ? "" : " (empty)"));
        List<WbxmlAttribute> attributes = new ArrayList<>();
        if ((token & GlobalTokens.HAS_ATTRIBUTES) != 0) {
            attributeList(attributes);
        }
        List<WbxmlElement> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if ((token & GlobalTokens.HAS_CONTENT) != 0) {
            if (language.hasText(name)) {
                text(name, text);
            } else {
                content(name, children);
            }
        }
        return new WbxmlElement(name, attributes, children, text.toString());
    }

    /** Character content up to END; the element's text, since these languages have no mixed content. */
    private void text(String element, StringBuilder text) {
        while (true) {
            int tokenOffset = in.offset();
            int token = in.readByte("text of " + element + " or END");
            String part = switch (token) {
                case GlobalTokens.END -> null;
                case GlobalTokens.STR_I -> in.readTerminated(charset, "inline string");
                case GlobalTokens.STR_T -> tableString(in.readUintvar("string table offset"), tokenOffset);
                case GlobalTokens.ENTITY -> entity(tokenOffset);
                default -> throw in.errorAt(tokenOffset, "text of " + element + " (STR_I, STR_T, ENTITY) or END",
                        describe(token));
            };
            if (part == null) {
                annotate(tokenOffset, "END </" + element + ">");
                return;
            }
            annotateValue(tokenOffset, token, part);
            text.append(part);
        }
    }

    private String tagName(int token, int tokenOffset) {
        int code = token & GlobalTokens.TAG_CODE_MASK;
        if (code == GlobalTokens.LITERAL) {
            return literalName(in.readUintvar("string table index of a literal tag"), tokenOffset);
        }
        if (GlobalTokens.isGlobal(token)) {
            throw in.errorAt(tokenOffset, "element tag", "global token " + describe(token));
        }
        return language.tag(tagPage, code)
                .map(TagToken::name)
                .orElseThrow(() -> in.errorAt(tokenOffset,
                        "tag token of " + language.name() + " on tag page " + tagPage,
                        "unknown tag " + describe(token)));
    }

    private void attributeList(List<WbxmlAttribute> attributes) {
        while (true) {
            int tokenOffset = in.offset();
            int token = in.readByte("attribute start or END");
            switch (token) {
                case GlobalTokens.END -> {
                    annotate(tokenOffset, "END of the attribute list");
                    return;
                }
                case GlobalTokens.SWITCH_PAGE -> {
                    attributePage = in.readByte("attribute code page");
                    annotate(tokenOffset, "SWITCH_PAGE to attribute page " + attributePage);
                }
                case GlobalTokens.LITERAL -> {
                    String name = literalName(in.readUintvar("string table index of a literal attribute"), tokenOffset);
                    annotate(tokenOffset, "attribute " + name + " (LITERAL)");
                    attributes.add(new WbxmlAttribute(name, attributeValue(name, new StringBuilder())));
                }
                default -> {
                    if (token >= 0x80 || GlobalTokens.isGlobal(token)) {
                        throw in.errorAt(tokenOffset, "attribute start or END", describe(token));
                    }
                    AttributeStartToken start = language.attributeStart(attributePage, token)
                            .orElseThrow(() -> in.errorAt(tokenOffset,
                                    "attribute start token of " + language.name() + " on attribute page " + attributePage,
                                    "unknown attribute start " + describe(token)));
                    annotate(tokenOffset, "attribute " + start.attribute()
                            + (start.valuePrefix().isEmpty() ? "" : ", value starting '" + start.valuePrefix() + "'"));
                    attributes.add(new WbxmlAttribute(start.attribute(),
                            attributeValue(start.attribute(), new StringBuilder(start.valuePrefix()))));
                }
            }
        }
    }

    /** Appends value parts until the next attribute start or END, which is left unread. */
    private String attributeValue(String attribute, StringBuilder value) {
        while (true) {
            int tokenOffset = in.offset();
            int token = in.peek("attribute value, attribute start or END");
            if (token == GlobalTokens.SWITCH_PAGE) {
                // A switch may precede a value token or the next attribute start; both use the attribute page.
                in.skip();
                attributePage = in.readByte("attribute code page");
                annotate(tokenOffset, "SWITCH_PAGE to attribute page " + attributePage);
                continue;
            }
            boolean nextAttribute = (token < 0x80 && !GlobalTokens.isGlobal(token)) || token == GlobalTokens.LITERAL;
            if (nextAttribute || token == GlobalTokens.END) {
                return value.toString();
            }
            in.skip();
            String part = switch (token) {
                case GlobalTokens.STR_I -> in.readTerminated(charset, "inline string");
                case GlobalTokens.STR_T -> tableString(in.readUintvar("string table offset"), tokenOffset);
                case GlobalTokens.ENTITY -> entity(tokenOffset);
                case GlobalTokens.OPAQUE -> opaqueDateTime(attribute, tokenOffset);
                default -> {
                    if (token < 0x80 || GlobalTokens.isGlobal(token)) {
                        throw in.errorAt(tokenOffset, "attribute value (STR_I, STR_T, ENTITY or value token)",
                                "unsupported global token " + describe(token));
                    }
                    yield language.attributeValue(attributePage, token)
                            .map(AttributeValueToken::value)
                            .orElseThrow(() -> in.errorAt(tokenOffset,
                                    "attribute value token of " + language.name() + " on attribute page " + attributePage,
                                    "unknown attribute value " + describe(token)));
                }
            };
            annotateValue(tokenOffset, token, part);
            value.append(part);
        }
    }

    private String opaqueDateTime(String attribute, int tokenOffset) {
        if (!language.isDateTime(attribute)) {
            throw in.errorAt(tokenOffset, "attribute value (STR_I, STR_T, ENTITY or value token)",
                    "OPAQUE in " + attribute + ", which is not a date");
        }
        int length = in.readUintvar("OPAQUE length");
        byte[] data = in.readBytes(length, "OPAQUE date of " + length + " bytes");
        return OpaqueDateTime.decode(data).orElseThrow(() -> in.errorAt(tokenOffset,
                "OPAQUE date of at most " + OpaqueDateTime.MAX_OCTETS + " octets of two BCD digits (WAP-167 8.2.2)",
                Hex.encodeSpaced(data)));
    }

    private String entity(int tokenOffset) {
        int codePoint = in.readUintvar("entity code point");
        if (codePoint == 0 || !Character.isValidCodePoint(codePoint) || Character.getType(codePoint) == Character.SURROGATE) {
            throw in.errorAt(tokenOffset, "entity with a Unicode scalar value other than NUL", "code point " + codePoint);
        }
        return Character.toString(codePoint);
    }

    private void content(String element, List<WbxmlElement> children) {
        while (true) {
            int token = in.peek("child element or END");
            if (token == GlobalTokens.END) {
                int endOffset = in.offset();
                in.skip();
                annotate(endOffset, "END </" + element + ">");
                return;
            }
            int code = token & GlobalTokens.TAG_CODE_MASK;
            if (token != GlobalTokens.SWITCH_PAGE && code != GlobalTokens.LITERAL && GlobalTokens.isGlobal(token)) {
                throw in.error("child element or END", "global token " + describe(token) + " (content is not supported)");
            }
            children.add(element());
        }
    }

    /** Which kind of value or text token. */
    private static String valueKind(int token) {
        return switch (token) {
            case GlobalTokens.STR_I -> "STR_I inline string";
            case GlobalTokens.STR_T -> "STR_T string table reference";
            case GlobalTokens.ENTITY -> "ENTITY";
            case GlobalTokens.OPAQUE -> "OPAQUE date";
            default -> "value token " + describe(token);
        };
    }

    private String literalName(int index, int referenceOffset) {
        String name = tableString(index, referenceOffset);
        if (name.isEmpty()) {
            throw in.errorAt(referenceOffset, "non-empty literal name", "empty string at table index " + index);
        }
        return name;
    }

    private String tableString(int index, int referenceOffset) {
        if (index >= stringTable.length) {
            throw in.errorAt(referenceOffset, "string table index below " + stringTable.length, "index " + index);
        }
        int terminator = index;
        while (terminator < stringTable.length && stringTable[terminator] != 0) {
            terminator++;
        }
        if (terminator == stringTable.length) {
            throw in.errorAt(stringTableOffset + index, "NUL-terminated string in the string table", "end of table");
        }
        referencedTableBytes.set(index, terminator + 1);
        return in.decode(charset, stringTable, index, terminator - index, stringTableOffset + index, "string table entry");
    }
}
