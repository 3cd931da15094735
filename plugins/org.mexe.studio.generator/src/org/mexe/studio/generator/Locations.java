package org.mexe.studio.generator;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** Names where a model element was written, as {@code file:line}, for messages about it. */
final class Locations {

    private Locations() {
    }

    static String describe(EObject element) {
        String file = element.eResource() == null ? "?" : element.eResource().getURI().toFileString();
        ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
        return node == null ? file : file + ":" + node.getStartLine();
    }
}
