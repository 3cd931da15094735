package org.mexe.studio.ui.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;
import org.mexe.studio.ui.ProvLanguage;
import org.mexe.studio.ui.ProvSources;

import com.google.inject.Injector;

/**
 * Content assist from Xtext's ide services: the document's current text is parsed next to the other
 * .prov files of its project, and Xtext proposes what the grammar and the scopes allow at the caret.
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
            XtextResource resource = ProvSources.parse(text, ProvSources.locate(document));
            Injector injector = ProvLanguage.injector();
            ContentAssistContextFactory contextFactory = injector.getInstance(ContentAssistContextFactory.class);
            contextFactory.setPool(injector.getInstance(ExecutorService.class));
            ContentAssistContext[] contexts = contextFactory.create(text, new TextRegion(offset, 0), offset, resource);
            IdeContentProposalAcceptor acceptor = injector.getInstance(IdeContentProposalAcceptor.class);
            injector.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
            errorMessage = null;
            List<ICompletionProposal> proposals = new ArrayList<>();
            acceptor.getEntries().forEach(entry -> proposals.add(new ProvCompletionProposal(entry, offset)));
            return proposals.toArray(ICompletionProposal[]::new);
        } catch (RuntimeException e) {
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
