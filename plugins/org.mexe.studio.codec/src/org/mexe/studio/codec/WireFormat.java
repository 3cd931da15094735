package org.mexe.studio.codec;

/** The binary layer a {@link DecodeException} refers to; its offsets count bytes of that layer. */
public enum WireFormat {
    WBXML,
    WSP,
    SMS_TPDU,
    SIM_OTA
}
