package org.mexe.studio.ui.commands;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.mexe.studio.dsl.ide.workspace.ProvEditorServices.Edit;
import org.mexe.studio.ui.editor.Navigation;

/** Format (Ctrl+Shift+F): the selected lines, or the whole file, by the language's formatter. */
public final class FormatHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        var editor = Navigation.activeEditor().orElse(null);
        if (editor == null) {
            return null;
        }
        IDocument document = Navigation.document(editor);
        ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
        int offset = selection.getLength() > 0 ? selection.getOffset() : 0;
        int length = selection.getLength() > 0 ? selection.getLength() : -1;
        List<Edit> edits = Navigation.ask(document, (services, uri) -> services.format(uri, offset, length)).orElse(List.of());
        try {
            Navigation.apply(document, edits);
        } catch (BadLocationException e) {
            throw new ExecutionException("The text changed while it was formatted: format again", e);
        }
        return null;
    }
}
