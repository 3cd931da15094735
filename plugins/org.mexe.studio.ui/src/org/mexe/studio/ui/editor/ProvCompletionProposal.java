package org.mexe.studio.ui.editor;

import java.util.Locale;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension2;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;

/** One Xtext proposal; applying it replaces the prefix typed before the caret, not just inserts. */
final class ProvCompletionProposal implements ICompletionProposal, ICompletionProposalExtension2 {

    private final String proposal;
    private final String label;
    private final String description;
    private final int prefixOffset;
    private final int caretOffset;

    ProvCompletionProposal(ContentAssistEntry entry, int caretOffset) {
        String prefix = entry.getPrefix() == null ? "" : entry.getPrefix();
        this.proposal = entry.getProposal();
        this.label = entry.getLabel() == null ? entry.getProposal() : entry.getLabel();
        this.description = entry.getDescription();
        this.prefixOffset = caretOffset - prefix.length();
        this.caretOffset = caretOffset;
    }

    @Override
    public void apply(IDocument document) {
        replaceUpTo(document, caretOffset);
    }

    @Override
    public void apply(ITextViewer viewer, char trigger, int stateMask, int offset) {
        // The user may have typed on while the proposals were computed: replace up to where the caret is now.
        replaceUpTo(viewer.getDocument(), offset);
    }

    private void replaceUpTo(IDocument document, int offset) {
        try {
            document.replace(prefixOffset, offset - prefixOffset, proposal);
        } catch (BadLocationException e) {
            throw new IllegalStateException("The proposal's region left the document", e);
        }
    }

    @Override
    public boolean validate(IDocument document, int offset, DocumentEvent event) {
        if (offset < prefixOffset) {
            return false;
        }
        try {
            String typed = document.get(prefixOffset, offset - prefixOffset);
            return proposal.toLowerCase(Locale.ROOT).startsWith(typed.toLowerCase(Locale.ROOT));
        } catch (BadLocationException e) {
            return false;
        }
    }

    @Override
    public Point getSelection(IDocument document) {
        return new Point(prefixOffset + proposal.length(), 0);
    }

    @Override
    public String getDisplayString() {
        return label;
    }

    @Override
    public String getAdditionalProposalInfo() {
        return description;
    }

    @Override
    public Image getImage() {
        return null;
    }

    @Override
    public IContextInformation getContextInformation() {
        return null;
    }

    @Override
    public void selected(ITextViewer viewer, boolean smartToggle) {
        // No preview of the change: the popup shows the proposal.
    }

    @Override
    public void unselected(ITextViewer viewer) {
        // Nothing was previewed.
    }
}
