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
        StoreSecretDialog dialog = new StoreSecretDialog(shell);
        if (dialog.open() != Window.OK) {
            return null;
        }
        try {
            SecureStorageSecrets.userDefault().store(dialog.location(), dialog.takeSecret());
            MessageDialog.openInformation(shell, "Secret stored", "The secret for the " + dialog.location().describe()
                    + " is now in Eclipse secure storage. Builds in this workspace use it; .prov files keep naming only"
                    + " the location.");
        } catch (Exception e) {
            MessageDialog.openError(shell, "Secret not stored", "The secret for the " + dialog.location().describe()
                    + " could not be stored: " + e.getMessage());
        }
        return null;
    }
}
