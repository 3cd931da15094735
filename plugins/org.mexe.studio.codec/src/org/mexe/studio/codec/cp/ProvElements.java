package org.mexe.studio.codec.cp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mexe.studio.codec.InvalidDocumentException;
import org.mexe.studio.codec.wbxml.WbxmlAttribute;
import org.mexe.studio.codec.wbxml.WbxmlElement;

/**
 * Maps between the provisioning records and the generic element tree, so that XML and WBXML input
 * pass the same structural checks and report violations with the same element paths.
 */
final class ProvElements {

    private static final String CHARACTERISTIC = "characteristic";
    private static final String PARM = "parm";

    private ProvElements() {
    }

    static WbxmlElement toElement(ProvisioningDocument document) {
        return new WbxmlElement(ProvLanguage.ROOT_ELEMENT,
                List.of(new WbxmlAttribute("version", document.version())),
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

    static ProvisioningDocument fromElement(WbxmlElement root) {
        String path = "/" + root.name();
        if (!root.name().equals(ProvLanguage.ROOT_ELEMENT)) {
            throw new InvalidDocumentException(path, "root element must be " + ProvLanguage.ROOT_ELEMENT);
        }
        checkAttributes(root, path, Set.of("version"));
        String version = required(root, path, "version");
        List<Characteristic> characteristics = new ArrayList<>();
        for (int i = 0; i < root.children().size(); i++) {
            WbxmlElement child = root.children().get(i);
            String childPath = childPath(path, child, i);
            if (!child.name().equals(CHARACTERISTIC)) {
                throw new InvalidDocumentException(childPath, "only characteristic elements may appear here");
            }
            characteristics.add(characteristic(child, childPath));
        }
        return new ProvisioningDocument(version, characteristics);
    }

    private static Characteristic characteristic(WbxmlElement element, String path) {
        checkAttributes(element, path, Set.of("type"));
        String type = required(element, path, "type");
        List<Parm> parms = new ArrayList<>();
        List<Characteristic> nested = new ArrayList<>();
        for (int i = 0; i < element.children().size(); i++) {
            WbxmlElement child = element.children().get(i);
            String childPath = childPath(path, child, i);
            switch (child.name()) {
                case PARM -> parms.add(parm(child, childPath));
                case CHARACTERISTIC -> nested.add(characteristic(child, childPath));
                default -> throw new InvalidDocumentException(childPath, "only parm and characteristic elements may appear here");
            }
        }
        return new Characteristic(type, parms, nested);
    }

    private static Parm parm(WbxmlElement element, String path) {
        checkAttributes(element, path, Set.of("name", "value"));
        String name = required(element, path, "name");
        if (!element.children().isEmpty()) {
            throw new InvalidDocumentException(path, "parm must be empty");
        }
        return new Parm(name, element.attribute("value"));
    }

    private static void checkAttributes(WbxmlElement element, String path, Set<String> allowed) {
        Set<String> seen = new HashSet<>();
        for (WbxmlAttribute attribute : element.attributes()) {
            if (!allowed.contains(attribute.name())) {
                throw new InvalidDocumentException(path, "unexpected attribute " + attribute.name());
            }
            if (!seen.add(attribute.name())) {
                throw new InvalidDocumentException(path, "repeated attribute " + attribute.name());
            }
        }
    }

    private static String required(WbxmlElement element, String path, String attribute) {
        return element.attribute(attribute)
                .orElseThrow(() -> new InvalidDocumentException(path, "missing attribute " + attribute));
    }

    /** Position among siblings (1-based, like XPath) plus the identifying attribute when there is one. */
    private static String childPath(String parentPath, WbxmlElement child, int index) {
        Optional<String> label = child.attribute("type").or(() -> child.attribute("name"));
        return parentPath + "/" + child.name() + "[" + (index + 1) + "]" + label.map(l -> "(" + l + ")").orElse("");
    }
}
