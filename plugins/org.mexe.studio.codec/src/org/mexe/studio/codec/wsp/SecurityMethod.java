package org.mexe.studio.codec.wsp;

import java.util.Arrays;
import java.util.Optional;

/** Values of the SEC content-type parameter (OMA ProvBoot clause 5.3), with their wire codes. */
public enum SecurityMethod {
    NETWPIN(0x00),
    USERPIN(0x01),
    USERNETWPIN(0x02),
    USERPINMAC(0x03);

    private final int code;

    SecurityMethod(int code) {
        this.code = code;
    }

    /** The value carried as a WSP short-integer, i.e. on the wire as {@code 0x80 | code}. */
    public int code() {
        return code;
    }

    public static Optional<SecurityMethod> fromCode(int code) {
        return Arrays.stream(values()).filter(method -> method.code == code).findFirst();
    }
}
