package org.mexe.studio.ui.editor;


import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.mexe.studio.dsl.ide.contentassist.ProvContentAssist;
import org.mexe.studio.ui.ProvLanguage;


/**
 * Content assist from Xtext's ide services on the index: Xtext proposes what the grammar and the
 * scopes allow at the caret, with names from every file of the index.
 */
public final class ProvContentAssistProcessor implements IContentAssistProcessor {

    private volatile String errorMessage;

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        IDocument document = viewer.getDocument();
        String text = document.get();
        if (offset > text.length()) {
            return new ICompletionProposal[0];
        }
        try {
            ProvContentAssist assist = ProvLanguage.injector().getInstance(ProvContentAssist.class);
            var entries = EditorDocuments.read(document, (doc, resource) -> assist.proposals(resource, text, offset)).get(30, TimeUnit.SECONDS);
            errorMessage = null;
            return entries.stream().map(entry -> new ProvCompletionProposal(entry, offset)).toArray(ICompletionProposal[]::new);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ICompletionProposal[0];
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Logged and shown in the popup instead of proposals: content assist must never break typing.
            ILog.of(getClass()).error("Content assist failed", e);
            errorMessage = "Content assist failed: " + e;
            return new ICompletionProposal[0];
        }
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return null;
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return null;
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return null;
    }

    @Override
    public String getErrorMessage() {
        return errorMessage;
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return null;
    }
}
