package org.mexe.studio.dsl.ide.contentassist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Content assist for any editor: what may be typed at an offset of a parsed .prov text, with
 * the prefix each proposal replaces. Names from the other files of the resource set are offered
 * too. Editors (the Eclipse Generic Editor, a language server) only present the entries.
 */
public class ProvContentAssist {

    @Inject
    private Provider<ContentAssistContextFactory> contextFactories;
    @Inject
    private Provider<IdeContentProposalAcceptor> acceptors;
    @Inject
    private IdeContentProposalProvider proposalProvider;
    @Inject
    private ExecutorService pool;

    /** The proposals at {@code offset} of {@code text}, which {@code resource} holds parsed. */
    public List<ContentAssistEntry> proposals(XtextResource resource, String text, int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " is outside the text (0.." + text.length() + ")");
        }
        ContentAssistContextFactory contextFactory = contextFactories.get();
        contextFactory.setPool(pool);
        ContentAssistContext[] contexts = contextFactory.create(text, new TextRegion(offset, 0), offset, resource);
        IdeContentProposalAcceptor acceptor = acceptors.get();
        proposalProvider.createProposals(Arrays.asList(contexts), acceptor);
        List<ContentAssistEntry> entries = new ArrayList<>();
        acceptor.getEntries().forEach(entries::add);
        return List.copyOf(entries);
    }
}
