package org.mexe.studio.dsl.ide.model;

import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/** The element of a kind whose text holds an offset (the caret): what the views that follow the caret show. */
public final class ElementAt {

    private ElementAt() {
    }

    /** The innermost {@code type} whose text, ends included, holds {@code offset}; empty when none does. */
    public static <T extends EObject> Optional<T> of(XtextResource resource, int offset, Class<T> type) {
        if (resource.getContents().isEmpty()) {
            return Optional.empty();
        }
        T found = null;
        int foundLength = Integer.MAX_VALUE;
        for (T candidate : EcoreUtil2.getAllContentsOfType(resource.getContents().get(0), type)) {
            ICompositeNode node = NodeModelUtils.findActualNodeFor(candidate);
            if (node != null && node.getOffset() <= offset && offset <= node.getEndOffset() && node.getLength() < foundLength) {
                found = candidate;
                foundLength = node.getLength();
            }
        }
        return Optional.ofNullable(found);
    }
}
