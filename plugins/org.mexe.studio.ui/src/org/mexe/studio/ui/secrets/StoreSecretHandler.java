package org.mexe.studio.ui.secrets;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

/** The "Store Provisioning Secret..." command: asks for a location and its secret, and stores it. */
public final class StoreSecretHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        // The .prov file being edited (or selected) names secret files relative to its folder.
        java.util.Optional<java.nio.file.Path> folder = provFile(event).map(file -> file.getLocation())
                .filter(java.util.Objects::nonNull).map(location -> location.toPath().getParent());
        StoreSecretDialog dialog = new StoreSecretDialog(shell, folder);
        if (dialog.open() != Window.OK) {
            return null;
        }
        try {
            SecureStorageSecrets.userDefault().store(dialog.location(), dialog.takeSecret());
            MessageDialog.openInformation(shell, "Secret stored", "The secret for the " + dialog.location().describe()
                    + " is now in Eclipse secure storage. Builds in this workspace use it; .prov files keep naming only"
                    + " the location.");
            // Validation reads secrets when it opens keystores: it reads them again.
            org.mexe.studio.ui.ProvIndex.workspace().rebuild();
        } catch (Exception e) {
            MessageDialog.openError(shell, "Secret not stored", "The secret for the " + dialog.location().describe()
                    + " could not be stored: " + e.getMessage());
        }
        return null;
    }

    private static java.util.Optional<org.eclipse.core.resources.IFile> provFile(ExecutionEvent event) {
        var editor = HandlerUtil.getActiveEditor(event);
        var file = editor == null ? null : editor.getEditorInput().getAdapter(org.eclipse.core.resources.IFile.class);
        if (file == null && HandlerUtil.getCurrentSelection(event) instanceof org.eclipse.jface.viewers.IStructuredSelection selection) {
            file = org.eclipse.core.runtime.Adapters.adapt(selection.getFirstElement(), org.eclipse.core.resources.IFile.class);
        }
        return java.util.Optional.ofNullable(file).filter(f -> org.mexe.studio.ui.ProvLanguage.FILE_EXTENSION.equals(f.getFileExtension()));
    }
}
