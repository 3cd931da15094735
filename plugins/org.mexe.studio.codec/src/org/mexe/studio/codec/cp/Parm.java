package org.mexe.studio.codec.cp;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code parm}: a name and, usually, a value. Some parms are flags without a value
 * (ProvCont's {@code T-BIT}), which is why the value is optional and distinct from {@code ""}.
 */
public record Parm(String name, Optional<String> value) {

    public Parm {
        XmlText.requireName(name, "parm name");
        Objects.requireNonNull(value, "value");
        value.ifPresent(text -> XmlText.requireCharacters(text, "value of parm " + name));
    }

    public Parm(String name, String value) {
        this(name, Optional.of(value));
    }

    public static Parm flag(String name) {
        return new Parm(name, Optional.empty());
    }
}
