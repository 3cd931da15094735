package org.mexe.studio.ui.wizards;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;
import org.mexe.studio.dsl.ide.workspace.NewFiles;

/** File › New › .prov File: a file whose namespace comes from its folder. */
public final class NewProvFileWizard extends BasicNewResourceWizard {

    private WizardNewFileCreationPage page;

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        super.init(workbench, selection);
        setWindowTitle("New Provisioning File");
    }

    @Override
    public void addPages() {
        page = new WizardNewFileCreationPage("file", getSelection()) {
            @Override
            protected InputStream getInitialContents() {
                return new ByteArrayInputStream(NewFiles.content(namespaceOf(getContainerFullPath())).getBytes(StandardCharsets.UTF_8));
            }
        };
        page.setTitle("Provisioning file");
        page.setDescription("A .prov file; its namespace follows its folder.");
        page.setFileExtension("prov");
        page.setFileName("scenario.prov");
        addPage(page);
    }

    /** The namespace of a file in a folder: the folders below the project, else the project's name. */
    public static String namespaceOf(IPath container) {
        if (container == null || container.segmentCount() == 0) {
            return "main";
        }
        var folders = Arrays.asList(container.removeFirstSegments(1).segments());
        return NewFiles.namespace(folders, NewFiles.namespace(java.util.List.of(container.segment(0)), "main"));
    }

    @Override
    public boolean performFinish() {
        IFile file = page.createNewFile();
        if (file == null) {
            return false;
        }
        selectAndReveal(file);
        try {
            IDE.openEditor(getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
        } catch (org.eclipse.ui.PartInitException e) {
            // The file is there; the user opens it.
        }
        return true;
    }

    static IContainer container(IPath path) {
        return ResourcesPlugin.getWorkspace().getRoot().getContainerForLocation(path);
    }
}
