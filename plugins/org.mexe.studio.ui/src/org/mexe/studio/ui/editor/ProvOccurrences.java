package org.mexe.studio.ui.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.viewers.IPostSelectionProvider;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.mexe.studio.dsl.ide.workspace.ProvEditorServices.Occurrence;

/**
 * Mark occurrences for .prov files, in place of the Generic Editor's word matching: the element
 * under the caret and its references, as Xtext's highlight service resolves them, so that the same
 * word in a string or a comment is left alone.
 */
public final class ProvOccurrences implements IReconciler {

    /** The Generic Editor's occurrence annotation, so that its colour preferences apply. */
    public static final String ANNOTATION_TYPE = "org.eclipse.ui.genericeditor.text";

    private ISourceViewer viewer;
    private Annotation[] shown = new Annotation[0];
    private volatile int caret = -1;

    private final Job job = new Job("Marking occurrences") {
        @Override
        protected IStatus run(IProgressMonitor monitor) {
            ISourceViewer current = viewer;
            int offset = caret;
            if (current == null || offset < 0) {
                return Status.OK_STATUS;
            }
            IDocument document = current.getDocument();
            List<Occurrence> found = document == null ? List.of()
                    : Navigation.ask(document, (services, uri) -> services.occurrences(uri, offset)).orElse(List.of());
            if (!monitor.isCanceled() && current.getTextWidget() != null && !current.getTextWidget().isDisposed()) {
                current.getTextWidget().getDisplay().asyncExec(() -> show(current, document, found));
            }
            return Status.OK_STATUS;
        }
    };

    private final ISelectionChangedListener caretListener = this::caretMoved;

    public ProvOccurrences() {
        job.setSystem(true);
    }

    private void caretMoved(SelectionChangedEvent event) {
        if (event.getSelection() instanceof ITextSelection selection) {
            caret = selection.getOffset();
            job.cancel();
            job.schedule(150);
        }
    }

    @Override
    public void install(ITextViewer textViewer) {
        viewer = (ISourceViewer) textViewer;
        if (textViewer.getSelectionProvider() instanceof IPostSelectionProvider provider) {
            provider.addPostSelectionChangedListener(caretListener);
        }
    }

    @Override
    public void uninstall() {
        ISourceViewer current = viewer;
        if (current != null && current.getSelectionProvider() instanceof IPostSelectionProvider provider) {
            provider.removePostSelectionChangedListener(caretListener);
        }
        job.cancel();
        viewer = null;
    }

    @Override
    public IReconcilingStrategy getReconcilingStrategy(String contentType) {
        return null;
    }

    private synchronized void show(ISourceViewer current, IDocument document, List<Occurrence> occurrences) {
        if (current.getDocument() != document || !(current.getAnnotationModel() instanceof IAnnotationModelExtension model)) {
            return;
        }
        Map<Annotation, Position> added = new HashMap<>();
        for (Occurrence occurrence : occurrences) {
            if (occurrence.offset() + occurrence.length() <= document.getLength()) {
                added.put(new Annotation(ANNOTATION_TYPE, false, occurrence.declaration() ? "Declaration" : "Occurrence"),
                        new Position(occurrence.offset(), occurrence.length()));
            }
        }
        model.replaceAnnotations(shown, added);
        shown = added.keySet().toArray(Annotation[]::new);
    }

    /** The occurrences shown now, for tests. */
    public synchronized List<Position> shownPositions() {
        ISourceViewer current = viewer;
        if (current == null) {
            return List.of();
        }
        return java.util.Arrays.stream(shown).map(a -> current.getAnnotationModel().getPosition(a)).filter(java.util.Objects::nonNull).toList();
    }
}
