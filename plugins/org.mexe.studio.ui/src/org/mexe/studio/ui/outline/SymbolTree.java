package org.mexe.studio.ui.outline;

import java.util.List;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.mexe.studio.dsl.ide.workspace.ProvEditorServices.Symbol;

/** How the outline and the quick outline show the index's symbols of a file. */
final class SymbolTree {

    private SymbolTree() {
    }

    static final class Content implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return input instanceof List<?> list ? list.toArray() : new Object[0];
        }

        @Override
        public Object[] getChildren(Object parent) {
            return parent instanceof Symbol symbol ? symbol.children().toArray() : new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof Symbol symbol && !symbol.children().isEmpty();
        }
    }

    static final class Labels extends LabelProvider {
        @Override
        public String getText(Object element) {
            if (element instanceof Symbol symbol) {
                String kind = symbol.detail() != null && !symbol.detail().isBlank() ? symbol.detail() : symbol.kind().toLowerCase();
                return symbol.name() + (kind.isBlank() ? "" : " : " + kind);
            }
            return String.valueOf(element);
        }
    }
}
