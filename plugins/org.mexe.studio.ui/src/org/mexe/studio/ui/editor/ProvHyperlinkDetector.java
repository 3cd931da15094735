package org.mexe.studio.ui.editor;

import java.util.List;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.mexe.studio.dsl.ide.workspace.ProvEditorServices.Span;

/**
 * Go to definition (F3, Ctrl+click) in the Generic Editor: a name links to its declaration, in
 * whatever file of the index, as Xtext's definition service finds it.
 */
public final class ProvHyperlinkDetector extends AbstractHyperlinkDetector {

    @Override
    public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
        int offset = region.getOffset();
        List<Span> targets = Navigation.ask(viewer.getDocument(), (services, uri) -> services.definitions(uri, offset)).orElse(List.of());
        if (targets.isEmpty()) {
            return null;
        }
        IRegion word = wordAt(viewer.getDocument().get(), offset);
        return targets.stream().map(target -> new IHyperlink() {
            @Override
            public IRegion getHyperlinkRegion() {
                return word;
            }

            @Override
            public String getTypeLabel() {
                return "Declaration";
            }

            @Override
            public String getHyperlinkText() {
                return "Open declaration in " + target.file().lastSegment();
            }

            @Override
            public void open() {
                Navigation.open(target);
            }
        }).toArray(IHyperlink[]::new);
    }

    /** The name under the caret: letters, digits, '-', '_' and the dots of a qualified name. */
    public static IRegion wordAt(String text, int offset) {
        int start = Math.min(offset, text.length());
        while (start > 0 && isNamePart(text.charAt(start - 1))) {
            start--;
        }
        int end = Math.min(offset, text.length());
        while (end < text.length() && isNamePart(text.charAt(end))) {
            end++;
        }
        return new Region(start, end - start);
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
