package org.mexe.studio.ui.editor;


import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.templates.DocumentTemplateContext;
import org.eclipse.jface.text.templates.GlobalTemplateVariables;
import org.eclipse.jface.text.templates.Template;
import org.eclipse.jface.text.templates.TemplateContextType;
import org.eclipse.jface.text.templates.TemplateProposal;
import org.mexe.studio.dsl.ide.workspace.ProvTemplates;
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
            List<ICompletionProposal> proposals = new ArrayList<>();
            entries.forEach(entry -> proposals.add(new ProvCompletionProposal(entry, offset)));
            proposals.addAll(templates(document, offset));
            return proposals.toArray(ICompletionProposal[]::new);
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

    /** dsl.ide's templates whose name starts with the word before the caret, at the start of a line. */
    public static List<ICompletionProposal> templates(IDocument document, int offset) {
        try {
            IRegion line = document.getLineInformationOfOffset(offset);
            String before = document.get(line.getOffset(), offset - line.getOffset());
            String prefix = before.stripLeading();
            if (!prefix.chars().allMatch(c -> Character.isLetter(c))) {
                return List.of();
            }
            List<ICompletionProposal> proposals = new ArrayList<>();
            for (ProvTemplates.Template template : ProvTemplates.ALL) {
                if (template.name().startsWith(prefix)) {
                    Template jface = new Template(template.name(), template.description(), CONTEXT_TYPE.getId(), template.pattern(), false);
                    Region region = new Region(offset - prefix.length(), prefix.length());
                    DocumentTemplateContext context = new DocumentTemplateContext(CONTEXT_TYPE, document, region.getOffset(), region.getLength());
                    proposals.add(new TemplateProposal(jface, context, region, null));
                }
            }
            return proposals;
        } catch (BadLocationException e) {
            return List.of();
        }
    }

    private static final TemplateContextType CONTEXT_TYPE = new TemplateContextType(ProvLanguage.CONTENT_TYPE, "MExE provisioning");

    static {
        CONTEXT_TYPE.addResolver(new GlobalTemplateVariables.Cursor());
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
