package org.mexe.studio.dsl.ide.workspace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.editor.folding.FoldingRange;
import org.eclipse.xtext.ide.editor.folding.IFoldingRangeProvider;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.findReferences.WorkspaceResourceAccess;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.ide.server.occurrences.IDocumentHighlightService;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * The editor features that Xtext's ide services already provide, on top of {@link ProvWorkspace}
 * and in character offsets, as an in-process editor wants them: outline, go to definition, find
 * references, occurrences, formatting, rename and folding. No feature logic of its own: the
 * language server calls the same services over LSP.
 */
@Singleton
public class ProvEditorServices {

    /** A range of a file. */
    public record Span(URI file, int offset, int length) {
    }

    /** A replacement of {@code length} characters at {@code offset} by {@code text}. */
    public record Edit(int offset, int length, String text) {
    }

    /** An element of the outline, with the range of its whole text and the range of its name. */
    public record Symbol(String name, String kind, String detail, int offset, int length, int nameOffset, int nameLength,
            List<Symbol> children) {
    }

    /** An occurrence of the element under the caret: where it is declared or written, or where it is used. */
    public record Occurrence(int offset, int length, boolean declaration) {
    }

    @Inject
    private ProvWorkspace workspace;
    @Inject
    private HierarchicalDocumentSymbolService outline;
    @Inject
    private DocumentSymbolService symbols;
    @Inject
    private IDocumentHighlightService highlights;
    @Inject
    private FormattingService formatting;
    @Inject
    private IRenameService2 rename;
    @Inject
    private IFoldingRangeProvider folding;

    /** The outline of a file: its declarations, nested as in the text. */
    public CompletableFuture<List<Symbol>> outline(URI file) {
        return workspace.read(file, (document, resource) -> outline.getSymbols(resource, CancelIndicator.NullImpl).stream()
                .map(symbol -> symbol(document, symbol)).toList());
    }

    /** Where the element referenced (or declared) at {@code offset} is declared, in whatever file. */
    public CompletableFuture<List<Span>> definitions(URI file, int offset) {
        return workspace.read(file, (document, resource) -> spans(symbols.getDefinitions(resource, offset,
                new WorkspaceResourceAccess(workspace.manager()), CancelIndicator.NullImpl)));
    }

    /** Every reference to the element at {@code offset} in every file of the index, with its declaration. */
    public CompletableFuture<List<Span>> references(URI file, int offset) {
        return workspace.read(file, (document, resource) -> spans(symbols.getReferences(resource, offset,
                new WorkspaceResourceAccess(workspace.manager()), workspace.manager().getIndex(), CancelIndicator.NullImpl)));
    }

    /** The occurrences in its own file of the element at {@code offset}: by reference, never by spelling. */
    public CompletableFuture<List<Occurrence>> occurrences(URI file, int offset) {
        return workspace.read(file, (document, resource) -> {
            var params = new DocumentHighlightParams(new TextDocumentIdentifier(file.toString()), document.getPosition(offset));
            List<Occurrence> found = new ArrayList<>();
            for (DocumentHighlight highlight : highlights.getDocumentHighlights(document, resource, params, CancelIndicator.NullImpl)) {
                int start = document.getOffSet(highlight.getRange().getStart());
                int end = document.getOffSet(highlight.getRange().getEnd());
                found.add(new Occurrence(start, end - start, highlight.getKind() == DocumentHighlightKind.Write));
            }
            return found;
        });
    }

    /** The edits that format {@code length} characters at {@code offset} (the whole file when length is negative). */
    public CompletableFuture<List<Edit>> format(URI file, int offset, int length) {
        return workspace.read(file, (document, resource) -> {
            int start = length < 0 ? 0 : offset;
            int end = length < 0 ? document.getContents().length() : offset + length;
            return edits(document, formatting.format(resource, document, start, end - start, new FormattingOptions(4, false)));
        });
    }

    /** Formats a text that belongs to no root of the index. */
    public List<Edit> formatLoose(URI file, String text, int offset, int length) {
        return workspace.readLoose(file, text, (document, resource) -> {
            int start = length < 0 ? 0 : offset;
            int end = length < 0 ? text.length() : offset + length;
            return edits(document, formatting.format(resource, document, start, end - start, new FormattingOptions(4, false)));
        });
    }

    /**
     * The edits, by file, that rename the element at {@code offset} to {@code newName} wherever the
     * index knows it is referenced. Empty when there is nothing to rename there.
     */
    public CompletableFuture<Map<URI, List<Edit>>> rename(URI file, int offset, String newName) {
        return workspace.requests().runRead(cancel -> {
            Document document = workspace.manager().doRead(file, (doc, resource) -> doc);
            var options = new IRenameService2.Options();
            options.setLanguageServerAccess(new Access());
            options.setRenameParams(new RenameParams(new TextDocumentIdentifier(file.toString()), document.getPosition(offset), newName));
            options.setCancelIndicator(cancel);
            WorkspaceEdit edit = rename.rename(options);
            Map<URI, List<Edit>> byFile = new LinkedHashMap<>();
            if (edit == null) {
                return byFile;
            }
            if (edit.getChanges() != null) {
                edit.getChanges().forEach((uri, edits) -> byFile.put(URI.createURI(uri), editsIn(URI.createURI(uri), edits)));
            }
            if (edit.getDocumentChanges() != null) {
                for (var change : edit.getDocumentChanges()) {
                    if (change.isLeft()) {
                        TextDocumentEdit documentEdit = change.getLeft();
                        URI uri = URI.createURI(documentEdit.getTextDocument().getUri());
                        byFile.put(uri, editsIn(uri, documentEdit.getEdits().stream().filter(e -> e.isLeft()).map(e -> e.getLeft()).toList()));
                    }
                }
            }
            return byFile;
        });
    }

    /** The regions of a file that can be folded, as start and end offsets. */
    public CompletableFuture<List<Span>> foldingRegions(URI file) {
        return workspace.read(file, (document, resource) -> {
            List<Span> regions = new ArrayList<>();
            for (FoldingRange range : folding.getFoldingRanges(resource, CancelIndicator.NullImpl)) {
                regions.add(new Span(file, range.getOffset(), range.getLength()));
            }
            return regions;
        });
    }

    /** Edits of a file in the index, converted while its document is read. */
    private List<Edit> editsIn(URI file, List<TextEdit> edits) {
        return workspace.manager().doRead(file, (document, resource) -> edits(document, edits));
    }

    private static List<Edit> edits(Document document, List<? extends TextEdit> edits) {
        List<Edit> result = new ArrayList<>();
        for (TextEdit edit : edits) {
            int start = document.getOffSet(edit.getRange().getStart());
            int end = document.getOffSet(edit.getRange().getEnd());
            result.add(new Edit(start, end - start, edit.getNewText()));
        }
        // Applied from the end, so that earlier offsets stay valid.
        result.sort(Comparator.comparingInt(Edit::offset).reversed());
        return result;
    }

    private List<Span> spans(List<? extends Location> locations) {
        List<Span> spans = new ArrayList<>();
        for (Location location : locations) {
            URI uri = URI.createURI(location.getUri());
            Optional<Span> span = Optional.ofNullable(workspace.manager().doRead(uri, (document, resource) -> {
                int start = document.getOffSet(location.getRange().getStart());
                int end = document.getOffSet(location.getRange().getEnd());
                return new Span(uri, start, end - start);
            }));
            span.ifPresent(spans::add);
        }
        return spans;
    }

    private static Symbol symbol(Document document, DocumentSymbol symbol) {
        int start = document.getOffSet(symbol.getRange().getStart());
        int end = document.getOffSet(symbol.getRange().getEnd());
        int nameStart = document.getOffSet(symbol.getSelectionRange().getStart());
        int nameEnd = document.getOffSet(symbol.getSelectionRange().getEnd());
        List<Symbol> children = symbol.getChildren() == null ? List.of()
                : symbol.getChildren().stream().map(child -> symbol(document, child)).toList();
        SymbolKind kind = symbol.getKind();
        return new Symbol(symbol.getName(), kind == null ? "" : kind.name(), symbol.getDetail(), start, end - start, nameStart,
                nameEnd - nameStart, children);
    }

    /** What Xtext's rename asks of a language server, answered from the index (already inside a read). */
    private final class Access implements ILanguageServerAccess {
        @Override
        public <T> CompletableFuture<T> doRead(String uri, Function<Context, T> function) {
            return CompletableFuture.completedFuture(doSyncRead(uri, function));
        }

        @Override
        public <T> T doSyncRead(String uri, Function<Context, T> function) {
            URI file = URI.createURI(uri);
            boolean open = workspace.manager().isDocumentOpen(file);
            return workspace.manager().doRead(file,
                    (Document document, XtextResource resource) -> function.apply(new Context(resource, document, open, CancelIndicator.NullImpl)));
        }

        @Override
        public <T> CompletableFuture<T> doReadIndex(Function<? super IndexContext, ? extends T> function) {
            return CompletableFuture.completedFuture(function.apply(new IndexContext(workspace.manager().getIndex(), CancelIndicator.NullImpl)));
        }

        @Override
        public void addBuildListener(IBuildListener listener) {
            workspace.manager().addBuildListener(listener);
        }

        @Override
        public LanguageClient getLanguageClient() {
            return null;
        }

        @Override
        public ResourceSet newLiveScopeResourceSet(URI uri) {
            return workspace.manager().getProjectManager(uri).createLiveScopeResourceSet();
        }

        @Override
        public InitializeParams getInitializeParams() {
            InitializeParams params = new InitializeParams();
            params.setCapabilities(new ClientCapabilities());
            return params;
        }

        @Override
        public InitializeResult getInitializeResult() {
            return new InitializeResult(new ServerCapabilities());
        }
    }
}
