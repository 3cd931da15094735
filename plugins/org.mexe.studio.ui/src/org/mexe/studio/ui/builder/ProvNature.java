package org.mexe.studio.ui.builder;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Stream;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.mexe.studio.ui.ProvLanguage;

/** Marks a project as holding provisioning sources; its only effect is to install {@link ProvBuilder}. */
public final class ProvNature implements IProjectNature {

    public static final String ID = ProvLanguage.PLUGIN_ID + ".provNature";
    /** Family of the jobs that add the nature, for whoever must wait for them. */
    public static final String JOB_FAMILY = ID + ".enable";

    private IProject project;

    @Override
    public void configure() throws CoreException {
        IProjectDescription description = project.getDescription();
        ICommand[] commands = description.getBuildSpec();
        if (Arrays.stream(commands).anyMatch(ProvNature::isProvBuilder)) {
            return;
        }
        ICommand command = description.newCommand();
        command.setBuilderName(ProvBuilder.ID);
        description.setBuildSpec(Stream.concat(Arrays.stream(commands), Stream.of(command)).toArray(ICommand[]::new));
        project.setDescription(description, null);
    }

    @Override
    public void deconfigure() throws CoreException {
        IProjectDescription description = project.getDescription();
        description.setBuildSpec(Arrays.stream(description.getBuildSpec())
                .filter(command -> !isProvBuilder(command))
                .toArray(ICommand[]::new));
        project.setDescription(description, null);
    }

    private static boolean isProvBuilder(ICommand command) {
        return ProvBuilder.ID.equals(command.getBuilderName());
    }

    @Override
    public IProject getProject() {
        return project;
    }

    @Override
    public void setProject(IProject project) {
        this.project = project;
    }

    /** Whether an open project has the nature; a closed one answers nothing, so false. */
    public static boolean isOn(IProject project) {
        try {
            return project.isOpen() && project.hasNature(ID);
        } catch (CoreException e) {
            return false;
        }
    }

    /** Adds the nature to an open project that lacks it; the workspace then builds the project. */
    public static void add(IProject project, IProgressMonitor monitor) throws CoreException {
        if (!project.isOpen() || project.hasNature(ID)) {
            return;
        }
        IProjectDescription description = project.getDescription();
        description.setNatureIds(Stream.concat(Arrays.stream(description.getNatureIds()), Stream.of(ID))
                .toArray(String[]::new));
        project.setDescription(description, monitor);
    }

    /** Adds the nature in a background job, as the UI must not wait for the workspace. */
    public static void addLater(Collection<IProject> projects) {
        if (projects.isEmpty()) {
            return;
        }
        WorkspaceJob job = new WorkspaceJob("Enable MExE provisioning builder") {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                for (IProject project : projects) {
                    add(project, monitor);
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return JOB_FAMILY.equals(family);
            }
        };
        // Changing natures may run any nature's configure(): the workspace wants its root locked for that.
        job.setRule(ResourcesPlugin.getWorkspace().getRoot());
        job.schedule();
    }
}
