package org.mexe.studio.ui.editor;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import org.eclipse.core.resources.IFile;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.resource.XtextResource;
import org.mexe.studio.ui.ProvIndex;
import org.mexe.studio.ui.ProvLanguage;
import org.mexe.studio.ui.ProvSources;

/** Reads an editor's document through the index, with the text the user sees. */
public final class EditorDocuments {

    /** Stands for a document that is not stored in a local file, e.g. a compare editor's side. */
    private static final URI UNSAVED = URI.createURI("unsaved:/document." + ProvLanguage.FILE_EXTENSION);

    private EditorDocuments() {
    }

    /** The index's URI of the document, when it is a file under a root of the index. */
    public static Optional<URI> indexed(IDocument document) {
        return ProvIndex.uri(document).filter(uri -> ProvIndex.workspace().isIndexed(uri));
    }

    /**
     * Reads the document's resource as the index holds it after being told the document's current
     * text; a document outside the index is parsed on its own.
     */
    public static <T> CompletableFuture<T> read(IDocument document, BiFunction<Document, XtextResource, T> reader) {
        String text = document.get();
        Optional<URI> uri = indexed(document);
        if (uri.isEmpty()) {
            URI loose = ProvIndex.uri(document).orElse(UNSAVED);
            return CompletableFuture.completedFuture(ProvIndex.workspace().readLoose(loose, text, reader));
        }
        var workspace = ProvIndex.workspace();
        // A record, not an Optional: the reader may answer null.
        record Answer<T>(T value) {
        }
        return workspace.read(uri.get(), (doc, resource) -> doc.getContents().equals(text) ? new Answer<>(reader.apply(doc, resource)) : null)
                .thenCompose(answer -> answer != null ? CompletableFuture.completedFuture(answer.value())
                        // A newer change cancels the build of this one, and builds both: the read waits for that.
                        : workspace.change(uri.get(), text).exceptionally(cancelled -> null).thenCompose(nothing -> workspace.read(uri.get(), reader)));
    }

    /** Tells the index the document's text when it differs from what the index holds; completes when it is built. */
    public static CompletableFuture<Void> sync(IDocument document) {
        return read(document, (doc, resource) -> null);
    }

    /** Makes sure the project of the document's file is a root of the index. */
    public static CompletableFuture<Void> include(IDocument document) {
        return ProvSources.locate(document).flatMap(ProvSources.Location::workspaceFile).map(IFile::getProject)
                .map(ProvIndex::include).orElse(CompletableFuture.completedFuture(null));
    }
}
