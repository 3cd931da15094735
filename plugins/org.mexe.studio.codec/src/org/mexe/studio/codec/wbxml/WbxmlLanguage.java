package org.mexe.studio.codec.wbxml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The token tables of one WBXML document type, built from a plain-text table so that a new
 * language (or a corrected token) is a data change. Each line of the table is one of
 *
 * <pre>
 * tag               PAGE CODE element
 * attr              PAGE CODE attribute [value-prefix]
 * value             PAGE CODE value
 * value-decode-only PAGE CODE value
 * attr-prefix       PAGE CODE attribute value-prefix
 * value-inline      PAGE CODE value
 * text              element
 * datetime          attribute
 * </pre>
 *
 * with PAGE and CODE in hex; blank lines and lines starting with {@code #} are ignored.
 * {@code attr} and {@code value} tokens stand for a whole value when encoding (PROV receivers
 * expect that); {@code attr-prefix} tokens may also begin a longer value and {@code value-inline}
 * tokens may also stand anywhere inside one, as SI and SL use their URL prefix and suffix tokens.
 * {@code text} names an element with character content, {@code datetime} an attribute whose value
 * is an OPAQUE date (WAP-167 clause 8.2.2).
 *
 * <p>For encoding, the lowest code page that defines a name wins: the encoder uses page 0 whenever
 * page 0 has the token and switches only for tokens that exist solely on a later page. libwbxml encodes the same way, and Wireshark depends on it because
 * its tables omit tokens that page 1 merely repeats (PROV {@code name=}/{@code value=}).
 */
public final class WbxmlLanguage {

    private record PageCode(int page, int code) {
    }

    private record AttributeKey(String attribute, String valuePrefix) {
    }

    private final String name;
    private final int publicId;
    private final String formalPublicIdentifier;
    private final Set<String> containerTags;

    private final Map<String, TagToken> tagsByName = new HashMap<>();
    private final Map<PageCode, TagToken> tagsByCode = new HashMap<>();
    private final Map<AttributeKey, AttributeStartToken> attributeStartsByName = new HashMap<>();
    private final Map<PageCode, AttributeStartToken> attributeStartsByCode = new HashMap<>();
    private final Map<String, AttributeValueToken> attributeValuesByValue = new HashMap<>();
    private final Map<PageCode, AttributeValueToken> attributeValuesByCode = new HashMap<>();
    private final Map<String, List<AttributeStartToken>> prefixStartsByAttribute = new HashMap<>();
    /** Inline value tokens by their first character, longest first: the encoder asks at every character of a value. */
    private final Map<Character, List<AttributeValueToken>> inlineValuesByFirstChar = new HashMap<>();
    private final Set<String> textElements = new HashSet<>();
    private final Set<String> dateTimeAttributes = new HashSet<>();

    /**
     * @param containerTags elements always encoded with the content flag, even when empty, as the
     *                      language's reference encodings do
     */
    public static WbxmlLanguage fromTable(String name, int publicId, String formalPublicIdentifier,
            Set<String> containerTags, String tokenTable) {
        WbxmlLanguage language = new WbxmlLanguage(name, publicId, formalPublicIdentifier, containerTags);
        tokenTable.lines().forEach(language::addLine);
        return language;
    }

    private WbxmlLanguage(String name, int publicId, String formalPublicIdentifier, Set<String> containerTags) {
        this.name = name;
        this.publicId = publicId;
        this.formalPublicIdentifier = formalPublicIdentifier;
        this.containerTags = Set.copyOf(containerTags);
    }

    public String name() {
        return name;
    }

    /** The WBXML public identifier token, e.g. 0x0B for PROV 1.0. */
    public int publicId() {
        return publicId;
    }

    /** The SGML formal public identifier, used when a document carries its public id literally. */
    public String formalPublicIdentifier() {
        return formalPublicIdentifier;
    }

    public boolean isContainer(String tag) {
        return containerTags.contains(tag);
    }

    public Optional<TagToken> tag(String element) {
        return Optional.ofNullable(tagsByName.get(element));
    }

    public Optional<TagToken> tag(int page, int code) {
        return Optional.ofNullable(tagsByCode.get(new PageCode(page, code)));
    }

    public Optional<AttributeStartToken> attributeStart(String attribute, String valuePrefix) {
        return Optional.ofNullable(attributeStartsByName.get(new AttributeKey(attribute, valuePrefix)));
    }

    public Optional<AttributeStartToken> attributeStart(int page, int code) {
        return Optional.ofNullable(attributeStartsByCode.get(new PageCode(page, code)));
    }

    /** Whether the element has character content rather than child elements. */
    public boolean hasText(String element) {
        return textElements.contains(element);
    }

    /** Whether the attribute's value is a date an encoder writes as OPAQUE (WAP-167 clause 8.2.2). */
    public boolean isDateTime(String attribute) {
        return dateTimeAttributes.contains(attribute);
    }

    /** The attribute start with the longest prefix that begins, but is shorter than, {@code value}. */
    public Optional<AttributeStartToken> longestPrefixStart(String attribute, String value) {
        AttributeStartToken longest = null;
        for (AttributeStartToken token : prefixStartsByAttribute.getOrDefault(attribute, List.of())) {
            String prefix = token.valuePrefix();
            if (value.length() > prefix.length() && value.startsWith(prefix)
                    && (longest == null || prefix.length() > longest.valuePrefix().length())) {
                longest = token;
            }
        }
        return Optional.ofNullable(longest);
    }

    /** The longest value token an encoder may use inside a value at {@code index}. */
    public Optional<AttributeValueToken> inlineValueAt(String value, int index) {
        for (AttributeValueToken token : inlineValuesByFirstChar.getOrDefault(value.charAt(index), List.of())) {
            if (value.startsWith(token.value(), index)) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    /** The token an encoder may use for exactly this value. */
    public Optional<AttributeValueToken> attributeValue(String value) {
        return Optional.ofNullable(attributeValuesByValue.get(value));
    }

    public Optional<AttributeValueToken> attributeValue(int page, int code) {
        return Optional.ofNullable(attributeValuesByCode.get(new PageCode(page, code)));
    }

    private void addLine(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return;
        }
        String[] fields = trimmed.split("\\s+");
        if (fields.length == 2 && fields[0].equals("text")) {
            textElements.add(fields[1]);
            return;
        }
        if (fields.length == 2 && fields[0].equals("datetime")) {
            dateTimeAttributes.add(fields[1]);
            return;
        }
        if (fields.length < 4 || fields.length > 5) {
            throw new IllegalArgumentException(name + ": malformed token line '" + line + "'");
        }
        int page = Integer.parseInt(fields[1], 16);
        int code = Integer.parseInt(fields[2], 16);
        PageCode key = new PageCode(page, code);
        switch (fields[0]) {
            case "tag" -> {
                requireCode(line, code, code >= 0x05 && code <= 0x3F);
                TagToken token = new TagToken(page, code, fields[3]);
                putUnique(tagsByCode, key, token, line);
                tagsByName.merge(token.name(), token, WbxmlLanguage::lowerPage);
            }
            case "attr", "attr-prefix" -> {
                requireCode(line, code, code < 0x80 && !GlobalTokens.isGlobal(code));
                AttributeStartToken token = new AttributeStartToken(page, code, fields[3],
                        fields.length == 5 ? fields[4] : "");
                putUnique(attributeStartsByCode, key, token, line);
                attributeStartsByName.merge(new AttributeKey(token.attribute(), token.valuePrefix()), token,
                        WbxmlLanguage::lowerPage);
                if (fields[0].equals("attr-prefix")) {
                    prefixStartsByAttribute.computeIfAbsent(token.attribute(), attribute -> new ArrayList<>()).add(token);
                }
            }
            case "value", "value-decode-only", "value-inline" -> {
                requireCode(line, code, code >= 0x80 && !GlobalTokens.isGlobal(code));
                boolean encodable = !fields[0].equals("value-decode-only");
                AttributeValueToken token = new AttributeValueToken(page, code, fields[3], encodable);
                putUnique(attributeValuesByCode, key, token, line);
                if (encodable) {
                    attributeValuesByValue.merge(token.value(), token, WbxmlLanguage::lowerPage);
                }
                if (fields[0].equals("value-inline")) {
                    List<AttributeValueToken> sameStart =
                            inlineValuesByFirstChar.computeIfAbsent(token.value().charAt(0), first -> new ArrayList<>());
                    sameStart.add(token);
                    // Stable: of two tokens for the same text, the one listed first stays first.
                    sameStart.sort(Comparator.comparingInt((AttributeValueToken each) -> each.value().length()).reversed());
                }
            }
            default -> throw new IllegalArgumentException(name + ": unknown token kind in '" + line + "'");
        }
    }

    private static <T extends WbxmlToken> T lowerPage(T first, T second) {
        return first.page() <= second.page() ? first : second;
    }

    private void requireCode(String line, int code, boolean valid) {
        if (!valid) {
            throw new IllegalArgumentException(name + ": code 0x%02X out of range in '%s'".formatted(code, line));
        }
    }

    private <T> void putUnique(Map<PageCode, T> map, PageCode key, T token, String line) {
        if (map.putIfAbsent(key, token) != null) {
            throw new IllegalArgumentException(name + ": duplicate token in '" + line + "'");
        }
    }
}
