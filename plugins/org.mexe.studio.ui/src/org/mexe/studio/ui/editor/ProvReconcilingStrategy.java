package org.mexe.studio.ui.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.IFileBuffer;
import org.eclipse.core.filebuffers.IFileBufferListener;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerLifecycle;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.ISourceViewer;
import org.mexe.studio.ui.ProvIndex;
import org.mexe.studio.ui.ProvProblem;
import org.mexe.studio.ui.ProvSources;
import org.mexe.studio.ui.builder.ProvNature;

/**
 * Gives the index the text as it is typed and shows the problems it finds as annotations. Saved workspace files are
 * the builder's: its markers show their problems, so the annotations give way instead of doubling them.
 * Opening a .prov file in a project without the builder enables it there.
 */
public final class ProvReconcilingStrategy
        implements IReconcilingStrategy, IReconcilingStrategyExtension, ITextViewerLifecycle {

    private volatile ISourceViewer viewer;
    private volatile IDocument document;
    private volatile Optional<ProvSources.Location> location = Optional.empty();
    private volatile Optional<URI> uri = Optional.empty();
    private volatile CompletableFuture<Void> ready = CompletableFuture.completedFuture(null);
    private Annotation[] shown = new Annotation[0];
    private volatile SemanticColouring colouring;

    private final IFileBufferListener savedListener = new IFileBufferListener() {
        @Override
        public void dirtyStateChanged(IFileBuffer buffer, boolean isDirty) {
            if (!isDirty && buffer instanceof ITextFileBuffer text && text.getDocument() == document) {
                show(List.of());
            }
        }

        // Only saves and reverts matter here.
        @Override public void bufferCreated(IFileBuffer buffer) { }
        @Override public void bufferDisposed(IFileBuffer buffer) { }
        @Override public void bufferContentAboutToBeReplaced(IFileBuffer buffer) { }
        @Override public void bufferContentReplaced(IFileBuffer buffer) { }
        @Override public void stateChanging(IFileBuffer buffer) { }
        @Override public void stateValidationChanged(IFileBuffer buffer, boolean isStateValidated) { }
        @Override public void underlyingFileMoved(IFileBuffer buffer, IPath path) { }
        @Override public void underlyingFileDeleted(IFileBuffer buffer) { }
        @Override public void stateChangeFailed(IFileBuffer buffer) { }
    };

    @Override
    public void install(ITextViewer textViewer) {
        viewer = (ISourceViewer) textViewer;
        colouring = new SemanticColouring(viewer);
        FileBuffers.getTextFileBufferManager().addFileBufferListener(savedListener);
    }

    @Override
    public void uninstall() {
        FileBuffers.getTextFileBufferManager().removeFileBufferListener(savedListener);
        if (colouring != null) {
            colouring.dispose();
        }
        show(List.of());
        viewer = null;
        Optional<URI> closed = uri;
        uri = Optional.empty();
        // The index goes back to the text on disk.
        closed.ifPresent(file -> ProvIndex.workspace().close(file));
    }

    @Override
    public void setDocument(IDocument newDocument) {
        document = newDocument;
        location = ProvSources.locate(newDocument);
        location.flatMap(ProvSources.Location::workspaceFile)
                .map(IFile::getProject)
                .filter(project -> !ProvNature.isOn(project))
                .ifPresent(project -> ProvNature.addLater(List.of(project)));
        // The project becomes a root of the index (if it was not), and the index takes the editor's text.
        // Not waited for here (this may be the UI thread): validating waits for it.
        ready = EditorDocuments.include(newDocument).thenCompose(nothing -> {
            uri = EditorDocuments.indexed(newDocument);
            return uri.map(file -> ProvIndex.workspace().open(file, newDocument.get())).orElse(CompletableFuture.completedFuture(null));
        });
    }

    @Override
    public void setProgressMonitor(IProgressMonitor progressMonitor) {
        // Validation is quick and cannot be interrupted: a change made meanwhile is validated next.
    }

    @Override
    public void initialReconcile() {
        validate();
    }

    @Override
    public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
        validate();
    }

    @Override
    public void reconcile(IRegion partition) {
        validate();
    }

    private void validate() {
        IDocument current = document;
        Optional<ProvSources.Location> where = location;
        try {
            ready.get(120, TimeUnit.SECONDS);
            if (current != null && colouring != null) {
                colouring.update(current);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            ILog.of(getClass()).warn("Semantic colouring failed: " + e);
        }
        // Problems name their file: a document stored nowhere is assisted, but not validated.
        if (current == null || where.isEmpty() || markersTakeOver()) {
            show(List.of());
            return;
        }
        try {
            ready.get(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | TimeoutException e) {
            ILog.of(getClass()).error("Indexing the project of " + where.get().path() + " failed", e);
        }
        Optional<URI> file = uri;
        if (file.isEmpty()) {
            show(List.of());
            return;
        }
        try {
            // The index revalidates the file and the files its change concerns; the markers of those follow.
            EditorDocuments.sync(current).get(60, TimeUnit.SECONDS);
            show(ProvIndex.workspace().problems(file.get()).orElse(List.of()).stream().map(ProvProblem::of).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.CancellationException e) {
            // A newer change is being validated; its problems will be shown.
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (e.getCause() instanceof java.util.concurrent.CancellationException) {
                return;
            }
            // An exception would end the reconciler's thread, and closing the editor would then wait for it forever.
            ILog.of(getClass()).error("Validating " + where.get().path() + " failed", e);
        }
    }

    /** A saved workspace file is validated by the builder (the nature is added on opening), whose markers show. */
    private boolean markersTakeOver() {
        ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
        return buffer != null && !buffer.isDirty() && location.flatMap(ProvSources.Location::workspaceFile).isPresent();
    }

    private synchronized void show(List<ProvProblem> problems) {
        ISourceViewer current = viewer;
        if (current == null || !(current.getAnnotationModel() instanceof IAnnotationModelExtension model)) {
            return;
        }
        // Checked again here: a save may have come between validating and showing.
        List<ProvProblem> visible = document == null || markersTakeOver() ? List.of() : problems;
        int length = document == null ? 0 : document.getLength();
        Map<Annotation, Position> added = new HashMap<>();
        for (ProvProblem problem : visible) {
            // Problems about the file as a whole have no place to be drawn; text typed meanwhile may have cut a range off.
            if (problem.offset() >= 0 && problem.offset() + problem.length() <= length) {
                added.put(new Annotation(annotationType(problem), false, problem.message()),
                        new Position(problem.offset(), problem.length()));
            }
        }
        model.replaceAnnotations(shown, added);
        shown = added.keySet().toArray(Annotation[]::new);
    }

    private static String annotationType(ProvProblem problem) {
        return switch (problem.severity()) {
            case IMarker.SEVERITY_ERROR -> "org.eclipse.ui.workbench.texteditor.error";
            case IMarker.SEVERITY_WARNING -> "org.eclipse.ui.workbench.texteditor.warning";
            default -> "org.eclipse.ui.workbench.texteditor.info";
        };
    }
}
