package org.mexe.studio.dsl.formatting2;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Alternatives;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.formatting2.AbstractFormatter2;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.IHiddenRegionFormatter;
import org.eclipse.xtext.formatting2.IHiddenRegionFormatting;
import org.eclipse.xtext.formatting2.ITextReplacer;
import org.eclipse.xtext.formatting2.internal.HiddenRegionReplacer;
import org.eclipse.xtext.formatting2.internal.SinglelineDocCommentReplacer;
import org.eclipse.xtext.formatting2.internal.WhitespaceReplacer;
import org.eclipse.xtext.formatting2.regionaccess.IComment;
import org.eclipse.xtext.formatting2.regionaccess.IHiddenRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.xbase.lib.Procedures.Procedure1;
import org.mexe.studio.model.provisioning.Element;
import org.mexe.studio.model.provisioning.Import;
import org.mexe.studio.model.provisioning.MailServer;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.SecretRef;

/**
 * Lays a .prov file out the one canonical way: one statement per line, blocks indented by a
 * tab, a blank line before each top-level element and before the imports, single spaces
 * elsewhere. The layout is decided once per gap between two tokens, so that no two rules can
 * disagree about the same gap. What a statement is comes from the grammar, not from a list of
 * keywords: an object that stands on its own (an element, a stage, a block) or a keyword that
 * starts one branch of a block's statement loop.
 */
public class ProvFormatter extends AbstractFormatter2 {

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
                EObject startedObject = objectStartedBy(region);
                Procedure1<IHiddenRegionFormatter> gap;
                if (startedObject instanceof Element && startedObject.eContainer() instanceof ProvisioningModel) {
                    gap = BLANK_LINE;
                } else if (startedObject instanceof Import) {
                    gap = importSeen ? NEW_LINE : BLANK_LINE;
                    importSeen = true;
                } else if ("}".equals(keyword) || "{".equals(previousKeyword) || startedObject != null
                        || startsStatement(region)) {
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
            document.set(previous.getNextHiddenRegion(), NEW_LINE);
        }
    }

    /**
     * Comments stay where they were written, indented with the code around them; Xtext's
     * defaults differ in three places, fixed here:
     * <ul>
     * <li>the indentation of a block ended at the first line break of the gap before its '}', so
     * that a comment on its own line there lost its indentation: it ends at the last one;</li>
     * <li>a {@code //} comment ends its line, but a gap was only seen as wrapping at a line break
     * of its own whitespace, so that the blank line before an element went after the comments
     * above it;</li>
     * <li>a {@code //} comment that ends the file without a line break got none.</li>
     * </ul>
     */
    @Override
    public ITextReplacer createHiddenRegionReplacer(IHiddenRegion region, IHiddenRegionFormatting formatting) {
        return new HiddenRegionReplacer(region, formatting) {
            @Override
            protected void applyHiddenRegionFormatting(List<ITextReplacer> replacers) {
                super.applyHiddenRegionFormatting(replacers);
                IHiddenRegionFormatting separator = findWhitespaceThatSeparatesSemanticRegions(replacers).getFormatting();
                Integer newLines = getFormatting().getNewLineMin();
                if (newLines != null && newLines > 0) {
                    // line breaks that the layout asks for win over the single space a comment would take
                    applySeparatorConfiguration(separator);
                }
                int last = replacers.size() - 1;
                if (getRegion().getNextSemanticRegion() == null && last > 0 && replacers.get(last) instanceof WhitespaceReplacer end
                        && replacers.get(last - 1).getRegion() instanceof IComment comment && !endsLine(comment)) {
                    end.getFormatting().setNewLinesMin(1);
                    end.getFormatting().setNewLinesDefault(1);
                    end.getFormatting().setNewLinesMax(1);
                }
            }

            @Override
            protected void applyIndentation(List<ITextReplacer> replacers, IHiddenRegionFormatting separator) {
                Integer decrease = getFormatting().getIndentationDecrease();
                if (getFormatting().getIndentationIncrease() == null && decrease != null
                        && replacers.get(replacers.size() - 1) instanceof WhitespaceReplacer last) {
                    last.getFormatting().setIndentationDecrease(decrease);
                } else {
                    super.applyIndentation(replacers, separator);
                }
            }

            @Override
            protected WhitespaceReplacer findWhitespaceThatSeparatesSemanticRegions(List<ITextReplacer> replacers) {
                boolean wrapped = false;
                for (ITextReplacer replacer : replacers) {
                    if (replacer instanceof WhitespaceReplacer whitespace) {
                        wrapped |= whitespace.getRegion().isMultiline();
                        if (wrapped) {
                            return whitespace;
                        }
                    } else if (replacer.getRegion() instanceof IComment comment && endsLine(comment)) {
                        wrapped = true;
                    }
                }
                return (WhitespaceReplacer) replacers.get(replacers.size() - 1);
            }
        };
    }

    /** A {@code //} comment is indented as code even when written at the start of a line. */
    @Override
    public ITextReplacer createCommentReplacer(IComment comment) {
        if (comment.getGrammarElement() instanceof AbstractRule rule && rule.getName().startsWith("SL")) {
            return new SinglelineDocCommentReplacer(comment, "//");
        }
        return super.createCommentReplacer(comment);
    }

    private static boolean endsLine(IComment comment) {
        return comment.getText().endsWith("\n") || comment.getText().endsWith("\r");
    }

    /** The object whose text begins with this token, unless it is a value written inline. */
    private EObject objectStartedBy(ISemanticRegion region) {
        EObject object = region.getSemanticElement();
        if (object == null || object instanceof ProvisioningModel || object instanceof SecretRef || object instanceof MailServer) {
            return null;
        }
        var objectRegion = getTextRegionAccess().regionForEObject(object);
        return objectRegion != null && objectRegion.getOffset() == region.getOffset() ? object : null;
    }

    /** Whether the token is the keyword that opens one branch of a statement loop, such as 'apn'. */
    private static boolean startsStatement(ISemanticRegion region) {
        if (!(region.getGrammarElement() instanceof Keyword keyword)) {
            return false;
        }
        EObject element = keyword;
        if (element.eContainer() instanceof Assignment assignment) {
            element = assignment;
        }
        if (element.eContainer() instanceof Group group && group.getElements().get(0) == element) {
            element = group;
        }
        return element.eContainer() instanceof Alternatives loop && "*".equals(loop.getCardinality())
                && loop.getElements().contains((AbstractElement) element);
    }
}
