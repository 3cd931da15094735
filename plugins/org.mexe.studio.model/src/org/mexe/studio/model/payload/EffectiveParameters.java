package org.mexe.studio.model.payload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningPackage;
import org.mexe.studio.model.provisioning.SecretRef;

/**
 * The parameters a set delivers once {@code extends} is resolved: a detached copy of the set in
 * which every value the set does not give itself comes from its base set, and so on up the chain.
 * <p>
 * The rule, generic over the metamodel so that new parameters inherit without code here:
 * <ul>
 * <li>a single-valued attribute that is not set in the child (the block attributes are
 * {@code unsettable}, so {@code eIsSet} tells "not written" from "written as the default") is
 * the base's;</li>
 * <li>a many-valued feature (DNS servers, bookmarks, public keys) is the child's when the child
 * gives at least one value, else the base's: lists replace, they never concatenate;</li>
 * <li>a contained block present on both sides merges recursively, one present on one side only
 * is taken whole;</li>
 * <li>a {@link SecretRef} is taken whole, never merged: it names one secret.</li>
 * </ul>
 * A chain that loops back on itself or reaches an unresolved base stops there; the language's
 * validator reports both.
 */
public final class EffectiveParameters {

    private static final EReference BASE = ProvisioningPackage.Literals.PARAMETER_SET__BASE;

    private final ParameterSet set;
    private final ParameterSet merged;
    private final List<ParameterSet> chain;
    private final Map<EObject, EObject> origins;

    private EffectiveParameters(ParameterSet set, ParameterSet merged, List<ParameterSet> chain, Map<EObject, EObject> origins) {
        this.set = set;
        this.merged = merged;
        this.chain = chain;
        this.origins = origins;
    }

    /**
     * The effective parameters of {@code set}. The model is not changed.
     *
     * @throws IllegalArgumentException for an unresolved set (a proxy), which the linker reports
     */
    public static EffectiveParameters of(ParameterSet set) {
        List<ParameterSet> chain = chain(set);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("The parameter set " + set + " is not resolved: it has no parameters to merge.");
        }
        Map<EObject, EObject> origins = new IdentityHashMap<>();
        EObject result = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            // Original references: public keys point at certificates outside the copied set.
            EcoreUtil.Copier copier = new EcoreUtil.Copier(true, true);
            EObject copy = copier.copy(chain.get(i));
            copier.copyReferences();
            copier.forEach((original, copied) -> origins.put(copied, original));
            result = result == null ? copy : overlay(copy, result);
        }
        ParameterSet merged = (ParameterSet) result;
        // The copy stands for the whole chain: its base is already in it.
        merged.setBase(null);
        return new EffectiveParameters(set, merged, List.copyOf(chain), Collections.unmodifiableMap(origins));
    }

    /** The set as written, first in {@link #chain()}. */
    public ParameterSet set() {
        return set;
    }

    /** A detached copy holding every value the set delivers, its own and inherited. */
    public ParameterSet merged() {
        return merged;
    }

    /** The set, its base, the base's base, ... as far as the chain resolves without a loop. */
    public List<ParameterSet> chain() {
        return chain;
    }

    /** The model object a part of {@link #merged()} was copied from, e.g. to read a secret relative to its file. */
    @SuppressWarnings("unchecked")
    public <T extends EObject> T origin(T copied) {
        EObject original = origins.get(copied);
        return original == null ? copied : (T) original;
    }

    private static List<ParameterSet> chain(ParameterSet set) {
        Set<ParameterSet> seen = new LinkedHashSet<>();
        ParameterSet current = set;
        while (current != null && !current.eIsProxy() && seen.add(current)) {
            current = current.getBase();
        }
        return new ArrayList<>(seen);
    }

    /** Fills what {@code child} leaves open from {@code base}; both are detached copies, {@code base} is consumed. */
    @SuppressWarnings("unchecked")
    private static EObject overlay(EObject child, EObject base) {
        for (EStructuralFeature feature : child.eClass().getEAllStructuralFeatures()) {
            if (feature == BASE || feature.isDerived() || feature.isTransient() || !feature.isChangeable()) {
                continue;
            }
            if (feature.isMany()) {
                EList<Object> mine = (EList<Object>) child.eGet(feature);
                EList<Object> theirs = (EList<Object>) base.eGet(feature);
                if (mine.isEmpty() && !theirs.isEmpty()) {
                    // Copied out first: moving contained objects would change the list being read.
                    mine.addAll(new ArrayList<>(theirs));
                }
            } else if (feature instanceof EReference reference && reference.isContainment()) {
                EObject mine = (EObject) child.eGet(reference);
                EObject theirs = (EObject) base.eGet(reference);
                if (mine == null && theirs != null) {
                    child.eSet(reference, theirs);
                } else if (mine != null && theirs != null && !(mine instanceof SecretRef)) {
                    overlay(mine, theirs);
                }
            } else if (!child.eIsSet(feature) && base.eIsSet(feature)) {
                child.eSet(feature, base.eGet(feature));
            }
        }
        return child;
    }
}
