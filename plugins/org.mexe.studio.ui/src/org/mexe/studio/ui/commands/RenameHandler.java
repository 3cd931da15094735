package org.mexe.studio.ui.commands;

import java.util.ArrayList;
import java.util.Map;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.mexe.studio.dsl.ide.workspace.ProvEditorServices.Edit;
import org.mexe.studio.ui.ProvIndex;
import org.mexe.studio.ui.editor.Navigation;
import org.mexe.studio.ui.editor.ProvHyperlinkDetector;

/**
 * Rename (Alt+Shift+R): asks for the new name, shows every change in every file (the preview),
 * and applies them on OK. Xtext's rename service finds the declaration and its references in the
 * index. Files open in an editor are changed there (and left unsaved, undoable); others are saved.
 */
public final class RenameHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        var editor = Navigation.activeEditor().orElse(null);
        if (editor == null) {
            return null;
        }
        IDocument document = Navigation.document(editor);
        int offset = ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset();
        IRegion word = ProvHyperlinkDetector.wordAt(document.get(), offset);
        String old = document.get().substring(word.getOffset(), word.getOffset() + word.getLength());
        String simple = old.substring(old.lastIndexOf('.') + 1);
        Shell shell = editor.getSite().getShell();
        InputDialog ask = new InputDialog(shell, "Rename", "New name for " + old + ":", simple,
                text -> text.matches("[A-Za-z_][A-Za-z0-9_]*") ? null : "A name is a letter or '_' followed by letters, digits or '_'.");
        if (ask.open() != InputDialog.OK) {
            return null;
        }
        Map<URI, java.util.List<Edit>> changes = changes(document, offset, ask.getValue());
        if (changes.isEmpty()) {
            MessageDialog.openInformation(shell, "Rename", "There is nothing to rename at the caret: put it on a name.");
            return null;
        }
        if (new PreviewDialog(shell, old, ask.getValue(), changes).open() == IDialogConstants.OK_ID) {
            apply(changes);
        }
        return null;
    }

    /** The edits of the rename by file, from the index. */
    public static Map<URI, java.util.List<Edit>> changes(IDocument document, int offset, String newName) {
        return Navigation.ask(document, (services, uri) -> services.rename(uri, offset, newName)).orElse(Map.of());
    }

    /** Applies the edits: to the open document of a file, else to the file, which is then saved. */
    public static void apply(Map<URI, java.util.List<Edit>> changes) throws ExecutionException {
        ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
        for (var change : changes.entrySet()) {
            IFile file = ProvIndex.file(change.getKey()).orElse(null);
            if (file == null) {
                continue;
            }
            try {
                buffers.connect(file.getFullPath(), LocationKind.IFILE, null);
                try {
                    ITextFileBuffer buffer = buffers.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
                    boolean wasDirty = buffer.isDirty();
                    boolean openElsewhere = buffer.isShared();
                    Navigation.apply(buffer.getDocument(), change.getValue());
                    if (!wasDirty && !openElsewhere) {
                        buffer.commit(null, true);
                    }
                } finally {
                    buffers.disconnect(file.getFullPath(), LocationKind.IFILE, null);
                }
            } catch (CoreException | BadLocationException e) {
                throw new ExecutionException("Renaming in " + file.getFullPath() + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** The preview: one line per change, file and line, the line before and after. */
    public static java.util.List<String> describe(Map<URI, java.util.List<Edit>> changes) {
        java.util.List<String> lines = new ArrayList<>();
        for (var change : changes.entrySet()) {
            String text = text(change.getKey());
            for (Edit edit : change.getValue().reversed()) {
                int start = text.lastIndexOf('\n', Math.max(0, edit.offset() - 1)) + 1;
                int end = text.indexOf('\n', edit.offset());
                end = end < 0 ? text.length() : end;
                String before = text.substring(start, end);
                String after = text.substring(start, edit.offset()) + edit.text() + text.substring(edit.offset() + edit.length(), end);
                int line = (int) text.substring(0, edit.offset()).chars().filter(c -> c == '\n').count() + 1;
                lines.add(change.getKey().lastSegment() + ":" + line + ":  " + before.strip() + "  \u2192  " + after.strip());
            }
        }
        return lines;
    }

    private static String text(URI file) {
        var workspaceFile = ProvIndex.file(file);
        var buffer = workspaceFile.map(f -> FileBuffers.getTextFileBufferManager().getTextFileBuffer(f.getFullPath(), LocationKind.IFILE))
                .orElse(null);
        if (buffer != null) {
            return buffer.getDocument().get();
        }
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file.toFileString()));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** Shows the changes before they are made. */
    public static final class PreviewDialog extends TitleAreaDialog {
        private final String old;
        private final String newName;
        private final Map<URI, java.util.List<Edit>> changes;

        public PreviewDialog(Shell shell, String old, String newName, Map<URI, java.util.List<Edit>> changes) {
            super(shell);
            this.old = old;
            this.newName = newName;
            this.changes = changes;
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            setTitle("Rename " + old + " to " + newName);
            int count = changes.values().stream().mapToInt(java.util.List::size).sum();
            setMessage(count + " change(s) in " + changes.size() + " file(s). OK makes them.");
            Composite area = (Composite) super.createDialogArea(parent);
            org.eclipse.swt.widgets.List list = new org.eclipse.swt.widgets.List(area, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
            GridDataFactory.fillDefaults().grab(true, true).hint(700, 250).applyTo(list);
            describe(changes).forEach(list::add);
            return area;
        }

        @Override
        protected boolean isResizable() {
            return true;
        }
    }
}
