package org.mexe.studio.codec.cp;

import org.mexe.studio.codec.InvalidDocumentException;

/** Guards document strings so that every tree can be written as XML 1.0 and as WBXML. */
final class XmlText {

    private XmlText() {
    }

    static String requireName(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidDocumentException(what, "must not be empty: the PROV 1.0 DTD makes it a #REQUIRED attribute");
        }
        return requireCharacters(text, what);
    }

    /** XML 1.0 Char production; this also rejects NUL, which WBXML strings cannot carry. */
    static String requireCharacters(String text, String what) {
        text.codePoints()
                .filter(c -> !(c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                        || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF))
                .findFirst()
                .ifPresent(c -> {
                    throw new InvalidDocumentException(what, "contains U+%04X, which XML 1.0 cannot carry (production [2] Char; WBXML strings end at NUL)".formatted(c));
                });
        return text;
    }
}
