package org.mexe.studio.dsl.scoping;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;

/**
 * Which files a change of another file's names concerns, more precisely than Xtext's default.
 * The default revalidates every file with a reference into the changed file as soon as any name of
 * it changes: an element added to the operator's PKI file revalidated the 630 files of the scale
 * corpus that use one of its certificates. Here a file is concerned when:
 * <ul>
 * <li>an element it refers to in the changed file is gone or now has another name (positional
 * fragments: an element inserted before it moves it);</li>
 * <li>it looked up a name that was added or removed (an unresolved reference may now resolve, a
 * resolved one may now be ambiguous or gone);</li>
 * <li>it declares a name that was added or removed (a duplicate across files appears or goes).</li>
 * </ul>
 * Changes of values alone change no exported name and concern no other file, as before.
 */
public class ProvResourceDescriptionManager extends DefaultResourceDescriptionManager {

    @Override
    public boolean isAffected(Collection<IResourceDescription.Delta> deltas, IResourceDescription candidate, IResourceDescriptions context) {
        Set<QualifiedName> changedNames = new HashSet<>();
        Map<URI, Map<URI, QualifiedName>> movedTargets = new HashMap<>();
        for (IResourceDescription.Delta delta : deltas) {
            if (!delta.haveEObjectDescriptionsChanged() || delta.getUri().equals(candidate.getURI())) {
                continue;
            }
            Map<URI, QualifiedName> before = exported(delta.getOld());
            Map<URI, QualifiedName> after = exported(delta.getNew());
            Map<URI, QualifiedName> changed = new HashMap<>();
            for (URI object : union(before.keySet(), after.keySet())) {
                QualifiedName was = before.get(object);
                QualifiedName is = after.get(object);
                if (!Objects.equals(was, is)) {
                    changed.put(object, was);
                    if (was != null) {
                        changedNames.add(was.toLowerCase());
                    }
                    if (is != null) {
                        changedNames.add(is.toLowerCase());
                    }
                }
            }
            movedTargets.put(delta.getUri(), changed);
        }
        if (movedTargets.isEmpty()) {
            return false;
        }
        for (IReferenceDescription reference : candidate.getReferenceDescriptions()) {
            URI target = reference.getTargetEObjectUri();
            Map<URI, QualifiedName> changed = target == null ? null : movedTargets.get(target.trimFragment());
            if (changed != null && changed.containsKey(target)) {
                return true;
            }
        }
        for (QualifiedName imported : getImportedNames(candidate)) {
            if (changedNames.contains(imported.toLowerCase())) {
                return true;
            }
        }
        for (IEObjectDescription declared : candidate.getExportedObjects()) {
            if (changedNames.contains(declared.getName().toLowerCase())) {
                return true;
            }
        }
        return false;
    }

    private static Map<URI, QualifiedName> exported(IResourceDescription description) {
        Map<URI, QualifiedName> names = new HashMap<>();
        if (description != null) {
            description.getExportedObjects().forEach(object -> names.put(object.getEObjectURI(), object.getName()));
        }
        return names;
    }

    private static Set<URI> union(Set<URI> a, Set<URI> b) {
        Set<URI> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
