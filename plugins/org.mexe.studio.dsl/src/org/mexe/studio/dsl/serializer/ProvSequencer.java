package org.mexe.studio.dsl.serializer;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.serializer.analysis.ISemanticSequencerNfaProvider.ISemState;
import org.eclipse.xtext.serializer.sequencer.BacktrackingSemanticSequencer;

/**
 * Xtext's generic sequencer, preferring to continue a list over starting the statement again:
 * a model without text (as read from XMI) becomes {@code allows network-access, messaging}
 * rather than one {@code allows} line per value. Both parse to the same model; the first is
 * what a person writes.
 */
public class ProvSequencer extends BacktrackingSemanticSequencer {

    /** Where the first assignment of each feature stands in its rule: one key for a feature's states. */
    private final Map<AbstractElement, Integer> featurePositions = new HashMap<>();

    @Override
    protected Comparator<ISemState> createFollowerSorter(SerializableObject obj, AbstractElement nodeModelEle) {
        return new FollowerSorter(obj, nodeModelEle) {
            @Override
            public int compare(ISemState a, ISemState b) {
                int result = super.compare(a, b);
                if (result == 0 || nodeModelEle != null && (a.getAssignedGrammarElement() == nodeModelEle
                        || b.getAssignedGrammarElement() == nodeModelEle)
                        || a.getAssignedGrammarElement() == null || b.getAssignedGrammarElement() == null
                        || obj.isOptional(a.getFeatureID()) != obj.isOptional(b.getFeatureID())
                        || (obj.getValueCount(a.getFeatureID()) == 0) != (obj.getValueCount(b.getFeatureID()) == 0)) {
                    return result;
                }
                // the default order is by grammar position; order by feature, then the list's continuation first
                int byFeature = Integer.compare(featurePosition(a.getAssignedGrammarElement()), featurePosition(b.getAssignedGrammarElement()));
                return byFeature != 0 ? byFeature : Integer.compare(b.getOrderID(), a.getOrderID());
            }
        };
    }

    private int featurePosition(AbstractElement assigned) {
        return featurePositions.computeIfAbsent(assigned, element -> {
            Assignment assignment = GrammarUtil.containingAssignment(element);
            AbstractRule rule = GrammarUtil.containingRule(element);
            if (assignment == null || rule == null) {
                return Integer.MAX_VALUE;
            }
            List<Assignment> assignments = EcoreUtil2.getAllContentsOfType(rule, Assignment.class);
            for (int i = 0; i < assignments.size(); i++) {
                if (assignments.get(i).getFeature().equals(assignment.getFeature())) {
                    return i;
                }
            }
            return Integer.MAX_VALUE;
        });
    }
}
