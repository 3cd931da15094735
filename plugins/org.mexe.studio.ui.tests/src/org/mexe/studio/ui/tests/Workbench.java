package org.mexe.studio.ui.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IWorkspaceDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

/** Workspace and workbench chores the tests share; all of them run on the UI thread. */
final class Workbench {

    private Workbench() {
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** A fresh open project; one left by an earlier test run is deleted first. */
    static IProject newProject(String name) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
        project.create(null);
        project.open(null);
        return project;
    }

    static IFile write(IProject project, String name, String content) throws CoreException {
        IFile file = project.getFile(name);
        var bytes = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
        if (file.exists()) {
            file.setContents(bytes, true, false, null);
        } else {
            file.create(bytes, true, null);
        }
        return file;
    }

    /** Switches automatic building, so that tests decide when a build runs; returns the previous setting. */
    static boolean autoBuild(boolean on) throws CoreException {
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        IWorkspaceDescription description = workspace.getDescription();
        boolean before = description.isAutoBuilding();
        description.setAutoBuilding(on);
        workspace.setDescription(description);
        return before;
    }

    /** Runs the UI events queued so far, such as the asynchronous parts of opening an editor. */
    static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // Keep going until the queue is empty.
        }
    }
}
