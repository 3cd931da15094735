package org.mexe.studio.ui.outline;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.PopupDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.texteditor.ITextEditor;
import org.mexe.studio.dsl.ide.workspace.ProvEditorServices.Symbol;
import org.mexe.studio.ui.editor.Navigation;

/** Quick outline (Ctrl+O): the outline in a popup, filtered as you type; Enter or a click goes there. */
public final class QuickOutline extends PopupDialog {

    private final ITextEditor editor;
    private final List<Symbol> symbols;
    private Text filter;
    private TreeViewer tree;

    public QuickOutline(Shell parent, ITextEditor editor, List<Symbol> symbols) {
        super(parent, SWT.RESIZE, true, false, false, false, false, "Quick Outline", "Type a name to filter, Enter to go there");
        this.editor = editor;
        this.symbols = symbols;
    }

    @Override
    protected Control createTitleControl(Composite parent) {
        filter = new Text(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        filter.addModifyListener(event -> {
            if (tree != null) {
                tree.refresh();
                tree.expandAll();
            }
        });
        filter.addListener(SWT.DefaultSelection, event -> go());
        filter.addListener(SWT.KeyDown, event -> {
            if (event.keyCode == SWT.ARROW_DOWN) {
                tree.getTree().setFocus();
            }
        });
        return filter;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        tree = new TreeViewer(parent, SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, true).hint(400, 300).applyTo(tree.getControl());
        tree.setContentProvider(new SymbolTree.Content());
        tree.setLabelProvider(new SymbolTree.Labels());
        tree.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer viewer, Object parent, Object element) {
                // The popup makes its tree before its title, where the filter is.
                return filter == null || matches((Symbol) element, filter.getText().strip().toLowerCase());
            }
        });
        tree.setInput(symbols);
        tree.expandAll();
        tree.addOpenListener(event -> go());
        tree.getTree().addListener(SWT.DefaultSelection, event -> go());
        return tree.getControl();
    }

    private static boolean matches(Symbol symbol, String text) {
        return text.isEmpty() || symbol.name().toLowerCase().contains(text) || symbol.children().stream().anyMatch(child -> matches(child, text));
    }

    /** Goes to the selected symbol, or to the first one that matches the filter. */
    public void go() {
        Object chosen = ((IStructuredSelection) tree.getSelection()).getFirstElement();
        if (chosen == null) {
            // The first symbol whose own name matches, not a container that only holds one.
            chosen = firstMatch(symbols, filter == null ? "" : filter.getText().strip().toLowerCase());
        }
        if (chosen instanceof Symbol symbol) {
            close();
            editor.selectAndReveal(symbol.nameOffset(), symbol.nameLength());
        }
    }

    private static Symbol firstMatch(List<Symbol> symbols, String text) {
        for (Symbol symbol : symbols) {
            Symbol inChildren = firstMatch(symbol.children(), text);
            boolean own = !text.isEmpty() && symbol.name().substring(symbol.name().lastIndexOf('.') + 1).toLowerCase().contains(text);
            if (own) {
                return symbol;
            }
            if (inChildren != null) {
                return inChildren;
            }
        }
        return text.isEmpty() && !symbols.isEmpty() ? symbols.get(0) : null;
    }

    /** Sets the filter text, as typing would. */
    public void filter(String text) {
        filter.setText(text);
    }

    @Override
    protected Control getFocusControl() {
        return filter;
    }

    /** The handler of Ctrl+O in a .prov editor. */
    public static final class Handler extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            Navigation.activeEditor().ifPresent(editor -> {
                List<Symbol> symbols = ProvOutlinePage.symbols(Navigation.document(editor));
                new QuickOutline(editor.getSite().getShell(), editor, symbols).open();
            });
            return null;
        }
    }
}
