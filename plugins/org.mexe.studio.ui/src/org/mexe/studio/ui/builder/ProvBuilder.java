package org.mexe.studio.ui.builder;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.eclipse.core.resources.IMarker;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.OutputFolder;
import org.mexe.studio.generator.Problem;
import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.security.SigningIdentity;
import org.mexe.studio.generator.ProvisioningPipeline.LoadedInputs;
import org.mexe.studio.ui.ProvIndex;
import org.mexe.studio.ui.ProvLanguage;
import org.mexe.studio.ui.ProvProblem;
import org.mexe.studio.ui.ProvSources;
import org.mexe.studio.ui.preferences.ProvPreferences;

/**
 * The IDE's front door onto the pipeline: whenever a .prov file changes, the index (which has
 * revalidated the files the change concerns) gives its problems as markers, and when the project
 * has no error and no unsaved .prov file, the artefacts are generated into {@code prov-gen/} from
 * the index's resources. Otherwise an info marker says that {@code prov-gen/} is stale.
 */
public final class ProvBuilder extends IncrementalProjectBuilder {

    public static final String ID = ProvLanguage.PLUGIN_ID + ".provBuilder";

    @Override
    protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
        if (delta == null || touchesSources(delta)) {
            validateAndGenerate(kind == FULL_BUILD, SubMonitor.convert(monitor, "Validating and generating MExE provisioning", 3));
        }
        return null;
    }

    private void validateAndGenerate(boolean full, SubMonitor monitor) throws CoreException {
        IProject project = getProject();
        Map<Path, IFile> files = new LinkedHashMap<>();
        Map<URI, IFile> byUri = new LinkedHashMap<>();
        for (IFile file : ProvSources.filesOf(project)) {
            if (file.getLocation() != null) {
                files.put(file.getLocation().toPath().toAbsolutePath().normalize(), file);
                ProvIndex.uri(file).ifPresent(uri -> byUri.put(uri, file));
            }
        }
        ProvMarkers.replace(project, List.of());
        ProvIndex.include(project);
        if (full) {
            // A clean build (or secrets changed): every file is validated again.
            ProvIndex.workspace().filesChanged(List.copyOf(byUri.keySet()), List.of());
        }
        // The index has followed the changes (see ProvIndex): wait for its build, then show what it found.
        await(ProvIndex.workspace().settled());
        ProblemMarkers.INSTANCE.flush(project);
        monitor.worked(1);
        if (files.isEmpty() || !ProvPreferences.buildOnSave(project)) {
            return;
        }
        List<IFile> withErrors = byUri.entrySet().stream()
                .filter(entry -> ProvIndex.workspace().problems(entry.getKey()).orElse(List.of()).stream()
                        .anyMatch(issue -> issue.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR))
                .map(Map.Entry::getValue)
                .toList();
        if (!withErrors.isEmpty()) {
            stale(project, "has errors in " + names(withErrors));
            return;
        }
        List<IFile> unsaved = ProblemMarkers.dirtyFiles(project);
        if (!unsaved.isEmpty()) {
            stale(project, "has unsaved changes in " + names(unsaved));
            return;
        }
        monitor.worked(1);
        try {
            // The index's resource set holds the project's files, linked: generation parses nothing again.
            LoadedInputs loaded = await(ProvIndex.workspace().readRoot(byUri.keySet().iterator().next(), (resourceSet, resources) -> {
                Map<Path, XtextResource> inputs = new LinkedHashMap<>();
                for (XtextResource resource : resources) {
                    if (resource.getURI().isFile()) {
                        inputs.put(Path.of(resource.getURI().toFileString()).toAbsolutePath().normalize(), resource);
                    }
                }
                return new LoadedInputs(resourceSet, inputs);
            }));
            if (loaded == null || loaded.resources().size() != files.size()) {
                // The index does not hold every file of the project yet (it is still being built): read them.
                loaded = ProvLanguage.pipeline().load(List.copyOf(files.keySet()), ProvLanguage.secrets());
            }
            generate(loaded, monitor.split(1));
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

    /** Says on the project that prov-gen/ was left as it was, and why: stale output must never pass silently. */
    private void stale(IProject project, String why) throws CoreException {
        if (!project.getFolder(ProvPreferences.outputFolder(project)).exists()) {
            return;
        }
        ProvMarkers.replace(project, List.of(new ProvProblem(IMarker.SEVERITY_INFO, ProvPreferences.outputFolder(project)
                + "/ is stale: it was not regenerated because the project " + why + ". Fix and save to regenerate it.",
                ProvMarkers.STALE_OUTPUT, 0, -1, 0)));
    }

    private static String names(List<IFile> files) {
        return files.stream().map(file -> file.getProjectRelativePath().toString()).sorted().collect(Collectors.joining(", "));
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) throws CoreException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.eclipse.core.runtime.OperationCanceledException();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new CoreException(org.eclipse.core.runtime.Status.error("The provisioning index failed: " + e.getCause(), e.getCause()));
        }
    }

    private static void mark(Map<Path, IFile> files, List<Problem> problems) throws CoreException {
        Map<Path, List<Problem>> byFile = problems.stream().collect(Collectors.groupingBy(Problem::file));
        for (var file : files.entrySet()) {
            ProvMarkers.replace(file.getValue(), byFile.getOrDefault(file.getKey(), List.of()).stream().map(ProvProblem::of).toList());
        }
    }

    /**
     * The output folder (prov-gen unless the preferences say otherwise) belongs to the builder only
     * while it holds what the builder wrote (see {@link OutputFolder}): a user's file there stops
     * generation with a project marker, never with the file's loss. The IDE offers no way to force
     * it; the user moves the file.
     */
    private static OutputFolder.Permission ownFolderOnly(String folder) {
        return OutputFolder.Permission.ownOutputOnly("delete the folder " + folder + " yourself: the builder replaces only a "
                + folder + " it wrote");
    }

    private void generate(LoadedInputs loaded, IProgressMonitor monitor) throws GenerationException, CoreException {
        String folder = ProvPreferences.outputFolder(getProject());
        IFolder output = getProject().getFolder(folder);
        Optional<SigningIdentity> signer;
        try {
            signer = ProvPreferences.signer(ProvLanguage.secrets());
        } catch (KeystoreException e) {
            // Asked to sign and cannot: no unsigned output in its place.
            throw new GenerationException("The manifest of " + folder + "/ cannot be signed, so nothing was generated: " + e.getMessage()
                    + " (Window > Preferences > MExE Provisioning).", null);
        }
        ProvLanguage.pipeline().generate(loaded, output.getLocation().toPath(), ProvLanguage.secrets(), signer, Optional.empty(),
                ownFolderOnly(folder));
        output.refreshLocal(IResource.DEPTH_INFINITE, monitor);
        // Derived: searches, the Open Resource dialog and team providers leave generated files alone.
        output.setDerived(true, monitor);
    }

    @Override
    protected void clean(IProgressMonitor monitor) throws CoreException {
        ProvMarkers.deleteAll(getProject());
        IFolder output = getProject().getFolder(ProvPreferences.outputFolder(getProject()));
        // Only a folder the builder wrote: the preference may name any folder, and one with files the
        // builder did not write is the user's (clean leaves it, the next build says why).
        if (output.exists() && output.getLocation() != null && OutputFolder.isOwnOutput(output.getLocation().toPath())) {
            output.delete(true, monitor);
        }
    }

    /** Whether a change concerns a .prov source, as opposed to the generated output or other files. */
    private boolean touchesSources(IResourceDelta delta) throws CoreException {
        boolean[] found = {false};
        delta.accept(child -> {
            IResource resource = child.getResource();
            // Marker changes (ours, written after validating) are no reason to build again.
            boolean contentChanged = child.getKind() != IResourceDelta.CHANGED
                    || (child.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED | IResourceDelta.ENCODING)) != 0;
            if (resource instanceof IFile file && ProvLanguage.FILE_EXTENSION.equals(file.getFileExtension()) && contentChanged) {
                found[0] = true;
            }
            return !found[0] && !isGeneratedFolder(resource);
        });
        return found[0];
    }

    private boolean isGeneratedFolder(IResource resource) {
        return resource instanceof IFolder folder && folder.getProject().equals(getProject())
                && folder.getProjectRelativePath().toString().equals(ProvPreferences.outputFolder(getProject()));
    }
}
