package org.mexe.studio.codec.wbxml;

/** The WBXML version octet of a document header (WAP-192 clause 5.4). */
public enum WbxmlVersion {
    V1_1(0x01),
    V1_2(0x02),
    V1_3(0x03);

    private final int code;

    WbxmlVersion(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
