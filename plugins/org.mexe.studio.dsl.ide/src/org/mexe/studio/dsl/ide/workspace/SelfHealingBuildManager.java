package org.mexe.studio.dsl.ide.workspace;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.server.BuildManager;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.impl.ProjectDescription;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Xtext's build queue, safe against files that went away after they were queued. Xtext keeps a
 * queued file until a build of it succeeds; a file deleted, or whose folder left the workspace,
 * after its change was queued (and before a build of it finished: a newer change cancels it) made
 * every later build fail, on a missing file or a file in no project, so the index stopped
 * following edits for the rest of the session. Before each build, such a file is taken out of the
 * queue: a gone file of a project is built as deleted, a file in no project is dropped. A file
 * that goes while a build reads it makes the build start again.
 */
public class SelfHealingBuildManager extends BuildManager {

    /** How often a build starts again when a file went away while it ran. */
    private static final int ATTEMPTS = 3;

    private WorkspaceManager workspace;
    private Set<URI> dirtyQueue;
    private Set<URI> deletedQueue;

    @Override
    public void setWorkspaceManager(WorkspaceManager workspaceManager) {
        super.setWorkspaceManager(workspaceManager);
        workspace = workspaceManager;
    }

    /** Xtext's own two queues pass through here: {@code submit} updates the dirty one first, then the deleted one. */
    @Override
    protected void queue(Set<URI> files, Collection<URI> toRemove, Collection<URI> toAdd) {
        super.queue(files, toRemove, toAdd);
        if (dirtyQueue == null) {
            dirtyQueue = files;
        } else if (deletedQueue == null && files != dirtyQueue) {
            deletedQueue = files;
        }
    }

    @Override
    protected List<IResourceDescription.Delta> internalBuild(CancelIndicator cancelIndicator) {
        return againWhileFilesGo(() -> super.internalBuild(cancelIndicator));
    }

    /** A root's first build (a project opened or added) lists its files from disk: one may go before it is read. */
    @Override
    public List<IResourceDescription.Delta> doInitialBuild(List<ProjectDescription> projects, CancelIndicator indicator) {
        return againWhileFilesGo(() -> super.doInitialBuild(projects, indicator));
    }

    /**
     * Runs a build; when a file it reads went away meanwhile (a project deleted, a checkout), runs it
     * again without the file. Xtext commits a project's build only when it succeeds.
     */
    private List<IResourceDescription.Delta> againWhileFilesGo(Supplier<List<IResourceDescription.Delta>> build) {
        for (int attempt = 1;; attempt++) {
            prune();
            try {
                return build.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isMissingFile(e)) {
                    throw e;
                }
            }
        }
    }

    private void prune() {
        if (dirtyQueue == null || deletedQueue == null) {
            return;
        }
        for (URI file : List.copyOf(dirtyQueue)) {
            if (workspace.getProjectManager(file) == null) {
                dirtyQueue.remove(file);
            } else if (!workspace.isDocumentOpen(file) && isGone(file)) {
                dirtyQueue.remove(file);
                deletedQueue.add(file);
            }
        }
        deletedQueue.removeIf(file -> workspace.getProjectManager(file) == null);
    }

    private static boolean isMissingFile(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileNotFoundException || cause instanceof NoSuchFileException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGone(URI file) {
        return file.isFile() && !Files.exists(Path.of(file.toFileString()));
    }
}
