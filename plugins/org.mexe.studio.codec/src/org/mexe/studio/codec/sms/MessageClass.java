package org.mexe.studio.codec.sms;

/** TP-DCS message class (3GPP TS 23.038 clause 4): where the receiving phone puts the message. */
public enum MessageClass {
    /** Flash: shown at once, not stored. */
    CLASS_0,
    /** Mobile equipment specific. */
    CLASS_1,
    /** (U)SIM specific, e.g. SIM OTA data download. */
    CLASS_2,
    /** Terminal equipment specific. */
    CLASS_3
}
