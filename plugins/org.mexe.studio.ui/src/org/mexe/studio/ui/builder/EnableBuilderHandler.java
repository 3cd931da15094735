package org.mexe.studio.ui.builder;

import java.util.List;
import java.util.Objects;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/** The "Enable MExE provisioning builder" command of a project's context menu. */
public final class EnableBuilderHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        ISelection selection = HandlerUtil.getCurrentSelection(event);
        if (selection instanceof IStructuredSelection structured) {
            List<IProject> projects = structured.toList().stream()
                    .map(element -> Adapters.adapt(element, IProject.class))
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
            ProvNature.addLater(projects);
        }
        return null;
    }
}
