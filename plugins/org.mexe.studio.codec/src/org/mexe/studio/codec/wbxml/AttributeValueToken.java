package org.mexe.studio.codec.wbxml;

/**
 * An attribute-value token. {@code encodable} is false for tokens a decoder must understand but an
 * encoder should not emit because deployed peers do not know them.
 */
public record AttributeValueToken(int page, int code, String value, boolean encodable) implements WbxmlToken {
}
