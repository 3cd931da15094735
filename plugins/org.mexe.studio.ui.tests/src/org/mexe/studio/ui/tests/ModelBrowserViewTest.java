package org.mexe.studio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mexe.studio.dsl.ide.model.ModelBrowser.Node;
import org.mexe.studio.dsl.ide.model.ModelBrowser.Property;
import org.mexe.studio.ui.ProvIndex;
import org.mexe.studio.ui.browser.ModelBrowserView;
import org.mexe.studio.ui.builder.ProvNature;

/** The Model Browser shows every project's model with extends resolved, follows changes, and opens an element's text. */
@ExtendWith(IndexErrors.class)
class ModelBrowserViewTest {

    private static final String BASE = """
            namespace browse.ui.base

            parameters National {
            	gprs {
            		apn "internet.operator.example"
            	}
            	www {
            		homepage "http://wap.operator.example/"
            	}
            }
            """;

    private static final String SCENARIOS = """
            namespace browse.ui.scenarios

            import browse.ui.base.*

            parameters Capital extends National {
            	www {
            		homepage "http://capital.operator.example/"
            	}
            }

            scenario Launch {
            	deliver Capital {
            		security none
            		to "+447700900123"
            	}
            }
            """;

    @Test
    void theWholeModelIsBrowsedAndAnElementOpensItsText() throws Exception {
        IProject project = Workbench.newProject("model-browser");
        ProvNature.add(project, null);
        Workbench.write(project, "base.prov", BASE);
        IFile scenarios = Workbench.write(project, "scenarios.prov", SCENARIOS);
        ProvIndex.include(project).get(60, TimeUnit.SECONDS);

        ModelBrowserView view = (ModelBrowserView) Workbench.page().showView(ModelBrowserView.ID);
        Node capital = waitFor(() -> element(view, "namespace browse.ui.scenarios", "parameters Capital"));
        view.tree().setSelection(new StructuredSelection(capital), true);
        Workbench.processEvents();
        @SuppressWarnings("unchecked")
        List<Property> shown = (List<Property>) view.properties().getInput();
        assertTrue(shown.contains(new Property("www homepage", "\"http://capital.operator.example/\"", "Capital")), shown::toString);
        assertTrue(shown.contains(new Property("gprs apn", "\"internet.operator.example\"", "National")), shown::toString);
        assertEquals(3, view.properties().getTable().getColumnCount());
        assertEquals("National", view.properties().getTable().getItems()[indexOf(shown, "gprs apn")].getText(2), "the From column");

        // The view follows the index: a saved change shows without a refresh.
        Workbench.write(project, "scenarios.prov", SCENARIOS.replace("scenario Launch", "parameters Spare {\n}\n\nscenario Launch"));
        waitFor(() -> element(view, "namespace browse.ui.scenarios", "parameters Spare"));

        Node again = waitFor(() -> element(view, "namespace browse.ui.scenarios", "parameters Capital"));
        view.tree().setSelection(new StructuredSelection(again), true);
        view.tree().getTree().notifyListeners(SWT.DefaultSelection, new Event());
        Workbench.processEvents();
        ITextEditor editor = (ITextEditor) Workbench.page().getActiveEditor().getAdapter(ITextEditor.class);
        assertEquals(scenarios.getName(), editor.getEditorInput().getName());
        ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
        assertTrue(selection.getText().startsWith("parameters Capital extends National {"), selection.getText());

        Workbench.page().hideView(view);
        Workbench.page().closeAllEditors(false);
        project.delete(true, true, null);
    }

    private static int indexOf(List<Property> properties, String name) {
        for (int i = 0; i < properties.size(); i++) {
            if (properties.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not in " + properties);
    }

    private static Optional<Node> element(ModelBrowserView view, String namespace, String label) {
        return view.model().stream().filter(node -> node.label().equals(namespace)).flatMap(node -> node.children().stream())
                .filter(node -> node.label().equals(label)).findFirst();
    }

    /** Runs UI events until the node is there, for at most 20 seconds (the view reads the index in the background). */
    private static Node waitFor(Supplier<Optional<Node>> node) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (node.get().isEmpty() && System.nanoTime() < end) {
            Workbench.processEvents();
            Thread.sleep(50);
        }
        return node.get().orElseThrow(() -> new AssertionError("the node did not appear within 20 s"));
    }
}
