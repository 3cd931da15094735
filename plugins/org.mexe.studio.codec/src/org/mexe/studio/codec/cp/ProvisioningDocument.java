package org.mexe.studio.codec.cp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The root {@code wap-provisioningdoc}. The PROV DTD requires its {@code version}, but documents
 * that operators send often lack it and handsets accept them, so it is optional here: a document
 * without one is written without one, and {@link ProvCont#check} warns about it.
 */
public record ProvisioningDocument(Optional<String> version, List<Characteristic> characteristics) {

    /** The only version OMA ProvCont 1.1 defines and the one with a WBXML token of its own. */
    public static final String VERSION_1_0 = "1.0";

    public ProvisioningDocument {
        Objects.requireNonNull(version, "version");
        version.ifPresent(text -> XmlText.requireName(text, "document version"));
        characteristics = List.copyOf(characteristics);
    }

    public ProvisioningDocument(String version, List<Characteristic> characteristics) {
        this(Optional.of(version), characteristics);
    }

    public ProvisioningDocument(List<Characteristic> characteristics) {
        this(VERSION_1_0, characteristics);
    }
}
