package org.mexe.studio.codec.cp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mexe.studio.codec.CodecWarning;
import org.mexe.studio.codec.InvalidDocumentException;
import org.mexe.studio.codec.wbxml.WbxmlAttribute;
import org.mexe.studio.codec.wbxml.WbxmlElement;

/**
 * Maps between the provisioning records and the generic element tree, so that XML and WBXML input
 * pass the same structural checks and report them with the same element paths.
 *
 * <p>Reading is as lenient as a handset: what the PROV 1.0 DTD does not allow but a receiver can
 * skip (an element other than characteristic or parm, an attribute the DTD does not declare, a
 * characteristic without type, a parm without name, content inside a parm) is left out, each a
 * {@link CodecWarning} naming the element and the rule. Names and values are kept as received
 * ({@link ProvCont#check} says what is odd about them). Only a document that is not a provisioning document at all (another root element)
 * is refused.
 */
final class ProvElements {

    private static final String CHARACTERISTIC = "characteristic";
    private static final String PARM = "parm";

    private ProvElements() {
    }

    static WbxmlElement toElement(ProvisioningDocument document) {
        return new WbxmlElement(ProvLanguage.ROOT_ELEMENT,
                document.version().map(version -> List.of(new WbxmlAttribute("version", version))).orElse(List.of()),
                document.characteristics().stream().map(ProvElements::toElement).toList());
    }

    private static WbxmlElement toElement(Characteristic characteristic) {
        List<WbxmlElement> children = new ArrayList<>();
        characteristic.parms().forEach(parm -> children.add(toElement(parm)));
        characteristic.characteristics().forEach(nested -> children.add(toElement(nested)));
        return new WbxmlElement(CHARACTERISTIC, List.of(new WbxmlAttribute("type", characteristic.type())), children);
    }

    private static WbxmlElement toElement(Parm parm) {
        List<WbxmlAttribute> attributes = new ArrayList<>();
        attributes.add(new WbxmlAttribute("name", parm.name()));
        parm.value().ifPresent(value -> attributes.add(new WbxmlAttribute("value", value)));
        return new WbxmlElement(PARM, attributes, List.of());
    }

    /** Reads the tree, dropping the warnings. */
    static ProvisioningDocument fromElement(WbxmlElement root) {
        return fromElement(root, new ArrayList<>());
    }

    /**
     * Reads the tree and appends to {@code warnings} what was tolerated, then what {@link ProvCont#check}
     * finds in the document.
     *
     * @throws InvalidDocumentException when the root is not wap-provisioningdoc
     */
    static ProvisioningDocument fromElement(WbxmlElement root, List<CodecWarning> warnings) {
        if (root == null) {
            throw new InvalidDocumentException("/", "no root element: a provisioning document is one wap-provisioningdoc"
                    + " element (PROV 1.0 DTD)");
        }
        String path = "/" + root.name();
        if (!root.name().equals(ProvLanguage.ROOT_ELEMENT)) {
            throw new InvalidDocumentException(path, "root element must be " + ProvLanguage.ROOT_ELEMENT
                    + " (PROV 1.0 DTD, OMA ProvCont 1.1 clause 5.1)");
        }
        Optional<String> version = attributes(root, path, Set.of("version"), warnings).stream()
                .filter(attribute -> attribute.name().equals("version"))
                .map(WbxmlAttribute::value)
                .findFirst();
        if (version.isPresent() && version.get().isBlank()) {
            warnings.add(new CodecWarning(path, "empty version attribute read as none"));
            version = Optional.empty();
        }
        List<Characteristic> characteristics = new ArrayList<>();
        for (int i = 0; i < root.children().size(); i++) {
            WbxmlElement child = root.children().get(i);
            String childPath = childPath(path, child, i);
            if (!child.name().equals(CHARACTERISTIC)) {
                warnings.add(new CodecWarning(childPath, "element " + child.name() + " skipped: the PROV 1.0 DTD allows"
                        + " only characteristic inside wap-provisioningdoc"));
                continue;
            }
            characteristic(child, childPath, warnings).ifPresent(characteristics::add);
        }
        ProvisioningDocument document = new ProvisioningDocument(version, characteristics);
        warnings.addAll(ProvCont.check(document));
        return document;
    }

    private static Optional<Characteristic> characteristic(WbxmlElement element, String path, List<CodecWarning> warnings) {
        List<WbxmlAttribute> attributes = attributes(element, path, Set.of("type"), warnings);
        Optional<String> type = name(attributes, "type", path, warnings);
        if (type.isEmpty()) {
            warnings.add(new CodecWarning(path, "characteristic without type skipped with its content: the PROV 1.0"
                    + " DTD makes type #REQUIRED"));
            return Optional.empty();
        }
        List<Parm> parms = new ArrayList<>();
        List<Characteristic> nested = new ArrayList<>();
        for (int i = 0; i < element.children().size(); i++) {
            WbxmlElement child = element.children().get(i);
            String childPath = childPath(path, child, i);
            switch (child.name()) {
                case PARM -> parm(child, childPath, warnings).ifPresent(parms::add);
                case CHARACTERISTIC -> characteristic(child, childPath, warnings).ifPresent(nested::add);
                default -> warnings.add(new CodecWarning(childPath, "element " + child.name() + " skipped: the PROV 1.0"
                        + " DTD allows only parm and characteristic inside characteristic"));
            }
        }
        return Optional.of(new Characteristic(type.get(), parms, nested));
    }

    private static Optional<Parm> parm(WbxmlElement element, String path, List<CodecWarning> warnings) {
        List<WbxmlAttribute> attributes = attributes(element, path, Set.of("name", "value"), warnings);
        Optional<String> name = name(attributes, "name", path, warnings);
        if (name.isEmpty()) {
            warnings.add(new CodecWarning(path, "parm without name skipped: the PROV 1.0 DTD makes name #REQUIRED"));
            return Optional.empty();
        }
        if (!element.children().isEmpty() || !element.text().isEmpty()) {
            warnings.add(new CodecWarning(path, "content of parm ignored: the PROV 1.0 DTD declares parm EMPTY"));
        }
        Optional<String> value = attributes.stream().filter(a -> a.name().equals("value")).map(WbxmlAttribute::value).findFirst();
        return Optional.of(new Parm(name.get(), value));
    }

    /** The declared attributes, first of each name; the others are reported and dropped. */
    private static List<WbxmlAttribute> attributes(WbxmlElement element, String path, Set<String> declared,
            List<CodecWarning> warnings) {
        Set<String> seen = new HashSet<>();
        List<WbxmlAttribute> kept = new ArrayList<>();
        for (WbxmlAttribute attribute : element.attributes()) {
            if (!declared.contains(attribute.name())) {
                warnings.add(new CodecWarning(path, "attribute " + attribute.name() + " ignored: the PROV 1.0 DTD declares"
                        + " only " + String.join(", ", declared.stream().sorted().toList()) + " on " + element.name()));
            } else if (!seen.add(attribute.name())) {
                warnings.add(new CodecWarning(path, "repeated attribute " + attribute.name() + " ignored; the first is used"));
            } else {
                kept.add(attribute);
            }
        }
        return kept;
    }

    /** A name attribute (type or name) as received; empty when missing or blank. */
    private static Optional<String> name(List<WbxmlAttribute> attributes, String attribute, String path,
            List<CodecWarning> warnings) {
        return attributes.stream().filter(a -> a.name().equals(attribute)).map(WbxmlAttribute::value)
                .filter(value -> !value.isBlank()).findFirst();
    }

    /** Position among siblings (1-based, like XPath) plus the identifying attribute when there is one. */
    private static String childPath(String parentPath, WbxmlElement child, int index) {
        Optional<String> label = child.attribute("type").or(() -> child.attribute("name"));
        return parentPath + "/" + child.name() + "[" + (index + 1) + "]" + label.map(l -> "(" + l + ")").orElse("");
    }
}
