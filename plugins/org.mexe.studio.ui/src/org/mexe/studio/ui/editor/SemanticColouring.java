package org.mexe.studio.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.util.CancelIndicator;
import org.mexe.studio.ui.ProvLanguage;

/**
 * Semantic colouring on top of the lexical one: declarations, references, secrets and namespaces
 * as dsl.ide's highlighting calculator finds them in the index's resource of the document.
 */
final class SemanticColouring implements ITextPresentationListener {

    /** A styled range of the document. */
    record Styled(int offset, int length, ProvHighlighting style) {
    }

    private final ISourceViewer viewer;
    private volatile List<Styled> styles = List.of();
    private volatile IDocument styledDocument;

    SemanticColouring(ISourceViewer viewer) {
        this.viewer = viewer;
        if (viewer instanceof ITextViewerExtension4 extension) {
            extension.addTextPresentationListener(this);
        }
    }

    void dispose() {
        if (viewer instanceof ITextViewerExtension4 extension) {
            extension.removeTextPresentationListener(this);
        }
    }

    /** Computes the styles of the document as the index holds it now, and repaints. */
    void update(IDocument document) throws Exception {
        String text = document.get();
        ISemanticHighlightingCalculator calculator = ProvLanguage.injector().getInstance(ISemanticHighlightingCalculator.class);
        List<Styled> found = EditorDocuments.read(document, (doc, resource) -> {
            List<Styled> acc = new ArrayList<>();
            calculator.provideHighlightingFor(resource, (offset, length, ids) -> {
                for (String id : ids) {
                    ProvHighlighting style = ProvHighlighting.ofSemanticId(id);
                    if (style != null) {
                        acc.add(new Styled(offset, length, style));
                        return;
                    }
                }
            }, CancelIndicator.NullImpl);
            return acc;
        }).get(30, java.util.concurrent.TimeUnit.SECONDS);
        var widget = viewer.getTextWidget();
        if (widget == null || widget.isDisposed()) {
            return;
        }
        widget.getDisplay().asyncExec(() -> {
            if (!widget.isDisposed() && document.get().equals(text)) {
                styles = found;
                styledDocument = document;
                viewer.invalidateTextPresentation();
            }
        });
    }

    @Override
    public void applyTextPresentation(TextPresentation presentation) {
        if (styledDocument != viewer.getDocument()) {
            return;
        }
        IRegion extent = presentation.getExtent();
        List<StyleRange> ranges = new ArrayList<>();
        for (Styled styled : styles) {
            if (styled.offset() + styled.length() > extent.getOffset() && styled.offset() < extent.getOffset() + extent.getLength()) {
                StyleRange range = new StyleRange(styled.offset(), styled.length(), new Color(styled.style().rgb()), null,
                        styled.style().fontStyle());
                ranges.add(range);
            }
        }
        if (!ranges.isEmpty()) {
            presentation.mergeStyleRanges(ranges.toArray(StyleRange[]::new));
        }
    }
}
