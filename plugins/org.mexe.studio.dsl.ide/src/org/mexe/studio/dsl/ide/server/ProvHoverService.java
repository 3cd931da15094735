package org.mexe.studio.dsl.ide.server;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.mexe.studio.dsl.ide.hover.ProvHover;

import com.google.inject.Inject;

/** The language server's hover: {@link ProvHover}'s Markdown at the position asked for. */
public class ProvHoverService implements IHoverService {

    @Inject
    private ProvHover hover;

    @Override
    public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancel) {
        int offset = document.getOffSet(params.getPosition());
        return hover.hoverAt(resource, offset)
                .map(text -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, text.markdown()),
                        new Range(document.getPosition(text.offset()), document.getPosition(text.offset() + text.length()))))
                .orElse(EMPTY_HOVER);
    }
}
