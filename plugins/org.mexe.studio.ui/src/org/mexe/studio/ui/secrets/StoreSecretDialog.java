package org.mexe.studio.ui.secrets;

import java.nio.file.Path;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.mexe.studio.security.SecretLocation;

/** Asks for a secret's location, as the model names it, and for the secret, twice. */
final class StoreSecretDialog extends TitleAreaDialog {

    private Button environment;
    private Text name;
    private Text secret;
    private Text confirmation;
    private SecretLocation location;
    private char[] value;

    /** The folder of the .prov file the secret is for: a relative file path is resolved against it, as the file's are. */
    private final java.util.Optional<Path> provFolder;

    StoreSecretDialog(Shell parent, java.util.Optional<Path> provFolder) {
        super(parent);
        this.provFolder = provFolder;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Store a provisioning secret");
        setMessage("A .prov file names where a secret comes from (env \"VAR\" or file \"path\"); the IDE reads it from"
                + " Eclipse secure storage first.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(form);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        new Label(form, SWT.NONE).setText("Location:");
        Composite kinds = new Composite(form, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(kinds);
        environment = new Button(kinds, SWT.RADIO);
        environment.setText("Environment variable");
        environment.setSelection(true);
        new Button(kinds, SWT.RADIO).setText(provFolder.isPresent() ? "File (as the .prov file names it)" : "File (absolute path)");
        name = field(form, "Name or path:", SWT.BORDER);
        secret = field(form, "Secret:", SWT.BORDER | SWT.PASSWORD);
        confirmation = field(form, "Secret again:", SWT.BORDER | SWT.PASSWORD);
        return area;
    }

    private static Text field(Composite form, String label, int style) {
        new Label(form, SWT.NONE).setText(label);
        Text text = new Text(form, style);
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(text);
        return text;
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.OK_ID) {
            String given = name.getText().strip();
            if (given.isEmpty()) {
                setErrorMessage("Give the environment variable's name or the file's path, as the .prov file names it.");
                return;
            }
            if (secret.getText().isEmpty() || !secret.getText().equals(confirmation.getText())) {
                setErrorMessage("The two secrets differ, or are empty: type the same secret twice.");
                return;
            }
            Path file = resolve(given, provFolder);
            if (!environment.getSelection() && file == null) {
                setErrorMessage("Give the file's absolute path, or open the .prov file that names it: a relative path is"
                        + " resolved against the .prov file's folder.");
                return;
            }
            location = environment.getSelection() ? new SecretLocation.Environment(given) : new SecretLocation.File(file);
            value = secret.getTextChars();
        }
        super.buttonPressed(buttonId);
    }

    /** The file a path names: absolute as given, relative against the .prov file's folder; null when there is no folder. */
    static Path resolve(String given, java.util.Optional<Path> provFolder) {
        Path path = Path.of(given);
        if (path.isAbsolute()) {
            return path.normalize();
        }
        return provFolder.map(folder -> folder.resolve(path).toAbsolutePath().normalize()).orElse(null);
    }

    SecretLocation location() {
        return location;
    }

    /** The secret, once: the caller wipes the array. */
    char[] takeSecret() {
        char[] taken = value;
        value = null;
        return taken;
    }
}
