package org.mexe.studio.ui.commands;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextSelection;
import org.mexe.studio.dsl.ide.workspace.LineComments;
import org.mexe.studio.ui.editor.Navigation;

/** Toggle comment (Ctrl+/): the selected lines become {@code //} comments, or stop being ones. */
public final class ToggleCommentHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        var editor = Navigation.activeEditor().orElse(null);
        if (editor == null) {
            return null;
        }
        IDocument document = Navigation.document(editor);
        ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
        try {
            int last = selection.getEndLine();
            // A selection that ends at the start of a line does not take that line in.
            if (last > selection.getStartLine() && document.getLineOffset(last) == selection.getOffset() + selection.getLength()) {
                last--;
            }
            List<LineComments.Line> lines = new ArrayList<>();
            for (int line = selection.getStartLine(); line <= last; line++) {
                IRegion region = document.getLineInformation(line);
                lines.add(new LineComments.Line(region.getOffset(), document.get(region.getOffset(), region.getLength())));
            }
            Navigation.apply(document, LineComments.toggle(lines));
        } catch (BadLocationException e) {
            throw new ExecutionException("Cannot toggle comments: " + e.getMessage(), e);
        }
        return null;
    }
}
