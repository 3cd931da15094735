package org.mexe.studio.model.payload;

import org.mexe.studio.model.provisioning.DeliveryFormat;
import org.mexe.studio.model.provisioning.ParameterSet;

/**
 * A parameter that a delivery format cannot carry: the mapping leaves it out and says so, so that
 * the validator and the generator can warn instead of dropping it silently.
 *
 * @param set       the parameter set as listed in the delivery (the value may be inherited)
 * @param parameter the parameter as the language writes it, e.g. {@code ipv6 six-to-four}
 * @param reason    why the format cannot carry it, and what would
 */
public record NotCarried(ParameterSet set, String parameter, String reason) {

    /** Stable issue code of these warnings, shared by the validator and the generator. */
    public static final String CODE = "org.mexe.studio.payload.notCarried";

    public String message(DeliveryFormat format) {
        return "The " + formatName(format) + " document cannot carry " + parameter + " of the parameter set '"
                + set.getName() + "': " + reason;
    }

    static String formatName(DeliveryFormat format) {
        return switch (format) {
            case OMA_CP -> "OMA Client Provisioning";
            case NOKIA_OTA -> "Nokia OTA";
        };
    }
}
