package org.mexe.studio.model.payload;

import java.util.Optional;
import java.util.random.RandomGenerator;

import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.model.payload.DeliveryPayload.Signing;
import org.mexe.studio.model.provisioning.SecurityMethod;

/**
 * How a push is signed (OMA ProvBoot 1.1 clause 5.3): the one place that turns a security method
 * and its key material into the codec's {@link CpSecurity}, for the generator (real secrets), the
 * payload validator (stand-ins) and {@code prov cp encode}. Front doors only word what is missing
 * in their own terms ({@code --pin}, {@code pin env "..."}).
 */
public final class PushSecurity {

    /** A made USERPIN (USERPIN, USERNETWPIN) has this many digits. */
    public static final int MADE_PIN_DIGITS = 8;
    /** A made USERPINMAC PIN is this many random digits and as many derived from the document: eight, as PIN prompts expect. */
    public static final int MADE_PINMAC_RANDOM_DIGITS = 4;

    private PushSecurity() {
    }

    /** The SEC method on the wire; empty for NONE, which sends the push unsigned. */
    public static Optional<org.mexe.studio.codec.wsp.SecurityMethod> onTheWire(SecurityMethod method) {
        return method == SecurityMethod.NONE ? Optional.empty()
                : Optional.of(org.mexe.studio.codec.wsp.SecurityMethod.valueOf(method.getName()));
    }

    /** USERPIN, USERNETWPIN and USERPINMAC are keyed by a PIN the user types. */
    public static boolean needsPin(org.mexe.studio.codec.wsp.SecurityMethod method) {
        return switch (method) {
            case USERPIN, USERNETWPIN, USERPINMAC -> true;
            case NETWPIN -> false;
        };
    }

    /** NETWPIN and USERNETWPIN are keyed by the subscriber's IMSI. */
    public static boolean needsImsi(org.mexe.studio.codec.wsp.SecurityMethod method) {
        return switch (method) {
            case NETWPIN, USERNETWPIN -> true;
            case USERPIN, USERPINMAC -> false;
        };
    }

    public static boolean needsPin(SecurityMethod method) {
        return onTheWire(method).map(PushSecurity::needsPin).orElse(false);
    }

    public static boolean needsImsi(SecurityMethod method) {
        return onTheWire(method).map(PushSecurity::needsImsi).orElse(false);
    }

    /** The user's PIN: one given, or one made here (for USERPINMAC only its random half, the rest comes from the document). */
    public sealed interface Pin {

        record Given(String pin) implements Pin {
            @Override
            public String toString() {
                return "Given[****]";
            }
        }

        record Made(String randomDigits) implements Pin {
            @Override
            public String toString() {
                return "Made[****]";
            }
        }

        /** Random digits for {@code method} (the first may be 0): {@value PushSecurity#MADE_PIN_DIGITS}, or {@value PushSecurity#MADE_PINMAC_RANDOM_DIGITS} for USERPINMAC. */
        static Made make(org.mexe.studio.codec.wsp.SecurityMethod method, RandomGenerator random) {
            int count = method == org.mexe.studio.codec.wsp.SecurityMethod.USERPINMAC ? MADE_PINMAC_RANDOM_DIGITS : MADE_PIN_DIGITS;
            StringBuilder digits = new StringBuilder(count);
            random.ints(count, 0, 10).forEach(digits::append);
            return new Made(digits.toString());
        }
    }

    /** A USERPINMAC PIN that cannot sign this document; the message says why, never the PIN. */
    public static final class UnusablePinException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        /** Why the PIN cannot be used. */
        public enum Fault {
            /** Not 2 to 40 digits, an even number. */
            NOT_WELL_FORMED,
            /** Its second half is not the one this document's MAC gives. */
            NOT_MADE_FOR_THIS_DOCUMENT
        }

        private final Fault fault;

        UnusablePinException(Fault fault, String message) {
            super(message);
            this.fault = fault;
        }

        public Fault fault() {
            return fault;
        }
    }

    /** As {@link #signing(org.mexe.studio.codec.wsp.SecurityMethod, Optional, Optional)}; NONE never signs. */
    public static Signing signing(SecurityMethod method, Optional<String> imsi, Optional<Pin> pin) {
        return onTheWire(method).map(wire -> signing(wire, imsi, pin)).orElseGet(Signing::none);
    }

    /**
     * The signing by {@code method}, keyed when the document's WBXML is known. The codec's rules for
     * the IMSI and the PIN apply then: a value they refuse throws {@link IllegalArgumentException}, a
     * given USERPINMAC PIN that is malformed or was made for another document {@link UnusablePinException}.
     */
    public static Signing signing(org.mexe.studio.codec.wsp.SecurityMethod method, Optional<String> imsi, Optional<Pin> pin) {
        return wbxml -> Optional.of(switch (method) {
            case NETWPIN -> new CpSecurity.NetworkPin(required(imsi, "an IMSI", method));
            case USERPIN -> new CpSecurity.UserPin(pinText(required(pin, "a PIN", method)));
            case USERNETWPIN -> new CpSecurity.UserNetworkPin(required(imsi, "an IMSI", method), pinText(required(pin, "a PIN", method)));
            case USERPINMAC -> userPinMac(required(pin, "a PIN", method), wbxml);
        });
    }

    /** USERPINMAC's PIN belongs to one document: a made one is completed by the document, a given one must be the one made for it. */
    private static CpSecurity.UserPinMac userPinMac(Pin pin, byte[] wbxml) {
        return switch (pin) {
            case Pin.Made(String randomDigits) -> CpSecurity.UserPinMac.forDocument(randomDigits, wbxml);
            case Pin.Given(String given) -> {
                if (!CpSecurity.UserPinMac.isWellFormed(given)) {
                    throw new UnusablePinException(UnusablePinException.Fault.NOT_WELL_FORMED,
                            "a USERPINMAC PIN is an even number of 2 to 40 digits");
                }
                CpSecurity.UserPinMac made = CpSecurity.UserPinMac.forDocument(given.substring(0, given.length() / 2), wbxml);
                if (!made.pin().equals(given)) {
                    throw new UnusablePinException(UnusablePinException.Fault.NOT_MADE_FOR_THIS_DOCUMENT,
                            "the USERPINMAC PIN was not made for this document (its second half derives from the document it protects)");
                }
                yield made;
            }
        };
    }

    /** The PIN the user types for {@code security}; empty for NETWPIN, which has none. */
    public static Optional<String> userPin(CpSecurity security) {
        return switch (security) {
            case CpSecurity.UserPin(String pin) -> Optional.of(pin);
            case CpSecurity.UserNetworkPin(String imsi, String pin) -> Optional.of(pin);
            case CpSecurity.UserPinMac(String pin) -> Optional.of(pin);
            case CpSecurity.NetworkPin(String imsi) -> Optional.empty();
        };
    }

    private static String pinText(Pin pin) {
        return switch (pin) {
            case Pin.Given(String given) -> given;
            case Pin.Made(String digits) -> digits;
        };
    }

    private static <T> T required(Optional<T> value, String what, org.mexe.studio.codec.wsp.SecurityMethod method) {
        return value.orElseThrow(() -> new IllegalArgumentException(method + " needs " + what));
    }
}
