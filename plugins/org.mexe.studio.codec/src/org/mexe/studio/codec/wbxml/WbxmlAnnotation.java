package org.mexe.studio.codec.wbxml;

import java.util.Objects;
import java.util.Optional;

/**
 * What a run of bytes of a WBXML document is: a header field, the string table, or one token of
 * the body with its inline data (a STR_I with its string, a STR_T with its offset), as a person
 * reading a hex dump wants it named. {@code offset} counts from the document's first byte;
 * {@code text} is the string a value or text token stands for, if it is one.
 */
public record WbxmlAnnotation(int offset, int length, String what, Optional<String> text) {

    public WbxmlAnnotation {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(text, "text");
    }

    /** What the bytes are, with the text they stand for quoted: {@code STR_I inline string 'web'}. */
    public String meaning() {
        return text.map(string -> what + " '" + string + "'").orElse(what);
    }

    /** The same bytes, their text replaced by {@code mask}: for printouts where the text is a secret. */
    public WbxmlAnnotation masked(String mask) {
        return new WbxmlAnnotation(offset, length, what, text.map(string -> mask));
    }
}
