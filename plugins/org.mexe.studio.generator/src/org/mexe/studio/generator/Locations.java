package org.mexe.studio.generator;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.LineAndColumn;

/** Places a finding about a model element at the text it was parsed from (public for the contributors in sub-packages). */
public final class Locations {

    private Locations() {
    }

    public static Problem error(EObject element, String code, String message) {
        return at(element, NodeModelUtils.findActualNodeFor(element), Problem.Severity.ERROR, code, message);
    }

    /** A finding at one value of a feature (index -1: all of it), where the validator puts its own. */
    public static Problem at(EObject element, EStructuralFeature feature, int index, Problem.Severity severity, String code, String message) {
        List<INode> nodes = NodeModelUtils.findNodesForFeature(element, feature);
        INode node = nodes.isEmpty() ? NodeModelUtils.findActualNodeFor(element)
                : index >= 0 && index < nodes.size() ? nodes.get(index) : nodes.get(0);
        if (index < 0 && nodes.size() > 1) {
            // The whole list, as Xtext marks a feature without an index.
            INode first = nodes.get(0);
            INode last = nodes.get(nodes.size() - 1);
            Path file = file(element);
            LineAndColumn start = NodeModelUtils.getLineAndColumn(first, first.getOffset());
            return new Problem(file, start.getLine(), start.getColumn(), first.getOffset(),
                    last.getEndOffset() - first.getOffset(), severity, code, message);
        }
        return at(element, node, severity, code, message);
    }

    private static Problem at(EObject element, INode node, Problem.Severity severity, String code, String message) {
        Path file = file(element);
        if (node == null) {
            return new Problem(file, 0, 0, -1, 0, severity, code, message);
        }
        LineAndColumn start = NodeModelUtils.getLineAndColumn(node, node.getOffset());
        return new Problem(file, start.getLine(), start.getColumn(), node.getOffset(), node.getLength(), severity, code, message);
    }

    static Path file(EObject element) {
        return Path.of(element.eResource().getURI().toFileString());
    }

    public static GenerationException cannotGenerate(EObject element, String code, String message, Throwable cause) {
        return new GenerationException(GenerationException.Reason.CANNOT_GENERATE,
                "Generation stopped: nothing was written.", List.of(error(element, code, message)), cause);
    }
}
