package org.mexe.studio.codec.wbxml;

/** A tag token: the low six bits of the tag octet on a given tag code page. */
public record TagToken(int page, int code, String name) implements WbxmlToken {
}
