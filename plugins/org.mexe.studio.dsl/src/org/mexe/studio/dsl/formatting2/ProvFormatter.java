package org.mexe.studio.dsl.formatting2;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.formatting2.AbstractFormatter2;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.IHiddenRegionFormatter;
import org.eclipse.xtext.formatting2.regionaccess.IHiddenRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.xbase.lib.Procedures.Procedure1;

/**
 * Lays a .prov file out the one canonical way: one statement per line, blocks indented by a
 * tab, a blank line between top-level elements, single spaces elsewhere. The layout is decided
 * once per gap between two tokens, so that no two rules can disagree about the same gap.
 */
public class ProvFormatter extends AbstractFormatter2 {

    /** Keywords that start a top-level element: a blank line goes before them. */
    private static final Set<String> ELEMENT_KEYWORDS = Set.of("parameters", "scenario");

    /** Keywords that start a statement inside a block: each goes on its own line. */
    private static final Set<String> STATEMENT_KEYWORDS = Set.of(
            "import", "gprs", "proxy", "homepage", "apn", "auth", "address", "port",
            "deliver", "format", "security", "pin", "imsi", "to");

    private static final Procedure1<IHiddenRegionFormatter> ONE_SPACE = f -> f.oneSpace();
    private static final Procedure1<IHiddenRegionFormatter> NO_SPACE = f -> f.noSpace();
    private static final Procedure1<IHiddenRegionFormatter> NEW_LINE = f -> f.newLine();
    private static final Procedure1<IHiddenRegionFormatter> BLANK_LINE = f -> f.setNewLines(2);

    @Override
    public void format(Object object, IFormattableDocument document) {
        if (!(object instanceof XtextResource resource) || resource.getContents().isEmpty()) {
            return;
        }
        Deque<ISemanticRegion> openBraces = new ArrayDeque<>();
        ISemanticRegion previous = null;
        boolean importSeen = false;
        for (ISemanticRegion region : getTextRegionAccess().regionForRootEObject().getAllSemanticRegions()) {
            String keyword = region.getGrammarElement() instanceof Keyword k ? k.getValue() : "";
            if (previous == null) {
                document.set(region.getPreviousHiddenRegion(), NO_SPACE);
            } else {
                String previousKeyword = previous.getGrammarElement() instanceof Keyword k ? k.getValue() : "";
                Procedure1<IHiddenRegionFormatter> gap;
                if (ELEMENT_KEYWORDS.contains(keyword)) {
                    gap = BLANK_LINE;
                } else if ("import".equals(keyword)) {
                    gap = importSeen ? NEW_LINE : BLANK_LINE;
                    importSeen = true;
                } else if ("}".equals(keyword) || "{".equals(previousKeyword) || STATEMENT_KEYWORDS.contains(keyword)) {
                    gap = NEW_LINE;
                } else if (",".equals(keyword) || ".".equals(keyword) || ".*".equals(keyword) || ".".equals(previousKeyword)) {
                    gap = NO_SPACE;
                } else {
                    gap = ONE_SPACE;
                }
                document.set(region.getPreviousHiddenRegion(), gap);
            }
            if ("{".equals(keyword)) {
                openBraces.push(region);
            } else if ("}".equals(keyword) && !openBraces.isEmpty()) {
                document.interior(openBraces.pop(), region, f -> f.indent());
            }
            previous = region;
        }
        if (previous != null) {
            IHiddenRegion end = previous.getNextHiddenRegion();
            document.set(end, NEW_LINE);
        }
    }
}
