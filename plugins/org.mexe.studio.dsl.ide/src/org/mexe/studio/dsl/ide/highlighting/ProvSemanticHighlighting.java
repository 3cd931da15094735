package org.mexe.studio.dsl.ide.highlighting;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.ide.editor.syntaxcoloring.HighlightingStyles;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.mexe.studio.model.provisioning.Element;
import org.mexe.studio.model.provisioning.Import;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.SecretRef;

/**
 * Colours by meaning, not by token: the name an element is declared with, a reference to an
 * element, a namespace, and a secret's source (so that {@code env "PIN"} stands out from an
 * ordinary string), besides keywords, strings, numbers and comments. One position per leaf of
 * the text, in order. The style ids are {@link HighlightingStyles}' and this class's constants;
 * each editor maps them to its own colours (the language server to LSP semantic token types).
 */
public class ProvSemanticHighlighting implements ISemanticHighlightingCalculator {

    /** The name in an element's declaration: {@code parameters National}. */
    public static final String DECLARATION_ID = "declaration";
    /** A name that refers to an element: {@code deliver National}. */
    public static final String REFERENCE_ID = "reference";
    /** A namespace, in {@code namespace} and {@code import}. */
    public static final String NAMESPACE_ID = "namespace";
    /** Where a secret is read from: {@code env "OPERATOR_P12_PASSWORD"}. The value itself is never in the text. */
    public static final String SECRET_ID = "secret";

    @Override
    public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor, CancelIndicator cancel) {
        if (resource == null || resource.getParseResult() == null) {
            return;
        }
        for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
            if (cancel != null && cancel.isCanceled()) {
                return;
            }
            if (leaf.getLength() == 0) {
                continue;
            }
            String style = styleOf(leaf);
            if (style != null) {
                acceptor.addPosition(leaf.getOffset(), leaf.getLength(), style);
            }
        }
    }

    private static String styleOf(ILeafNode leaf) {
        EObject grammar = leaf.getGrammarElement();
        if (leaf.isHidden()) {
            return grammar instanceof TerminalRule rule && rule.getName().endsWith("COMMENT") ? HighlightingStyles.COMMENT_ID : null;
        }
        EObject semantic = leaf.getSemanticElement();
        if (semantic instanceof SecretRef) {
            return SECRET_ID;
        }
        if (isInCrossReference(leaf)) {
            return grammar instanceof Keyword k && k.getValue().equals(".") ? HighlightingStyles.PUNCTUATION_ID : REFERENCE_ID;
        }
        Assignment assignment = assignmentOf(leaf);
        if (assignment != null && "name".equals(assignment.getFeature()) && semantic instanceof ProvisioningModel) {
            return NAMESPACE_ID;
        }
        if (assignment != null && "importedNamespace".equals(assignment.getFeature()) && semantic instanceof Import) {
            return NAMESPACE_ID;
        }
        if (assignment != null && "name".equals(assignment.getFeature()) && semantic instanceof Element) {
            return DECLARATION_ID;
        }
        if (grammar instanceof Keyword keyword) {
            return Character.isLetter(keyword.getValue().charAt(0)) ? HighlightingStyles.KEYWORD_ID : HighlightingStyles.PUNCTUATION_ID;
        }
        if (grammar instanceof RuleCall call && call.getRule() instanceof TerminalRule terminal) {
            return switch (terminal.getName()) {
                case "STRING" -> HighlightingStyles.STRING_ID;
                case "INT" -> HighlightingStyles.NUMBER_ID;
                default -> null;
            };
        }
        return null;
    }

    /** How far up from a leaf a name's rules (QualifiedName, NameSegment) can nest. */
    private static final int NAME_DEPTH = 4;

    /** A leaf of a (possibly qualified) name that a cross-reference is written with. */
    public static boolean isInCrossReference(ILeafNode leaf) {
        INode node = leaf;
        for (int depth = 0; node != null && depth < NAME_DEPTH; depth++, node = node.getParent()) {
            if (node.getGrammarElement() instanceof CrossReference) {
                return true;
            }
        }
        return false;
    }

    /** The assignment a leaf's (possibly qualified) name is written for, or null. */
    public static Assignment assignmentOf(ILeafNode leaf) {
        INode node = leaf;
        for (int depth = 0; node != null && depth < NAME_DEPTH; depth++, node = node.getParent()) {
            Assignment assignment = GrammarUtil.containingAssignment(node.getGrammarElement());
            if (assignment != null) {
                return assignment;
            }
        }
        return null;
    }
}
