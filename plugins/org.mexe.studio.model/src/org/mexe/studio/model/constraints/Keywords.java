package org.mexe.studio.model.constraints;

import java.util.Locale;

import org.eclipse.emf.common.util.Enumerator;

/** How the .prov text writes an enumeration's value: {@code OMA_CP} is {@code oma-cp}, for messages, hovers and traces. */
public final class Keywords {

    private Keywords() {
    }

    public static String of(Enumerator literal) {
        return literal.getName().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
