package org.mexe.studio.ui.builder;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.OutputFolder;
import org.mexe.studio.generator.Problem;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.ProvisioningPipeline.LoadedInputs;
import org.mexe.studio.ui.ProvLanguage;
import org.mexe.studio.ui.ProvProblem;
import org.mexe.studio.ui.ProvSources;

/**
 * The IDE's front door onto the pipeline: whenever a .prov file changes, every .prov file of the
 * project is validated (names cross files, so one change can break another file), the problems
 * become markers, and when there is no error the artefacts are generated into {@code prov-gen/}.
 */
public final class ProvBuilder extends IncrementalProjectBuilder {

    public static final String ID = ProvLanguage.PLUGIN_ID + ".provBuilder";

    @Override
    protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
        if (delta == null || touchesSources(delta)) {
            validateAndGenerate(SubMonitor.convert(monitor, "Validating and generating MExE provisioning", 3));
        }
        return null;
    }

    private void validateAndGenerate(SubMonitor monitor) throws CoreException {
        IProject project = getProject();
        Map<Path, IFile> files = new LinkedHashMap<>();
        for (IFile file : ProvSources.filesOf(project)) {
            if (file.getLocation() != null) {
                files.put(file.getLocation().toPath().toAbsolutePath().normalize(), file);
            }
        }
        ProvMarkers.replace(project, List.of());
        if (files.isEmpty()) {
            return;
        }
        List<Path> inputs = List.copyOf(files.keySet());
        ProvisioningPipeline pipeline = ProvLanguage.pipeline();
        try {
            LoadedInputs loaded = pipeline.load(inputs, ProvLanguage.secrets());
            monitor.worked(1);
            List<Problem> problems = pipeline.validate(loaded, monitor::isCanceled);
            mark(files, problems);
            monitor.worked(1);
            if (problems.stream().noneMatch(Problem::isError)) {
                generate(loaded, monitor.split(1));
            }
        } catch (GenerationException e) {
            if (e.problems().isEmpty()) {
                // Nothing in the input is to blame: an unreadable folder, an unwritable output.
                ProvMarkers.replace(project, List.of(ProvProblem.ofProject(e.getMessage())));
            } else {
                // A generation failure with a place in a file, such as a secret that cannot be read.
                mark(files, e.problems());
            }
        }
    }

    private static void mark(Map<Path, IFile> files, List<Problem> problems) throws CoreException {
        Map<Path, List<Problem>> byFile = problems.stream().collect(Collectors.groupingBy(Problem::file));
        for (var file : files.entrySet()) {
            ProvMarkers.replace(file.getValue(), byFile.getOrDefault(file.getKey(), List.of()).stream().map(ProvProblem::of).toList());
        }
    }

    /**
     * prov-gen belongs to the builder only while it holds what the builder wrote (see
     * {@link OutputFolder}): a user's file there stops generation with a project marker, never
     * with the file's loss. The IDE offers no way to force it; the user moves the file.
     */
    private static final OutputFolder.Permission OWN_FOLDER_ONLY = OutputFolder.Permission.ownOutputOnly(
            "delete the folder " + ProvLanguage.GENERATED_FOLDER + " yourself: the builder replaces only a "
                    + ProvLanguage.GENERATED_FOLDER + " it wrote");

    private void generate(LoadedInputs loaded, IProgressMonitor monitor) throws GenerationException, CoreException {
        IFolder output = getProject().getFolder(ProvLanguage.GENERATED_FOLDER);
        ProvLanguage.pipeline().generate(loaded, output.getLocation().toPath(), ProvLanguage.secrets(), OWN_FOLDER_ONLY);
        output.refreshLocal(IResource.DEPTH_INFINITE, monitor);
        // Derived: searches, the Open Resource dialog and team providers leave generated files alone.
        output.setDerived(true, monitor);
    }

    @Override
    protected void clean(IProgressMonitor monitor) throws CoreException {
        ProvMarkers.deleteAll(getProject());
        IFolder output = getProject().getFolder(ProvLanguage.GENERATED_FOLDER);
        // A prov-gen with files the builder did not write is the user's: clean leaves it, the next build says why.
        if (output.exists() && output.getLocation() != null && OutputFolder.isOwnOutput(output.getLocation().toPath())) {
            output.delete(true, monitor);
        }
    }

    /** Whether a change concerns a .prov source, as opposed to the generated output or other files. */
    private boolean touchesSources(IResourceDelta delta) throws CoreException {
        boolean[] found = {false};
        delta.accept(child -> {
            IResource resource = child.getResource();
            if (resource instanceof IFile file && ProvLanguage.FILE_EXTENSION.equals(file.getFileExtension())) {
                found[0] = true;
            }
            return !found[0] && !isGeneratedFolder(resource);
        });
        return found[0];
    }

    private boolean isGeneratedFolder(IResource resource) {
        return resource instanceof IFolder folder && folder.getParent().equals(getProject())
                && folder.getName().equals(ProvLanguage.GENERATED_FOLDER);
    }
}
