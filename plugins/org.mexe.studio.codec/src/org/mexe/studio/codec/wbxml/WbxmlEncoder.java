package org.mexe.studio.codec.wbxml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.mexe.studio.codec.internal.Uintvar;
import org.mexe.studio.codec.wbxml.StringTable.StringUse;

/**
 * Encodes an element tree as WBXML 1.3, UTF-8. Names and values with a token in the language use
 * it (switching code page only when page 0 lacks the token); other names are written as
 * {@code LITERAL}, other values as inline strings or string-table references, whichever is shorter
 * (see {@link StringTable}). The output depends only on the tree, never on the environment.
 */
public final class WbxmlEncoder {

    private sealed interface NamePart permits TokenName, LiteralName {
    }

    private record TokenName(AttributeStartToken token) implements NamePart {
    }

    private record LiteralName(String name) implements NamePart {
    }

    private sealed interface ValuePart permits NoValue, TokenValue, StringValue {
    }

    private record NoValue() implements ValuePart {
    }

    private record TokenValue(AttributeValueToken token) implements ValuePart {
    }

    private record StringValue(String text) implements ValuePart {
    }

    private record AttributePlan(NamePart name, ValuePart value) {
    }

    private final WbxmlLanguage language;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private StringTable strings;
    private int tagPage;
    private int attributePage;

    private WbxmlEncoder(WbxmlLanguage language) {
        this.language = language;
    }

    public static byte[] encode(WbxmlLanguage language, WbxmlElement root) {
        return new WbxmlEncoder(language).encode(root);
    }

    private byte[] encode(WbxmlElement root) {
        List<StringUse> uses = new ArrayList<>();
        collectStrings(root, uses);
        strings = StringTable.plan(uses);
        byte[] table = strings.bytes();

        out.write(GlobalTokens.VERSION_1_3);
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
            AttributePlan plan = plan(attribute);
            if (plan.name() instanceof LiteralName literal) {
                uses.add(new StringUse(literal.name(), true));
            }
            if (plan.value() instanceof StringValue string) {
                uses.add(new StringUse(string.text(), false));
            }
        }
        element.children().forEach(child -> collectStrings(child, uses));
    }

    private AttributePlan plan(WbxmlAttribute attribute) {
        var wholeAttribute = language.attributeStart(attribute.name(), attribute.value());
        if (wholeAttribute.isPresent()) {
            return new AttributePlan(new TokenName(wholeAttribute.get()), new NoValue());
        }
        NamePart name = language.attributeStart(attribute.name(), "")
                .<NamePart>map(TokenName::new)
                .orElseGet(() -> new LiteralName(attribute.name()));
        return new AttributePlan(name, planValue(attribute.value()));
    }

    private ValuePart planValue(String value) {
        if (value.isEmpty()) {
            return new NoValue();
        }
        return language.attributeValue(value)
                .<ValuePart>map(TokenValue::new)
                .orElseGet(() -> new StringValue(value));
    }

    private void writeElement(WbxmlElement element) {
        boolean hasAttributes = !element.attributes().isEmpty();
        boolean hasContent = !element.children().isEmpty() || language.isContainer(element.name());
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
            element.children().forEach(this::writeElement);
            out.write(GlobalTokens.END);
        }
    }

    private void writeAttribute(WbxmlAttribute attribute) {
        AttributePlan plan = plan(attribute);
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
        switch (plan.value()) {
            case NoValue() -> {
            }
            case TokenValue(AttributeValueToken token) -> {
                switchAttributePage(token.page());
                out.write(token.code());
            }
            case StringValue(String text) -> writeString(text);
        }
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
