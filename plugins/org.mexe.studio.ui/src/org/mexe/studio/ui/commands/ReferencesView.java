package org.mexe.studio.ui.commands;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.mexe.studio.ui.ProvLanguage;
import org.mexe.studio.ui.editor.Navigation;

/**
 * Find references (Ctrl+Shift+G): every place in the index that refers to the element under the
 * caret, as Xtext's reference finder lists them; a double click opens one.
 */
public final class ReferencesView extends ViewPart {

    public static final String ID = ProvLanguage.PLUGIN_ID + ".references";

    /** A reference: where it is, and its line as text. */
    public record Reference(org.mexe.studio.dsl.ide.workspace.ProvEditorServices.Span span, int line, String text) {
        @Override
        public String toString() {
            return span.file().lastSegment() + ":" + line + ": " + text.strip();
        }
    }

    private TableViewer table;
    private List<Reference> references = List.of();

    @Override
    public void createPartControl(Composite parent) {
        table = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION);
        table.setContentProvider(ArrayContentProvider.getInstance());
        table.setLabelProvider(new LabelProvider());
        table.addOpenListener(event -> {
            if (event.getSelection() instanceof IStructuredSelection selection && selection.getFirstElement() instanceof Reference reference) {
                Navigation.open(reference.span());
            }
        });
        table.setInput(references);
    }

    public void show(String what, List<Reference> found) {
        references = found;
        setContentDescription(found.size() + " reference(s) to " + what);
        if (table != null) {
            table.setInput(found);
        }
    }

    public List<Reference> references() {
        return references;
    }

    @Override
    public void setFocus() {
        table.getControl().setFocus();
    }

    /** The handler of the Generic Editor's Find References command in a .prov editor. */
    public static final class Handler extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) throws ExecutionException {
            var editor = Navigation.activeEditor().orElse(null);
            if (editor == null) {
                return null;
            }
            var document = Navigation.document(editor);
            int offset = ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset();
            var spans = Navigation.ask(document, (services, uri) -> services.references(uri, offset)).orElse(List.of());
            List<Reference> found = spans.stream().map(ReferencesView::reference).toList();
            String word = document.get().substring(org.mexe.studio.ui.editor.ProvHyperlinkDetector.wordAt(document.get(), offset).getOffset(),
                    org.mexe.studio.ui.editor.ProvHyperlinkDetector.wordAt(document.get(), offset).getOffset()
                            + org.mexe.studio.ui.editor.ProvHyperlinkDetector.wordAt(document.get(), offset).getLength());
            try {
                ReferencesView view = (ReferencesView) editor.getSite().getPage().showView(ID);
                view.show(word, found);
            } catch (PartInitException e) {
                throw new ExecutionException("Cannot open the references view", e);
            }
            return null;
        }
    }

    private static Reference reference(org.mexe.studio.dsl.ide.workspace.ProvEditorServices.Span span) {
        try {
            String text = java.nio.file.Files.readString(java.nio.file.Path.of(span.file().toFileString()));
            var file = org.mexe.studio.ui.ProvIndex.file(span.file());
            var buffer = file.map(f -> org.eclipse.core.filebuffers.FileBuffers.getTextFileBufferManager()
                    .getTextFileBuffer(f.getFullPath(), org.eclipse.core.filebuffers.LocationKind.IFILE)).orElse(null);
            if (buffer != null) {
                text = buffer.getDocument().get();
            }
            int lineStart = text.lastIndexOf('\n', Math.max(0, span.offset() - 1)) + 1;
            int lineEnd = text.indexOf('\n', span.offset());
            int line = (int) text.substring(0, span.offset()).chars().filter(c -> c == '\n').count() + 1;
            return new Reference(span, line, text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd));
        } catch (java.io.IOException | RuntimeException e) {
            return new Reference(span, 0, "");
        }
    }
}
