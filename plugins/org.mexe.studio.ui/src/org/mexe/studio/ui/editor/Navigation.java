package org.mexe.studio.ui.editor;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.ILog;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.mexe.studio.dsl.ide.workspace.ProvEditorServices;
import org.mexe.studio.dsl.ide.workspace.ProvEditorServices.Span;
import org.mexe.studio.ui.ProvIndex;

/** Asks the index's services about an editor's document, and opens what they answer. */
public final class Navigation {

    private Navigation() {
    }

    /** Calls a service on the document's file once the index holds the document's current text. */
    public static <T> Optional<T> ask(IDocument document, BiFunction<ProvEditorServices, URI, CompletableFuture<T>> question) {
        Optional<URI> uri = EditorDocuments.indexed(document);
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(EditorDocuments.sync(document)
                    .thenCompose(nothing -> question.apply(ProvIndex.services(), uri.get()))
                    .get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            ILog.of(Navigation.class).error("Asking the provisioning index failed", e);
            return Optional.empty();
        }
    }

    /** The text editor of the active part, when it shows a .prov file. */
    public static Optional<ITextEditor> activeEditor() {
        var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null || window.getActivePage() == null) {
            return Optional.empty();
        }
        IEditorPart part = window.getActivePage().getActiveEditor();
        return part instanceof ITextEditor editor ? Optional.of(editor) : Optional.ofNullable(part == null ? null : part.getAdapter(ITextEditor.class));
    }

    public static IDocument document(ITextEditor editor) {
        return editor.getDocumentProvider().getDocument(editor.getEditorInput());
    }

    /** Opens the file of a span in an editor and selects the span. */
    public static void open(Span span) {
        Optional<IFile> file = ProvIndex.file(span.file());
        if (file.isEmpty()) {
            return;
        }
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        try {
            IEditorPart part = IDE.openEditor(page, file.get());
            ITextEditor editor = part instanceof ITextEditor text ? text : part.getAdapter(ITextEditor.class);
            if (editor != null) {
                editor.selectAndReveal(span.offset(), span.length());
            }
        } catch (PartInitException e) {
            ILog.of(Navigation.class).error("Cannot open " + file.get().getFullPath(), e);
        }
    }

    /** Applies edits (sorted from the end) to a document. */
    public static void apply(IDocument document, List<ProvEditorServices.Edit> edits) throws org.eclipse.jface.text.BadLocationException {
        for (ProvEditorServices.Edit edit : edits.stream().sorted((a, b) -> Integer.compare(b.offset(), a.offset())).toList()) {
            document.replace(edit.offset(), edit.length(), edit.text());
        }
    }
}
