package org.mexe.studio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mexe.studio.ui.run.RunScenarioHandler;
import org.mexe.studio.ui.run.RunScenarioView;

/** Run Scenario in the editor runs the scenario under the caret with the code prov run uses, and the view shows its trace. */
@ExtendWith(IndexErrors.class)
class RunScenarioTest {

    static final String SOURCE = """
            namespace ui.trial

            parameters Web {
            	www {
            		homepage "http://setup.ui-run.example/"
            	}
            }

            server Setup {
            	url "http://setup.ui-run.example/"
            }

            scenario Welcome {
            	deliver Web {
            		security none
            		to "+447700900150"
            	}
            	connect Setup
            }

            scenario Other {
            	deliver Web {
            		security none
            		to "+447700900151"
            	}
            }
            """;

    @Test
    void theScenarioUnderTheCaretRunsAndItsTraceIsShown() throws Exception {
        IProject project = Workbench.newProject("run-scenario");
        IFile file = Workbench.write(project, "welcome.prov", SOURCE);
        ITextEditor editor = (ITextEditor) IDE.openEditor(Workbench.page(), file);
        Workbench.processEvents();
        editor.selectAndReveal(SOURCE.indexOf("connect Setup"), 0);
        editor.getSite().getService(IHandlerService.class).executeCommand("org.mexe.studio.ui.runScenario", null);
        Job.getJobManager().join(RunScenarioHandler.JOB_FAMILY, null);
        RunScenarioView view = (RunScenarioView) Workbench.page().findView(RunScenarioView.ID);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!view.timeline().contains("Every stage succeeded.") && System.nanoTime() < end) {
            Workbench.processEvents();
            Thread.sleep(50);
        }
        String timeline = view.timeline();
        assertTrue(timeline.contains("ui.trial.Welcome on AnyHandset\n"), timeline);
        assertTrue(timeline.matches("(?s).*\\s1 deliver\\s+ok\\s+settings received, verified and saved\n.*"), timeline);
        assertTrue(timeline.matches("(?s).*\\s2 connect\\s+ok\\s+the browser opened http://setup.ui-run.example/\n.*"), timeline);
        assertTrue(!timeline.contains("ui.trial.Other"), "only the scenario under the caret runs: " + timeline);
        assertTrue(timeline.endsWith("Every stage succeeded.\n"), timeline);
        Workbench.page().closeAllEditors(false);
        project.delete(true, true, null);
    }
}
