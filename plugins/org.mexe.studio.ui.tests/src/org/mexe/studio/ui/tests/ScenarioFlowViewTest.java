package org.mexe.studio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mexe.studio.diagram.Diagram;
import org.mexe.studio.ui.flow.ScenarioFlowView;

/** The Scenario Flow view follows the caret into a scenario, draws its stages as the report does, and a click selects a stage's text. */
@ExtendWith(IndexErrors.class)
class ScenarioFlowViewTest {

    private static final String SOURCE = """
            namespace ui.flow

            parameters Web {
            	www {
            		homepage "http://setup.ui-flow.example/"
            	}
            }

            server Setup {
            	url "http://setup.ui-flow.example/"
            }

            scenario First {
            	deliver Web {
            		security none
            		to "+447700900160"
            	}
            	connect Setup
            }

            scenario Second {
            	deliver Web {
            		security none
            		to "+447700900161"
            	}
            }
            """;

    @Test
    void theViewDrawsTheScenarioUnderTheCaretAndAClickSelectsAStage() throws Exception {
        IProject project = Workbench.newProject("scenario-flow");
        IFile file = Workbench.write(project, "flow.prov", SOURCE);
        ITextEditor editor = (ITextEditor) IDE.openEditor(Workbench.page(), file);
        Workbench.processEvents();
        ScenarioFlowView view = (ScenarioFlowView) Workbench.page().showView(ScenarioFlowView.ID);
        Workbench.page().activate(editor);
        editor.selectAndReveal(SOURCE.indexOf("connect Setup"), 0);
        waitFor(() -> view.flow().filter(f -> f.scenario().equals("ui.flow.First")).isPresent());
        var flow = view.flow().orElseThrow();
        List<String> stages = flow.diagram().diagram().nodes().stream().filter(n -> n.kind() == Diagram.Kind.STAGE).map(Diagram.Node::title)
                .toList();
        assertEquals(List.of("1. deliver Web", "2. connect"), stages);
        assertTrue(flow.diagram().diagram().nodes().stream().anyMatch(n -> n.kind() == Diagram.Kind.SERVER && n.title().equals("Setup")));

        int[] centre = view.centre("ui.flow.First#2").orElseThrow();
        editor.selectAndReveal(0, 0);
        Event click = new Event();
        click.x = centre[0];
        click.y = centre[1];
        click.button = 1;
        view.canvas().notifyListeners(SWT.MouseDown, click);
        ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
        assertEquals("connect Setup", selection.getText());

        editor.selectAndReveal(SOURCE.indexOf("+447700900161"), 0);
        waitFor(() -> view.flow().filter(f -> f.scenario().equals("ui.flow.Second")).isPresent());
        assertEquals(1, view.flow().orElseThrow().diagram().diagram().nodes().stream().filter(n -> n.kind() == Diagram.Kind.STAGE).count());
        Workbench.page().closeAllEditors(false);
        project.delete(true, true, null);
    }

    /** Runs UI events until the condition holds, for at most 20 seconds (the index answers in the background). */
    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Workbench.processEvents();
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), "the condition did not come true within 20 s");
    }
}
