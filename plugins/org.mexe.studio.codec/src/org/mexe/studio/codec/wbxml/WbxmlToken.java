package org.mexe.studio.codec.wbxml;

/** A language-specific token: a code on a code page. */
public sealed interface WbxmlToken permits TagToken, AttributeStartToken, AttributeValueToken {

    int page();

    int code();
}
