package org.mexe.studio.ui.wizards;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewProjectResourceWizard;
import org.mexe.studio.dsl.ide.workspace.NewFiles;
import org.mexe.studio.ui.builder.ProvNature;

/** File › New › Provisioning Project: a project with the provisioning nature and a starter scenario that validates. */
public final class NewProvProjectWizard extends BasicNewProjectResourceWizard {

    @Override
    public void addPages() {
        super.addPages();
        setWindowTitle("New Provisioning Project");
    }

    @Override
    public boolean performFinish() {
        if (!super.performFinish()) {
            return false;
        }
        IProject project = getNewProject();
        try {
            IFile starter = create(project);
            IDE.openEditor(getWorkbench().getActiveWorkbenchWindow().getActivePage(), starter);
        } catch (CoreException e) {
            org.eclipse.core.runtime.ILog.of(getClass()).error("Setting up " + project.getName() + " failed", e);
            return false;
        }
        return true;
    }

    /** Adds the nature and the starter scenario to a new project; returns the scenario's file. */
    public static IFile create(IProject project) throws CoreException {
        ProvNature.add(project, null);
        IFile starter = project.getFile("scenario.prov");
        String namespace = NewFiles.namespace(java.util.List.of(project.getName()), "main");
        if (!starter.exists()) {
            starter.create(new ByteArrayInputStream(NewFiles.starter(namespace).getBytes(StandardCharsets.UTF_8)), true, null);
        }
        return starter;
    }
}
