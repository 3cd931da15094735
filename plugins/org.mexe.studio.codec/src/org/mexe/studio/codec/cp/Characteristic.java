package org.mexe.studio.codec.cp;

import java.util.List;

/**
 * A {@code characteristic}: its type, its parms and its nested characteristics, each list in
 * document order. Serialisations write the parms before the nested characteristics, the order
 * every ProvCont example uses.
 */
public record Characteristic(String type, List<Parm> parms, List<Characteristic> characteristics) {

    public Characteristic {
        XmlText.requireName(type, "characteristic type");
        parms = List.copyOf(parms);
        characteristics = List.copyOf(characteristics);
    }

    public Characteristic(String type, List<Parm> parms) {
        this(type, parms, List.of());
    }
}
