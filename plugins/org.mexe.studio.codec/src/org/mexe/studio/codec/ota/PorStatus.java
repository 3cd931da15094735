package org.mexe.studio.codec.ota;

import java.util.Arrays;
import java.util.Optional;

/** Response status codes of a Proof of Receipt, ETSI TS 102 225 table 5.6 and TS 31.115 clause 5. */
public enum PorStatus {
    POR_OK(0x00),
    RC_CC_DS_FAILED(0x01),
    CNTR_LOW(0x02),
    CNTR_HIGH(0x03),
    CNTR_BLOCKED(0x04),
    CIPHERING_ERROR(0x05),
    UNIDENTIFIED_SECURITY_ERROR(0x06),
    INSUFFICIENT_MEMORY(0x07),
    MORE_TIME_NEEDED(0x08),
    TAR_UNKNOWN(0x09),
    INSUFFICIENT_SECURITY_LEVEL(0x0A),
    RESPONSE_IN_SMS_SUBMIT(0x0B),
    RESPONSE_IN_USSD(0x0C);

    private final int code;

    PorStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Empty for reserved codes, which a card may still send. */
    public static Optional<PorStatus> of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }
}
