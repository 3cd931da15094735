package org.mexe.studio.codec.wbxml;

/** WBXML 1.3 global tokens (WAP-192 clause 7.1), valid on every code page. */
final class GlobalTokens {

    static final int SWITCH_PAGE = 0x00;
    static final int END = 0x01;
    static final int ENTITY = 0x02;
    static final int STR_I = 0x03;
    static final int LITERAL = 0x04;
    static final int STR_T = 0x83;
    static final int OPAQUE = 0xC3;

    /** Tag octet flags. */
    static final int HAS_ATTRIBUTES = 0x80;
    static final int HAS_CONTENT = 0x40;
    static final int TAG_CODE_MASK = 0x3F;

    static final int VERSION_1_3 = 0x03;
    static final int CHARSET_UTF_8 = 0x6A;
    /** WBXML 1.3 clause 7.2.1: "unknown or missing public identifier". */
    static final int PUBLIC_ID_UNKNOWN = 0x01;

    private GlobalTokens() {
    }

    /** Global tokens occupy the first five codes of each 64-token quarter. */
    static boolean isGlobal(int token) {
        return (token & TAG_CODE_MASK) <= LITERAL;
    }
}
