package org.mexe.studio.codec.wbxml;

/**
 * What a run of bytes of a WBXML document is: a header field, the string table, or one token of
 * the body with its inline data (a STR_I with its string, a STR_T with its offset), as a person
 * reading a hex dump wants it named. {@code offset} counts from the document's first byte.
 */
public record WbxmlAnnotation(int offset, int length, String meaning) {
}
