package org.mexe.studio.ui.browser;

import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.mexe.studio.dsl.ide.model.ModelBrowser;
import org.mexe.studio.dsl.ide.model.ModelBrowser.Node;
import org.mexe.studio.dsl.ide.model.ModelBrowser.Property;
import org.mexe.studio.dsl.ide.workspace.ProvWorkspace;
import org.mexe.studio.ui.ProvIndex;
import org.mexe.studio.ui.ProvLanguage;
import org.mexe.studio.ui.editor.Navigation;

/**
 * Model Browser: the whole model of every provisioning project, read-only, for reviewers — a tree
 * of namespaces and elements ({@link ModelBrowser}) and the selected node's properties, with a
 * parameter set's {@code extends} resolved. It follows the index: every validation redraws it (at
 * most twice a second). A double click opens the element's text.
 */
public final class ModelBrowserView extends ViewPart {

    public static final String ID = "org.mexe.studio.ui.modelBrowserView";
    private static final int REDRAW_DELAY_MS = 500;

    private TreeViewer tree;
    private TableViewer properties;
    private volatile List<Node> shown = List.of();
    private boolean redrawScheduled;
    private final ProvWorkspace.ProblemListener onValidation = (file, issues) -> scheduleRedraw();

    @Override
    public void createPartControl(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        tree = new TreeViewer(sash, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        tree.setContentProvider(new NodeContent());
        // A redraw makes new nodes: the tree finds the expanded ones again by their labels.
        tree.setComparer(new IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                return a instanceof Node first && b instanceof Node second ? first.label().equals(second.label()) : a == b;
            }

            @Override
            public int hashCode(Object element) {
                return element instanceof Node node ? node.label().hashCode() : System.identityHashCode(element);
            }
        });
        tree.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Node) element).label();
            }
        });
        properties = new TableViewer(sash, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        properties.getTable().setHeaderVisible(true);
        properties.getTable().setLinesVisible(true);
        properties.setContentProvider(ArrayContentProvider.getInstance());
        column("Property", 160, Property::name);
        column("Value", 320, Property::value);
        column("From", 120, Property::from);
        sash.setWeights(45, 55);

        tree.addSelectionChangedListener(event -> {
            Object selected = ((IStructuredSelection) event.getSelection()).getFirstElement();
            properties.setInput(selected instanceof Node node ? node.properties() : List.of());
        });
        tree.addDoubleClickListener(event -> {
            if (((IStructuredSelection) event.getSelection()).getFirstElement() instanceof Node node) {
                node.location().ifPresent(Navigation::open);
            }
        });
        Action refresh = new Action("Refresh") {
            @Override
            public void run() {
                redraw();
            }
        };
        refresh.setToolTipText("Read the model again from the index");
        getViewSite().getActionBars().getToolBarManager().add(refresh);

        ProvIndex.workspace().addProblemListener(onValidation);
        redraw();
    }

    private void column(String title, int width, java.util.function.Function<Property, String> text) {
        TableViewerColumn column = new TableViewerColumn(properties, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Property) element);
            }
        });
    }

    /** Any thread: a validation happened; redraw once the index has settled a moment. */
    private void scheduleRedraw() {
        var control = tree == null ? null : tree.getControl();
        if (control == null || control.isDisposed()) {
            return;
        }
        control.getDisplay().asyncExec(() -> {
            if (redrawScheduled || control.isDisposed()) {
                return;
            }
            redrawScheduled = true;
            control.getDisplay().timerExec(REDRAW_DELAY_MS, () -> {
                redrawScheduled = false;
                redraw();
            });
        });
    }

    /** Reads the model off the UI thread and shows it, keeping the expanded nodes open where their labels still are. */
    private void redraw() {
        IQualifiedNameProvider names = ProvLanguage.injector().getInstance(IQualifiedNameProvider.class);
        // Taken now: the view may be closed before the model is read, and a disposed control has no display.
        var display = tree.getControl().getDisplay();
        ProvIndex.workspace().readAllRoots(resources -> ModelBrowser.of(resources, names))
                .thenAccept(model -> display.asyncExec(() -> show(model)));
    }

    private void show(List<Node> model) {
        if (tree.getControl().isDisposed()) {
            return;
        }
        Object[] expanded = tree.getExpandedElements();
        shown = model;
        tree.setInput(model);
        tree.setExpandedElements(expanded);
    }

    /** What the view shows now. */
    public List<Node> model() {
        return shown;
    }

    public TreeViewer tree() {
        return tree;
    }

    public TableViewer properties() {
        return properties;
    }

    @Override
    public void setFocus() {
        tree.getControl().setFocus();
    }

    @Override
    public void dispose() {
        ProvIndex.workspace().removeProblemListener(onValidation);
        super.dispose();
    }

    private final class NodeContent implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return ((List<?>) input).toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return ((Node) parent).children().toArray();
        }

        /** Found by walking the model shown: nodes do not know their parents. */
        @Override
        public Object getParent(Object element) {
            return parentIn(shown, null, element);
        }

        private Node parentIn(List<Node> nodes, Node parent, Object element) {
            for (Node node : nodes) {
                if (node == element) {
                    return parent;
                }
                Node found = parentIn(node.children(), node, element);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return !((Node) element).children().isEmpty();
        }
    }
}
