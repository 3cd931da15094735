package org.mexe.studio.ui.editor;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;

/** Syntax colouring of .prov files in the Generic Editor, contributed through its extension point. */
public final class ProvPresentationReconciler extends PresentationReconciler {

    public ProvPresentationReconciler() {
        DefaultDamagerRepairer damagerRepairer = new DefaultDamagerRepairer(new ProvTokenScanner()) {
            @Override
            public IRegion getDamageRegion(ITypedRegion partition, DocumentEvent event, boolean partitioningChanged) {
                // An opened quote or comment recolours everything after it; the document is one partition.
                return partition;
            }
        };
        setDamager(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
        setRepairer(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
    }
}
