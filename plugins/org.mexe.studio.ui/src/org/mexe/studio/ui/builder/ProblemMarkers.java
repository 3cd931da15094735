package org.mexe.studio.ui.builder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.validation.Issue;
import org.mexe.studio.dsl.ide.workspace.ProvWorkspace;
import org.mexe.studio.ui.ProvIndex;
import org.mexe.studio.ui.ProvLanguage;
import org.mexe.studio.ui.ProvProblem;

/**
 * Turns the index's problems into markers, so that the Problems view, the editor rulers and the
 * quick fixes (marker resolutions) see them. A file whose editor holds unsaved text keeps the
 * markers of its saved text: its editor shows the live problems (see the reconciler) until it is
 * saved. Markers are written in a background job, never on the thread that validated.
 */
public final class ProblemMarkers implements ProvWorkspace.ProblemListener {

    public static final ProblemMarkers INSTANCE = new ProblemMarkers();
    public static final String JOB_FAMILY = ProvLanguage.PLUGIN_ID + ".markers";

    private final Map<URI, List<Issue>> pending = new HashMap<>();
    private final WorkspaceJob job = new WorkspaceJob("Updating provisioning problems") {
        @Override
        public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
            flush(null);
            return Status.OK_STATUS;
        }

        @Override
        public boolean belongsTo(Object family) {
            return JOB_FAMILY.equals(family);
        }
    };

    private ProblemMarkers() {
        job.setSystem(true);
    }

    @Override
    public void problems(URI file, List<Issue> issues) {
        synchronized (pending) {
            pending.put(file, issues);
        }
        job.schedule(50);
    }

    /** Writes the pending problems of {@code project} (of every project when null) now, on the caller's thread. */
    public void flush(IProject project) throws CoreException {
        Map<IFile, List<ProvProblem>> toWrite = new HashMap<>();
        synchronized (pending) {
            for (var it = pending.entrySet().iterator(); it.hasNext();) {
                var entry = it.next();
                Optional<IFile> file = ProvIndex.file(entry.getKey());
                if (file.isEmpty()) {
                    it.remove();
                    continue;
                }
                if (project != null && !file.get().getProject().equals(project)) {
                    continue;
                }
                it.remove();
                if (!isDirty(file.get())) {
                    toWrite.put(file.get(), entry.getValue().stream().map(ProvProblem::of).toList());
                }
            }
        }
        if (toWrite.isEmpty()) {
            return;
        }
        IWorkspaceRunnable write = monitor -> {
            for (var entry : toWrite.entrySet()) {
                if (entry.getKey().exists() && !same(entry.getKey(), entry.getValue())) {
                    ProvMarkers.replace(entry.getKey(), entry.getValue());
                }
            }
        };
        ResourcesPlugin.getWorkspace().run(write, null, org.eclipse.core.resources.IWorkspace.AVOID_UPDATE, null);
    }

    /** Whether the file's markers already say exactly this: rewriting them would only make the views flicker. */
    private static boolean same(IFile file, List<ProvProblem> problems) throws CoreException {
        var markers = file.findMarkers(ProvMarkers.TYPE, true, 0);
        if (markers.length != problems.size()) {
            return false;
        }
        List<ProvProblem> existing = new ArrayList<>();
        for (var marker : markers) {
            existing.add(new ProvProblem(marker.getAttribute(org.eclipse.core.resources.IMarker.SEVERITY, -1),
                    marker.getAttribute(org.eclipse.core.resources.IMarker.MESSAGE, ""), marker.getAttribute(ProvMarkers.CODE, null),
                    marker.getAttribute(org.eclipse.core.resources.IMarker.LINE_NUMBER, 0),
                    marker.getAttribute(org.eclipse.core.resources.IMarker.CHAR_START, -1),
                    marker.getAttribute(org.eclipse.core.resources.IMarker.CHAR_END, -1) - marker.getAttribute(org.eclipse.core.resources.IMarker.CHAR_START, -1)));
        }
        List<ProvProblem> wanted = problems.stream()
                .map(p -> p.offset() < 0 ? new ProvProblem(p.severity(), p.message(), p.code(), p.line(), -1, 0) : p).toList();
        return new java.util.HashSet<>(existing).equals(new java.util.HashSet<>(wanted));
    }

    static boolean isDirty(IFile file) {
        ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
        return buffer != null && buffer.isDirty();
    }

    /** Whether any .prov file of the project has unsaved text in an editor. */
    static List<IFile> dirtyFiles(IProject project) {
        List<IFile> dirty = new ArrayList<>();
        for (var buffer : FileBuffers.getTextFileBufferManager().getFileBuffers()) {
            if (buffer.isDirty() && buffer.getLocation() != null && buffer.getLocation().segmentCount() > 1
                    && buffer.getLocation().segment(0).equals(project.getName())
                    && ProvLanguage.FILE_EXTENSION.equals(buffer.getLocation().getFileExtension())) {
                dirty.add(project.getWorkspace().getRoot().getFile(buffer.getLocation()));
            }
        }
        return dirty;
    }
}
