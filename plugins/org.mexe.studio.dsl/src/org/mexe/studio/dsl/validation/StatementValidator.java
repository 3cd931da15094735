package org.mexe.studio.dsl.validation;

import static org.mexe.studio.dsl.validation.ProvValidator.DUPLICATE_STATEMENT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.Action;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.BidiTreeIterator;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;
import org.mexe.studio.model.constraints.Places;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;

/** A block gives each single-valued statement once. */
public class StatementValidator extends ComposedValidator {

    /** Features written with the same keyword: 'pin env ...' and 'pin generated' are one statement, as are the two 'to's. */
    private static final Map<EStructuralFeature, EStructuralFeature> STATEMENT_OF = Map.of(
            Literals.PARAMETER_DELIVERY__GENERATED_PIN, Literals.PARAMETER_DELIVERY__PIN,
            Literals.PARAMETER_DELIVERY__TO_SUBSCRIBERS, Literals.PARAMETER_DELIVERY__DESTINATION);

    private static final Map<EStructuralFeature, String> STATEMENT_KEYWORDS = Map.of(
            Literals.PARAMETER_DELIVERY__PIN, "pin", Literals.PARAMETER_DELIVERY__DESTINATION, "to");

    /**
     * A block may give each single-valued statement once: the grammar's loops accept it twice and
     * the second would silently replace the first. Reported at the second.
     */
    @Check
    public void noStatementTwice(EObject object) {
        ICompositeNode root = NodeModelUtils.findActualNodeFor(object);
        if (root == null) {
            return;
        }
        // One walk over the object's own nodes (as NodeModelUtils.findNodesForFeature does for one feature).
        Map<EStructuralFeature, List<INode>> statements = new LinkedHashMap<>();
        BidiTreeIterator<INode> nodes = root.getAsTreeIterable().iterator();
        while (nodes.hasNext()) {
            INode node = nodes.next();
            EObject grammarElement = node == root ? null : node.getGrammarElement();
            if (grammarElement == null) {
                continue;
            }
            if (grammarElement instanceof Action) {
                // A child object whose rule starts with an action ('{Wap} ...'): the action's node wraps the
                // rule call, whose assignment names the feature.
                if (node.getSemanticElement() != object && node instanceof ICompositeNode action) {
                    INode call = action.getFirstChild();
                    while (call instanceof ICompositeNode inner && call.getGrammarElement() instanceof Action) {
                        call = inner.getFirstChild();
                    }
                    record(object, statements, call == null ? null : GrammarUtil.containingAssignment(call.getGrammarElement()), node);
                    nodes.prune();
                }
                continue;
            }
            Assignment assignment = GrammarUtil.containingAssignment(grammarElement);
            if (assignment != null && object.eClass().getEStructuralFeature(assignment.getFeature()) != null) {
                record(object, statements, assignment, node);
                nodes.prune();
            } else if (node.hasDirectSemanticElement() && node.getSemanticElement() != object) {
                nodes.prune();
            }
        }
        for (var statement : statements.entrySet()) {
            List<INode> given = statement.getValue();
            for (INode again : given.subList(1, given.size())) {
                EStructuralFeature feature = statement.getKey();
                ILeafNode keyword = keywordOf(object, feature, again);
                String label = STATEMENT_KEYWORDS.getOrDefault(feature, keyword != null ? keyword.getText() : feature.getName());
                int start = keyword != null ? keyword.getOffset() : again.getOffset();
                getMessageAcceptor().acceptError("'" + label + "' is given twice in " + Places.of(object) + " (first on line "
                        + given.get(0).getStartLine() + "): the second would silently replace the first. Keep one.",
                        object, start, again.getEndOffset() - start, DUPLICATE_STATEMENT);
            }
        }
    }

    private static void record(EObject object, Map<EStructuralFeature, List<INode>> statements, Assignment assignment, INode node) {
        EStructuralFeature feature = assignment == null ? null : object.eClass().getEStructuralFeature(assignment.getFeature());
        if (feature != null && !feature.isMany()) {
            statements.computeIfAbsent(STATEMENT_OF.getOrDefault(feature, feature), k -> new ArrayList<>()).add(node);
        }
    }

    /**
     * The keyword that starts the statement of {@code node}: a block's own keyword ('gprs {'), a
     * flag's keyword ('concatenated-sms'), or else the last keyword before the value ('apn "..."').
     */
    private static ILeafNode keywordOf(EObject object, EStructuralFeature feature, INode node) {
        if (!STATEMENT_KEYWORDS.containsKey(feature)) {
            if (node instanceof ILeafNode leaf && isKeyword(leaf)) {
                return leaf;
            }
            if (feature instanceof EReference reference && reference.isContainment()) {
                for (ILeafNode leaf : node.getLeafNodes()) {
                    if (!leaf.isHidden()) {
                        if (isKeyword(leaf)) {
                            return leaf;
                        }
                        break;
                    }
                }
            }
        }
        ILeafNode keyword = null;
        for (ILeafNode leaf : NodeModelUtils.getNode(object).getLeafNodes()) {
            if (leaf.getOffset() >= node.getOffset()) {
                break;
            }
            if (!leaf.isHidden() && isKeyword(leaf)) {
                keyword = leaf;
            }
        }
        return keyword;
    }

    /** A keyword of the language's statements, not a value such as an enum literal or yes/no. */
    private static boolean isKeyword(ILeafNode leaf) {
        return leaf.getGrammarElement() instanceof Keyword keyword && !(keyword.eContainer() instanceof EnumLiteralDeclaration)
                && !"YesNo".equals(GrammarUtil.containingRule(keyword).getName());
    }
}
