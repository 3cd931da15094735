package org.mexe.studio.ui.editor;

import java.util.Optional;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.mexe.studio.ui.ProvLanguage;

/**
 * The Generic Editor's hover for .prov files: the text of dsl.ide's hover service (a keyword's
 * meaning, a reference's target with its effective values, a delivery's size against the limits).
 */
public final class ProvHover implements ITextHover {

    @Override
    public String getHoverInfo(ITextViewer viewer, IRegion region) {
        return hoverAt(viewer, region.getOffset()).map(hover -> plain(hover.markdown())).orElse(null);
    }

    @Override
    public IRegion getHoverRegion(ITextViewer viewer, int offset) {
        return hoverAt(viewer, offset).<IRegion>map(hover -> new Region(hover.offset(), hover.length())).orElse(new Region(offset, 0));
    }

    private static Optional<org.mexe.studio.dsl.ide.hover.ProvHover.HoverText> hoverAt(ITextViewer viewer, int offset) {
        var service = ProvLanguage.injector().getInstance(org.mexe.studio.dsl.ide.hover.ProvHover.class);
        try {
            return EditorDocuments.read(viewer.getDocument(), (document, resource) -> service.hoverAt(resource, offset))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The hover control shows plain text: Markdown's emphasis and code marks would only be noise there. */
    static String plain(String markdown) {
        return markdown.replace("**", "").replace("`", "").replaceAll("(?m)^#+ ", "");
    }
}
