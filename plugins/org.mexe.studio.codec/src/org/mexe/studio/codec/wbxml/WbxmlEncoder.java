package org.mexe.studio.codec.wbxml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.mexe.studio.codec.internal.Uintvar;
import org.mexe.studio.codec.wbxml.StringTable.StringUse;

/**
 * Encodes an element tree as WBXML (1.3 unless told otherwise), UTF-8. Names and values with a
 * token in the language use it (switching code page only when page 0 lacks the token); other names
 * are written as {@code LITERAL}, other values and text as inline strings or string-table
 * references, whichever is shorter (see {@link StringTable}). Where the language allows, a value
 * starts with the longest prefix token, uses value tokens inside it, or is an OPAQUE date, as
 * libwbxml does for SI and SL. The output depends only on the tree, never on the environment.
 */
public final class WbxmlEncoder {

    private sealed interface NamePart permits TokenName, LiteralName {
    }

    private record TokenName(AttributeStartToken token) implements NamePart {
    }

    private record LiteralName(String name) implements NamePart {
    }

    private sealed interface ValuePart permits TokenValue, StringValue, OpaqueValue {
    }

    private record TokenValue(AttributeValueToken token) implements ValuePart {
    }

    private record StringValue(String text) implements ValuePart {
    }

    private record OpaqueValue(byte[] data) implements ValuePart {
    }

    /** An empty value list writes the attribute start alone. */
    private record AttributePlan(NamePart name, List<ValuePart> value) {
    }

    private final WbxmlLanguage language;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    /** Each attribute's plan, made while collecting the strings and used again while writing. */
    private final Map<WbxmlAttribute, AttributePlan> plans = new IdentityHashMap<>();
    private StringTable strings;
    private int tagPage;
    private int attributePage;

    private WbxmlEncoder(WbxmlLanguage language) {
        this.language = language;
    }

    public static byte[] encode(WbxmlLanguage language, WbxmlElement root) {
        return encode(language, root, WbxmlVersion.V1_3);
    }

    /** The version octet changes nothing else: the token grammar used here is valid in 1.1 to 1.3. */
    public static byte[] encode(WbxmlLanguage language, WbxmlElement root, WbxmlVersion version) {
        return new WbxmlEncoder(language).encode(root, version);
    }

    private byte[] encode(WbxmlElement root, WbxmlVersion version) {
        List<StringUse> uses = new ArrayList<>();
        collectStrings(root, uses);
        strings = StringTable.plan(uses);
        byte[] table = strings.bytes();

        out.write(version.code());
        Uintvar.write(out, language.publicId());
        Uintvar.write(out, GlobalTokens.CHARSET_UTF_8);
        Uintvar.write(out, table.length);
        out.writeBytes(table);
        writeElement(root);
        return out.toByteArray();
    }

    private void collectStrings(WbxmlElement element, List<StringUse> uses) {
        if (language.tag(element.name()).isEmpty()) {
            uses.add(new StringUse(element.name(), true));
        }
        for (WbxmlAttribute attribute : element.attributes()) {
            AttributePlan plan = plans.computeIfAbsent(attribute, this::plan);
            if (plan.name() instanceof LiteralName literal) {
                uses.add(new StringUse(literal.name(), true));
            }
            for (ValuePart part : plan.value()) {
                if (part instanceof StringValue string) {
                    uses.add(new StringUse(string.text(), false));
                }
            }
        }
        if (!element.text().isEmpty()) {
            uses.add(new StringUse(element.text(), false));
        }
        element.children().forEach(child -> collectStrings(child, uses));
    }

    private AttributePlan plan(WbxmlAttribute attribute) {
        String value = attribute.value();
        var wholeAttribute = language.attributeStart(attribute.name(), value);
        if (wholeAttribute.isPresent()) {
            return new AttributePlan(new TokenName(wholeAttribute.get()), List.of());
        }
        NamePart name = language.attributeStart(attribute.name(), "")
                .<NamePart>map(TokenName::new)
                .orElseGet(() -> new LiteralName(attribute.name()));
        if (language.isDateTime(attribute.name())) {
            var date = OpaqueDateTime.encode(value);
            if (date.isPresent()) {
                return new AttributePlan(name, List.of(new OpaqueValue(date.get())));
            }
        }
        var prefix = language.longestPrefixStart(attribute.name(), value);
        if (prefix.isPresent()) {
            return new AttributePlan(new TokenName(prefix.get()), planValue(value.substring(prefix.get().valuePrefix().length())));
        }
        return new AttributePlan(name, planValue(value));
    }

    private List<ValuePart> planValue(String value) {
        if (value.isEmpty()) {
            return List.of();
        }
        var whole = language.attributeValue(value);
        if (whole.isPresent()) {
            return List.of(new TokenValue(whole.get()));
        }
        List<ValuePart> parts = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int index = 0;
        while (index < value.length()) {
            var token = language.inlineValueAt(value, index);
            // A token inside a string costs at most 3 octets (itself and a second STR_I ... NUL): worth it from 4 characters.
            if (token.isPresent() && StringTable.utf8Length(token.get().value()) > 3) {
                if (!pending.isEmpty()) {
                    parts.add(new StringValue(pending.toString()));
                    pending.setLength(0);
                }
                parts.add(new TokenValue(token.get()));
                index += token.get().value().length();
            } else {
                pending.append(value.charAt(index));
                index++;
            }
        }
        if (!pending.isEmpty()) {
            parts.add(new StringValue(pending.toString()));
        }
        return parts;
    }

    private void writeElement(WbxmlElement element) {
        boolean hasAttributes = !element.attributes().isEmpty();
        boolean hasContent = !element.children().isEmpty() || !element.text().isEmpty() || language.isContainer(element.name());
        int flags = (hasAttributes ? GlobalTokens.HAS_ATTRIBUTES : 0) | (hasContent ? GlobalTokens.HAS_CONTENT : 0);

        var token = language.tag(element.name());
        if (token.isPresent()) {
            switchTagPage(token.get().page());
            out.write(token.get().code() | flags);
        } else {
            out.write(GlobalTokens.LITERAL | flags);
            Uintvar.write(out, strings.literalOffset(element.name()));
        }
        if (hasAttributes) {
            element.attributes().forEach(this::writeAttribute);
            out.write(GlobalTokens.END);
        }
        if (hasContent) {
            if (!element.text().isEmpty()) {
                writeString(element.text());
            }
            element.children().forEach(this::writeElement);
            out.write(GlobalTokens.END);
        }
    }

    private void writeAttribute(WbxmlAttribute attribute) {
        AttributePlan plan = plans.get(attribute);
        switch (plan.name()) {
            case TokenName(AttributeStartToken token) -> {
                switchAttributePage(token.page());
                out.write(token.code());
            }
            case LiteralName(String name) -> {
                out.write(GlobalTokens.LITERAL);
                Uintvar.write(out, strings.literalOffset(name));
            }
        }
        for (ValuePart part : plan.value()) {
            switch (part) {
                case TokenValue(AttributeValueToken token) -> {
                    switchAttributePage(token.page());
                    out.write(token.code());
                }
                case StringValue(String text) -> writeValueString(text);
                case OpaqueValue(byte[] data) -> {
                    out.write(GlobalTokens.OPAQUE);
                    Uintvar.write(out, data.length);
                    out.writeBytes(data);
                }
            }
        }
    }

    /**
     * An attribute value may also start with a string-table entry and go on inline
     * ({@code STR_T} offset, {@code STR_I} rest), as libwbxml does: taken when strictly shorter.
     */
    private void writeValueString(String text) {
        var prefix = strings.longestPrefixReference(text);
        if (prefix.isPresent() && strings.referenceFor(text).isEmpty()) {
            String rest = text.substring(prefix.get().text().length());
            int split = 1 + Uintvar.length(prefix.get().offset()) + 1 + StringTable.utf8Length(rest) + 1;
            if (split < 1 + StringTable.utf8Length(text) + 1) {
                out.write(GlobalTokens.STR_T);
                Uintvar.write(out, prefix.get().offset());
                out.write(GlobalTokens.STR_I);
                out.writeBytes(rest.getBytes(StandardCharsets.UTF_8));
                out.write(0);
                return;
            }
        }
        writeString(text);
    }

    private void writeString(String text) {
        OptionalInt reference = strings.referenceFor(text);
        if (reference.isPresent()) {
            out.write(GlobalTokens.STR_T);
            Uintvar.write(out, reference.getAsInt());
        } else {
            out.write(GlobalTokens.STR_I);
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
    }

    private void switchTagPage(int page) {
        if (page != tagPage) {
            out.write(GlobalTokens.SWITCH_PAGE);
            out.write(page);
            tagPage = page;
        }
    }

    private void switchAttributePage(int page) {
        if (page != attributePage) {
            out.write(GlobalTokens.SWITCH_PAGE);
            out.write(page);
            attributePage = page;
        }
    }
}
