package org.mexe.studio.dsl.scoping;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.ImportNormalizer;
import org.eclipse.xtext.scoping.impl.ImportedNamespaceAwareLocalScopeProvider;
import org.mexe.studio.model.provisioning.ProvisioningModel;

/**
 * Which names a reference may use, in the order they win when two mean different elements
 * (as Java resolves class names):
 * <ol>
 * <li>the simple name of an element of the same file;</li>
 * <li>the simple name given by a single import, {@code import shared.sets.National};</li>
 * <li>the simple name of an element of the same namespace in any other file or folder;</li>
 * <li>the simple name given by a wildcard import, {@code import shared.sets.*};</li>
 * <li>the fully qualified name of any element, {@code shared.sets.National}.</li>
 * </ol>
 * A wildcard import, like a namespace, gives the names of the definitions directly in it:
 * {@code import fjord.settings.*} makes {@code National} visible, not {@code regions.Capital}
 * for {@code fjord.settings.regions.Capital} (as in Java, and so that a reference is written
 * either simply or fully qualified). Two wildcard imports that give one simple name to
 * different elements make it ambiguous: the reference must then use the qualified name.
 * Nothing else is visible: a simple name from another namespace that is not imported does not
 * resolve, and the linker reports it.
 */
public class ProvNamespaceScopeProvider extends ImportedNamespaceAwareLocalScopeProvider {

    /** A namespace's direct definitions only: the name left after the namespace is one segment. */
    private static final class DirectImportNormalizer extends ImportNormalizer {

        DirectImportNormalizer(QualifiedName importedNamespace, boolean wildCard, boolean ignoreCase) {
            super(importedNamespace, wildCard, ignoreCase);
        }

        @Override
        public QualifiedName resolve(QualifiedName relativeName) {
            return hasWildCard() && relativeName.getSegmentCount() != 1 ? null : super.resolve(relativeName);
        }

        @Override
        public QualifiedName deresolve(QualifiedName fullyQualifiedName) {
            QualifiedName alias = super.deresolve(fullyQualifiedName);
            return hasWildCard() && alias != null && alias.getSegmentCount() != 1 ? null : alias;
        }
    }

    @Override
    protected ImportNormalizer doCreateImportNormalizer(QualifiedName importedNamespace, boolean wildcard, boolean ignoreCase) {
        return new DirectImportNormalizer(importedNamespace, wildcard, ignoreCase);
    }

    @Override
    protected IScope getLocalElementsScope(IScope parent, EObject context, EReference reference) {
        if (!(context instanceof ProvisioningModel model) || model.getName() == null || model.getName().isBlank()) {
            return super.getLocalElementsScope(parent, context, reference);
        }
        boolean ignoreCase = isIgnoreCase(reference);
        List<ImportNormalizer> wildcards = new ArrayList<>();
        List<ImportNormalizer> singles = new ArrayList<>();
        for (ImportNormalizer normalizer : getImportedNamespaceResolvers(context, ignoreCase)) {
            (normalizer.hasWildCard() ? wildcards : singles).add(normalizer);
        }
        QualifiedName namespace = getQualifiedNameConverter().toQualifiedName(model.getName());
        if (namespace.isEmpty()) {
            // A name the parser recovered as nothing but separators (fuzzing found "namespace" and control
            // characters): Xtext's own scope would make an import of it and fail, so the file's names stay
            // unresolved and the syntax error says why.
            return parent;
        }
        IScope result = parent;
        if (!wildcards.isEmpty()) {
            result = createImportScope(result, wildcards, null, reference.getEReferenceType(), ignoreCase);
        }
        result = createImportScope(result, List.of(doCreateImportNormalizer(namespace, true, ignoreCase)), null,
                reference.getEReferenceType(), ignoreCase);
        if (!singles.isEmpty()) {
            result = createImportScope(result, singles, null, reference.getEReferenceType(), ignoreCase);
        }
        return createImportScope(result, List.of(doCreateImportNormalizer(namespace, true, ignoreCase)),
                getAllDescriptions(context.eResource()), reference.getEReferenceType(), ignoreCase);
    }
}
