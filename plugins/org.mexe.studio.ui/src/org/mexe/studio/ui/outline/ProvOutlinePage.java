package org.mexe.studio.ui.outline;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.mexe.studio.dsl.ide.workspace.ProvEditorServices.Symbol;
import org.mexe.studio.ui.editor.Navigation;

/**
 * The Outline view of a .prov editor: the declarations of the file as Xtext's document symbol
 * service lists them, following the text as it is typed. Selecting one selects its name in the editor.
 */
public final class ProvOutlinePage extends ContentOutlinePage {

    private final ITextEditor editor;
    private final IDocument document;
    private final Job refresh = new Job("Updating the provisioning outline") {
        @Override
        protected IStatus run(IProgressMonitor monitor) {
            List<Symbol> symbols = symbols(document);
            TreeViewer viewer = getTreeViewer();
            if (viewer != null && !viewer.getControl().isDisposed()) {
                viewer.getControl().getDisplay().asyncExec(() -> {
                    if (!viewer.getControl().isDisposed()) {
                        viewer.setInput(symbols);
                        viewer.expandToLevel(2);
                    }
                });
            }
            return Status.OK_STATUS;
        }
    };
    private final IDocumentListener typing = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            refresh.schedule(500);
        }
    };

    public ProvOutlinePage(ITextEditor editor) {
        this.editor = editor;
        this.document = Navigation.document(editor);
        refresh.setSystem(true);
    }

    /** The outline of a document, from the index. */
    public static List<Symbol> symbols(IDocument document) {
        return Navigation.ask(document, (services, uri) -> services.outline(uri)).orElse(List.of());
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer viewer = getTreeViewer();
        viewer.setContentProvider(new SymbolTree.Content());
        viewer.setLabelProvider(new SymbolTree.Labels());
        viewer.addSelectionChangedListener(event -> {
            if (event.getSelection() instanceof IStructuredSelection selection && selection.getFirstElement() instanceof Symbol symbol) {
                editor.selectAndReveal(symbol.nameOffset(), symbol.nameLength());
            }
        });
        document.addDocumentListener(typing);
        refresh.schedule();
    }

    @Override
    public void dispose() {
        document.removeDocumentListener(typing);
        refresh.cancel();
        super.dispose();
    }

    /** Waits for the outline to be filled, for tests and screenshots. */
    public boolean await(long millis) throws InterruptedException {
        return refresh.join(millis, null);
    }
}
