package org.mexe.studio.generator;

import java.nio.file.Path;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.LineAndColumn;

/** Places a finding about a model element at the text it was parsed from. */
final class Locations {

    private Locations() {
    }

    static Problem error(EObject element, String code, String message) {
        Path file = Path.of(element.eResource().getURI().toFileString());
        ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
        if (node == null) {
            return new Problem(file, 0, 0, -1, 0, Problem.Severity.ERROR, code, message);
        }
        LineAndColumn start = NodeModelUtils.getLineAndColumn(node, node.getOffset());
        return new Problem(file, start.getLine(), start.getColumn(), node.getOffset(), node.getLength(),
                Problem.Severity.ERROR, code, message);
    }

    static GenerationException cannotGenerate(EObject element, String code, String message, Throwable cause) {
        return new GenerationException(GenerationException.Reason.CANNOT_GENERATE,
                "Generation stopped: nothing was written.", java.util.List.of(error(element, code, message)), cause);
    }
}
