package org.mexe.studio.codec.wbxml;

/**
 * An attribute-start token: the attribute name and the beginning of its value ({@code ""} when
 * the token names the attribute only, e.g. PROV {@code name=} versus {@code name="NAME"}).
 */
public record AttributeStartToken(int page, int code, String attribute, String valuePrefix) implements WbxmlToken {
}
