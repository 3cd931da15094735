package org.mexe.studio.ui.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.mexe.studio.diagram.ProvisioningDiagrams;
import org.mexe.studio.dsl.ide.model.ElementAt;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.run.RunException;
import org.mexe.studio.run.RunOptions;
import org.mexe.studio.run.ScenarioRun;
import org.mexe.studio.ui.ProvLanguage;
import org.mexe.studio.ui.ProvSources;
import org.mexe.studio.ui.editor.EditorDocuments;
import org.mexe.studio.ui.editor.Navigation;

/**
 * Run Scenario: runs the scenario under the caret (every scenario of the project when the caret
 * is in none) end to end on loopback, with the project's saved .prov files, and shows the trace
 * in the Scenario Run view. The same {@link ScenarioRun} as {@code prov run}.
 */
public final class RunScenarioHandler extends AbstractHandler {

    /** The family of the run's job, for whoever waits for it. */
    public static final Object JOB_FAMILY = RunScenarioHandler.class;

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        var editor = Navigation.activeEditor().orElse(null);
        if (editor == null) {
            return null;
        }
        IDocument document = Navigation.document(editor);
        Optional<IFile> file = ProvSources.locate(document).flatMap(ProvSources.Location::workspaceFile);
        if (file.isEmpty()) {
            throw new ExecutionException("Run Scenario runs .prov files of a workspace project; this file is not in one.");
        }
        IProject project = file.get().getProject();
        if (!IDE.saveAllEditors(new IResource[] { project }, true)) {
            return null; // the user kept unsaved changes: the run reads the files
        }
        int caret = ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset();
        Optional<String> scenario = scenarioAt(document, caret);
        RunScenarioView view;
        try {
            view = (RunScenarioView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().showView(RunScenarioView.ID);
        } catch (PartInitException e) {
            throw new ExecutionException("The Scenario Run view cannot open: " + e.getMessage(), e);
        }
        List<Path> inputs = ProvSources.pathsOf(ProvSources.filesOf(project));
        String title = scenario.map(s -> "Run " + s).orElse("Run every scenario of " + project.getName());
        view.start(title);
        Job job = new Job(title) {
            @Override
            protected IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
                RunOptions options = scenario.map(RunOptions.defaults()::withScenario).orElse(RunOptions.defaults());
                try {
                    var pipeline = ProvLanguage.pipeline();
                    var secrets = ProvLanguage.secrets();
                    ScenarioRun.Result result = ScenarioRun.run(pipeline, pipeline.load(inputs, secrets), secrets, options, view::add);
                    view.finish(result);
                } catch (GenerationException e) {
                    view.finish("Not run: " + e.getMessage() + " See the Problems view.");
                } catch (RunException e) {
                    view.finish("Not run: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    view.finish("Cancelled; everything the run started is stopped.");
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job.setUser(true);
        job.schedule();
        return null;
    }

    /** The qualified name of the scenario whose text holds {@code caret}, as the index reads the document. */
    static Optional<String> scenarioAt(IDocument document, int caret) {
        try {
            return EditorDocuments.read(document, (doc, resource) -> ElementAt.of(resource, caret, Scenario.class)
                    .map(ProvisioningDiagrams::qualifiedName)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            ILog.of(RunScenarioHandler.class).error("Finding the scenario under the caret failed; every scenario runs", e);
            return Optional.empty();
        }
    }
}
