package org.mexe.studio.dsl.scoping;

/**
 * The language's scope provider. Every reference is an element named in some namespace, so
 * the rules are the same for all of them and live in the delegate,
 * {@link ProvNamespaceScopeProvider}: the types come from the metamodel (a {@code deliver}
 * names parameter sets, a {@code trust} stage certificates), the names from namespaces and
 * imports.
 */
public class ProvScopeProvider extends AbstractProvScopeProvider {
}
