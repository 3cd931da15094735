package org.mexe.studio.dsl.validation;

import static org.mexe.studio.dsl.validation.ProvValidator.EMPTY_PARAMETER_SET;
import static org.mexe.studio.dsl.validation.ProvValidator.EXTENDS_CYCLE;
import static org.mexe.studio.dsl.validation.ProvValidator.UNUSED_PARAMETER_SET;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;

import com.google.inject.Inject;

/** Parameter sets deliver something, extend without cycles, and are used somewhere. */
public class ParameterSetValidator extends ComposedValidator {

    private static final String USED_SETS_KEY = ParameterSetValidator.class.getName() + ".usedParameterSets";

    @Inject
    private ResourceDescriptionsProvider resourceDescriptions;

    @Check
    public void parameterSetNotEmpty(ParameterSet set) {
        if (set.getBase() == null && set.eContents().isEmpty() && set.getPublicKeys().isEmpty() && !set.isSetDefaultClassmark()) {
            warning("The parameter set '" + set.getName() + "' is empty: it would deliver nothing. Give it a block such as"
                    + " 'gprs { apn \"...\" }', or remove it.", Literals.ELEMENT__NAME, EMPTY_PARAMETER_SET);
        }
    }

    @Check
    public void extendsHasNoCycle(ParameterSet set) {
        List<String> chain = new ArrayList<>();
        chain.add(set.getName());
        Set<ParameterSet> seen = new HashSet<>();
        seen.add(set);
        for (ParameterSet base = set.getBase(); base != null && !base.eIsProxy(); base = base.getBase()) {
            chain.add(base.getName());
            if (base == set) {
                error("The parameter set '" + set.getName() + "' extends itself through " + String.join(" → ", chain)
                        + ", so none of their values can be inherited: remove one of these extends.",
                        Literals.PARAMETER_SET__BASE, EXTENDS_CYCLE);
                return;
            }
            if (!seen.add(base)) {
                return; // a cycle further up, reported at its own sets
            }
        }
    }

    /**
     * A parameter set that no delivery, update-phone, update-sim or extends uses, in any file the
     * index knows. Runs on save and in batch (NORMAL): it reads the references of every file.
     */
    @Check(CheckType.NORMAL)
    public void parameterSetIsUsed(ParameterSet set) {
        if (set.getName() == null || set.eResource() == null) {
            return;
        }
        if (!usedParameterSets(set.eResource()).contains(set.eResource().getURIFragment(set))) {
            warning("The parameter set '" + set.getName() + "' is never used: deliver it ('deliver " + set.getName()
                    + " { ... }'), send it from a bootstrap application ('update-phone " + set.getName() + "'), extend it, or remove it.",
                    Literals.ELEMENT__NAME, UNUSED_PARAMETER_SET);
        }
    }

    /** The URI fragments of the parameter sets of {@code resource} that something uses; computed once per validation. */
    @SuppressWarnings("unchecked")
    private Set<String> usedParameterSets(Resource resource) {
        Map<Object, Object> context = getContext();
        if (context != null && context.get(USED_SETS_KEY) instanceof Set<?> cached) {
            return (Set<String>) cached;
        }
        Set<String> used = new HashSet<>();
        // References inside the file: the index only records references to other files.
        resource.getAllContents().forEachRemaining(object -> {
            for (EReference reference : CrossFileIndex.USES_OF_SETS) {
                if (reference.getEContainingClass().isInstance(object)) {
                    Object value = object.eGet(reference, false);
                    for (Object target : value instanceof List<?> list ? list : value == null ? List.of() : List.of(value)) {
                        if (target instanceof EObject eObject && !eObject.eIsProxy() && eObject.eResource() == resource) {
                            used.add(resource.getURIFragment(eObject));
                        }
                    }
                }
            }
        });
        used.addAll(CrossFileIndex.forValidation(resource, context, resourceDescriptions).usedSetsOf(CrossFileIndex.normalized(resource)));
        if (context != null) {
            context.put(USED_SETS_KEY, used);
        }
        return used;
    }
}
