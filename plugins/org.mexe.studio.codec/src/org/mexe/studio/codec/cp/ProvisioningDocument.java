package org.mexe.studio.codec.cp;

import java.util.List;

/** The root {@code wap-provisioningdoc}. */
public record ProvisioningDocument(String version, List<Characteristic> characteristics) {

    /** The only version OMA ProvCont 1.1 defines and the one with a WBXML token of its own. */
    public static final String VERSION_1_0 = "1.0";

    public ProvisioningDocument {
        XmlText.requireName(version, "document version");
        characteristics = List.copyOf(characteristics);
    }

    public ProvisioningDocument(List<Characteristic> characteristics) {
        this(VERSION_1_0, characteristics);
    }
}
