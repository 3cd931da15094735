package org.mexe.studio.dsl.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.build.ResolvedResourceDescription;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ChunkedResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.resource.impl.ResourceSetBasedResourceDescriptions;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;

/**
 * What the checks of one file need to know about every file of the index: which parameter sets
 * other files use, and which files declare each element name. Read from the Xtext index, so the
 * IDE sees files that are not loaded.
 * <p>
 * Reading the whole index for each file would make a batch validation quadratic, so when the
 * index is simply the files of a resource set (the command line, Maven, tests) the result is kept
 * on the resource set until one of its files is reparsed, added or removed.
 */
final class CrossFileIndex {

    /** For each file, the URI fragments of its parameter sets that other files use. */
    private final Map<URI, Set<String>> usedSets = new HashMap<>();
    /** For each element name, the files that declare it. */
    private final Map<QualifiedName, List<URI>> declarations = new HashMap<>();

    private CrossFileIndex(IResourceDescriptions index, Set<EReference> usesOfSets, ResourceSet resourceSet) {
        for (IResourceDescription description : index.getAllResourceDescriptions()) {
            URI file = description.getURI();
            for (IReferenceDescription reference : referencesOf(description, resourceSet)) {
                URI target = reference.getTargetEObjectUri();
                if (usesOfSets.contains(reference.getEReference()) && !target.trimFragment().equals(file)) {
                    usedSets.computeIfAbsent(target.trimFragment(), k -> new HashSet<>()).add(target.fragment());
                }
            }
            for (IEObjectDescription element : description.getExportedObjectsByType(Literals.ELEMENT)) {
                declarations.computeIfAbsent(element.getName(), k -> new ArrayList<>(1)).add(file);
            }
        }
    }

    /** The references through which a parameter set is used. */
    static final Set<EReference> USES_OF_SETS = Set.of(Literals.PARAMETER_DELIVERY__PARAMETER_SETS,
            Literals.UPDATE_PHONE_PARAMETERS__PARAMETER_SETS, Literals.UPDATE_SIM_PARAMETERS__PARAMETER_SETS,
            Literals.PARAMETER_SET__BASE);

    /** The index of every file, looked up once per validation of a file (kept in the validation context). */
    static CrossFileIndex forValidation(Resource resource, Map<Object, Object> context, ResourceDescriptionsProvider descriptions) {
        if (context != null && context.get(CrossFileIndex.class) instanceof CrossFileIndex index) {
            return index;
        }
        CrossFileIndex index = of(resource, descriptions.getResourceDescriptions(resource), USES_OF_SETS);
        if (context != null) {
            context.put(CrossFileIndex.class, index);
        }
        return index;
    }

    /** The URI of a file as the index knows it. */
    static URI normalized(Resource resource) {
        return resource.getResourceSet() == null ? resource.getURI()
                : resource.getResourceSet().getURIConverter().normalize(resource.getURI());
    }

    static CrossFileIndex of(Resource resource, IResourceDescriptions index, Set<EReference> usesOfSets) {
        ResourceSet resourceSet = resource.getResourceSet();
        if (resourceSet == null || !(index instanceof ResourceSetBasedResourceDescriptions || isLanguageServerBuild(resourceSet))
                || ResourceDescriptionsData.ResourceSetAdapter.findResourceDescriptionsData(resourceSet) != null) {
            return new CrossFileIndex(index, usesOfSets, resourceSet);
        }
        Cache cache = (Cache) EcoreUtil.getExistingAdapter(resourceSet, Cache.class);
        if (cache == null) {
            cache = new Cache();
            resourceSet.eAdapters().add(cache);
        }
        // The index object a validation is given may be new for each file (a plain resource set's is made per
        // request), so the cache is keyed by what the index stands for: the build's index, or the resource set.
        Object indexKey = isLanguageServerBuild(resourceSet) ? ChunkedResourceDescriptions.findInEmfObject(resourceSet) : resourceSet;
        return cache.get(resourceSet, indexKey, () -> new CrossFileIndex(index, usesOfSets, resourceSet));
    }

    /**
     * A resource set of one build of Xtext's language server: fresh for each build, with the index
     * of that build, whose names do not change while it validates. Kept per resource set like a
     * plain one: without it a build would read every file's references once per file it validates.
     */
    private static boolean isLanguageServerBuild(ResourceSet resourceSet) {
        return ChunkedResourceDescriptions.findInEmfObject(resourceSet) != null;
    }

    /**
     * The references a file makes. The index of Xtext's incremental builder (the language server's,
     * and the IDE's when it uses that builder) keeps none (its descriptions log and throw): there they come
     * from the file in the resource set, loaded if need be, whose description Xtext caches until it changes.
     */
    private static Iterable<IReferenceDescription> referencesOf(IResourceDescription description, ResourceSet resourceSet) {
        if (!(description instanceof ResolvedResourceDescription)) {
            return description.getReferenceDescriptions();
        }
        // Each build of the language server has a fresh resource set: load what it does not hold yet.
        try {
            Resource loaded = resourceSet == null ? null : resourceSet.getResource(description.getURI(), true);
            if (loaded instanceof XtextResource xtext && xtext.getResourceServiceProvider() != null) {
                return xtext.getResourceServiceProvider().getResourceDescriptionManager().getResourceDescription(xtext).getReferenceDescriptions();
            }
        } catch (RuntimeException e) {
            // gone since it was indexed: the next build drops it from the index
        }
        return List.of();
    }

    /** The fragments of the parameter sets of {@code file} that other files use. */
    Set<String> usedSetsOf(URI file) {
        return usedSets.getOrDefault(file, Set.of());
    }

    /** A file other than {@code file} that declares {@code name}, or {@code null}. */
    URI otherDeclaration(QualifiedName name, URI file) {
        for (URI other : declarations.getOrDefault(name, List.of())) {
            if (!other.equals(file)) {
                return other;
            }
        }
        return null;
    }

    /** Keeps one index per resource set while no file of it changes. */
    private static final class Cache extends AdapterImpl {
        private Resource[] resources = {};
        private Object[] states = {};
        private Object index;
        private CrossFileIndex value;

        @Override
        public boolean isAdapterForType(Object type) {
            return type == Cache.class;
        }

        synchronized CrossFileIndex get(ResourceSet resourceSet, Object currentIndex,
                Supplier<CrossFileIndex> compute) {
            if (value == null || currentIndex != index || !unchanged(resourceSet)) {
                value = compute.get();
                index = currentIndex;
                // Taken after computing: computing may load the files it reads.
                remember(resourceSet);
            }
            return value;
        }

        /** Whether the resource set holds the same files, each in the state it was in; asked for every file validated. */
        private boolean unchanged(ResourceSet resourceSet) {
            List<Resource> current = resourceSet.getResources();
            if (current.size() != resources.length) {
                return false;
            }
            for (int i = 0; i < resources.length; i++) {
                Resource resource = current.get(i);
                if (resource != resources[i] || state(resource) != states[i]) {
                    return false;
                }
            }
            return true;
        }

        private void remember(ResourceSet resourceSet) {
            resources = resourceSet.getResources().toArray(Resource[]::new);
            states = new Object[resources.length];
            for (int i = 0; i < resources.length; i++) {
                states[i] = state(resources[i]);
            }
        }

        /**
         * An object that changes whenever the file does: an Xtext resource gets a new parse result
         * at every (partial) reparse. Compared by identity.
         */
        private static Object state(Resource resource) {
            return resource instanceof XtextResource xtext ? xtext.getParseResult()
                    : resource.getContents().isEmpty() ? null : resource.getContents().get(0);
        }
    }
}
