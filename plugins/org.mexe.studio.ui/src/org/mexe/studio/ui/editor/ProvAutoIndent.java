package org.mexe.studio.ui.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentCommand;
import org.eclipse.jface.text.IAutoEditStrategy;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.TextUtilities;

/**
 * Auto-indent as the formatter lays blocks out: a new line keeps the indentation of the line
 * before, one tab more after an opening brace; a closing brace typed on an empty line goes back one level.
 */
public final class ProvAutoIndent implements IAutoEditStrategy {

    @Override
    public void customizeDocumentCommand(IDocument document, DocumentCommand command) {
        try {
            if (command.length == 0 && command.text != null && TextUtilities.endsWith(document.getLegalLineDelimiters(), command.text) != -1) {
                IRegion line = document.getLineInformationOfOffset(command.offset);
                String before = document.get(line.getOffset(), command.offset - line.getOffset());
                String indent = before.substring(0, before.length() - before.stripLeading().length());
                command.text = command.text + indent + (before.stripTrailing().endsWith("{") ? "\t" : "");
            } else if ("}".equals(command.text) && command.length == 0) {
                IRegion line = document.getLineInformationOfOffset(command.offset);
                String before = document.get(line.getOffset(), command.offset - line.getOffset());
                if (before.isBlank() && !before.isEmpty()) {
                    int cut = before.endsWith("\t") ? 1 : Math.min(4, before.length());
                    command.offset -= cut;
                    command.length += cut;
                }
            }
        } catch (BadLocationException e) {
            // The command stays as typed.
        }
    }
}
