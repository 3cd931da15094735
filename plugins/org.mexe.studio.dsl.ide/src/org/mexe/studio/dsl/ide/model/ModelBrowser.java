package org.mexe.studio.dsl.ide.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.mexe.studio.dsl.ide.workspace.ProvEditorServices.Span;
import org.mexe.studio.model.provisioning.Element;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;

/**
 * The whole model across files, read-only, for reviewers: namespaces, their elements in text
 * order, and each element's properties and parts as the text writes them. A parameter set shows
 * its effective values with {@code extends} resolved and, for each, the set of the chain that
 * gives it. Secrets show only where they are read from. Generic over the metamodel: a new kind
 * of element appears without code here.
 */
public final class ModelBrowser {

    /** A property of a node: its name as written, its value, and where it comes from (a parameter set's chain) or "". */
    public record Property(String name, String value, String from) {
    }

    /** A namespace, an element or a part of one; {@code location} is its text, when it has one. */
    public record Node(String label, List<Property> properties, List<Node> children, Optional<Span> location) {
    }

    private ModelBrowser() {
    }

    /** The namespaces of {@code resources}, sorted by name; a namespace declared in several files is one node. */
    public static List<Node> of(List<XtextResource> resources, IQualifiedNameProvider names) {
        Map<String, List<Node>> byNamespace = new TreeMap<>();
        Map<String, List<String>> files = new TreeMap<>();
        for (XtextResource resource : resources.stream().sorted(Comparator.comparing(r -> r.getURI().toString())).toList()) {
            if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof ProvisioningModel model)) {
                continue;
            }
            String namespace = model.getName() == null ? "(no namespace)" : model.getName();
            files.computeIfAbsent(namespace, n -> new ArrayList<>()).add(resource.getURI().lastSegment());
            List<Node> elements = byNamespace.computeIfAbsent(namespace, n -> new ArrayList<>());
            for (Element element : model.getElements()) {
                elements.add(node(element, names));
            }
        }
        List<Node> namespaces = new ArrayList<>();
        byNamespace.forEach((namespace, elements) -> namespaces.add(new Node("namespace " + namespace,
                List.of(new Property("files", String.join(", ", files.get(namespace)), "")), List.copyOf(elements), Optional.empty())));
        return namespaces;
    }

    private static Node node(EObject object, IQualifiedNameProvider names) {
        List<Property> properties = new ArrayList<>();
        List<Node> children = new ArrayList<>();
        if (object instanceof ParameterSet set) {
            if (set.getBase() != null) {
                properties.add(new Property("extends", set.getBase().eIsProxy() ? "? (unresolved)" : qualified(set.getBase(), names), ""));
            }
            try {
                ModelText.effectiveRows(set, names).forEach(row -> properties.add(new Property(row.parameter(), row.value(), row.from())));
            } catch (IllegalArgumentException unresolved) {
                properties.add(new Property("parameters", "? (the set does not resolve)", ""));
            }
        } else {
            for (EStructuralFeature feature : object.eClass().getEAllStructuralFeatures()) {
                if (feature.getName().equals("name") || !object.eIsSet(feature) || feature.isDerived() || feature.isTransient()) {
                    continue;
                }
                Object value = object.eGet(feature);
                if (feature instanceof EReference reference && reference.isContainment() && !isValue(reference)) {
                    for (Object part : value instanceof List<?> list ? list : List.of(value)) {
                        children.add(node((EObject) part, names));
                    }
                } else {
                    // A reference to another element names it in full; an attribute or a contained value reads as written.
                    boolean crossReference = feature instanceof EReference reference && !reference.isContainment();
                    properties.add(new Property(ModelText.word(feature), crossReference ? referenced(value, names) : ModelText.value(value, names), ""));
                }
            }
        }
        return new Node(label(object, names), List.copyOf(properties), List.copyOf(children), location(object));
    }

    private static final Set<EClass> VALUE_TYPES = Set.of(Literals.SECRET_REF, Literals.BOOKMARK, Literals.MAIL_SERVER);

    /** Contained objects that the text writes as one value (a secret, a bookmark, a mail server) rather than as a block. */
    private static boolean isValue(EReference reference) {
        return VALUE_TYPES.contains(reference.getEReferenceType());
    }

    private static String referenced(Object value, IQualifiedNameProvider names) {
        List<?> targets = value instanceof List<?> list ? list : List.of(value);
        return String.join(", ", targets.stream().map(target -> qualified((EObject) target, names)).toList());
    }

    private static String qualified(EObject target, IQualifiedNameProvider names) {
        if (target.eIsProxy()) {
            return "? (unresolved)";
        }
        QualifiedName name = names.getFullyQualifiedName(target);
        return name == null ? target.eClass().getName() : name.toString();
    }

    /** The element's first keyword and its name, as the text starts it ("parameters Home", "deliver"). */
    private static String label(EObject object, IQualifiedNameProvider names) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(object);
        String keyword = object.eClass().getName();
        if (node != null) {
            for (ILeafNode leaf : node.getLeafNodes()) {
                if (!leaf.isHidden()) {
                    keyword = leaf.getText();
                    break;
                }
            }
        }
        QualifiedName name = names.getFullyQualifiedName(object);
        return name == null || keyword.equals(name.getLastSegment()) ? keyword : keyword + " " + name.getLastSegment();
    }

    private static Optional<Span> location(EObject object) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(object);
        if (node == null || object.eResource() == null) {
            return Optional.empty();
        }
        return Optional.of(new Span(object.eResource().getURI(), node.getOffset(), node.getLength()));
    }
}
