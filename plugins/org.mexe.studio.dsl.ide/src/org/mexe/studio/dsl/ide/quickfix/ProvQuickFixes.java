package org.mexe.studio.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.mexe.studio.dsl.ide.highlighting.ProvSemanticHighlighting;
import org.mexe.studio.dsl.validation.ProvValidator;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningModel;

import com.google.inject.Inject;

/**
 * Quick fixes for any editor, each tied to an issue code: what to change in the text of the file
 * that has the problem. Editors (the Eclipse Generic Editor, the language server) only offer and
 * apply them.
 * <ul>
 * <li>{@code Diagnostic.Linking} (an unresolved name): import the element of that name from another
 * namespace, or change the name to a visible one that is spelt nearly the same;</li>
 * <li>{@code unusedParameterSet}: remove the set;</li>
 * <li>{@code missingSecurity}: add {@code security userpin} or {@code security none};</li>
 * <li>{@code nokiaOtaSecurity}: change the security to {@code none}.</li>
 * </ul>
 */
public class ProvQuickFixes {

    /** Replace {@code length} characters at {@code offset} of the file with {@code text}. */
    public record Edit(int offset, int length, String text) {
    }

    /** A fix: a title for a menu and the edits that make it, in the same file. */
    public record Fix(String title, String code, List<Edit> edits) {
    }

    /** How many spelling corrections are offered at most. */
    private static final int MAX_SPELLINGS = 3;

    @Inject
    private ResourceDescriptionsProvider indexes;
    @Inject
    private IScopeProvider scopes;
    @Inject
    private IQualifiedNameConverter nameConverter;

    /** The codes this class has fixes for. */
    public static final Set<String> CODES = Set.of(Diagnostic.LINKING_DIAGNOSTIC, ProvValidator.UNUSED_PARAMETER_SET,
            ProvValidator.MISSING_SECURITY, ProvValidator.NOKIA_OTA_SECURITY);

    /** The fixes for the problem {@code code} reported at {@code offset}; empty for codes without fixes. */
    public List<Fix> fixes(XtextResource resource, String code, int offset) {
        if (code == null || resource.getParseResult() == null || !CODES.contains(code)) {
            return List.of();
        }
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
        if (leaf == null) {
            return List.of();
        }
        String text = resource.getParseResult().getRootNode().getText();
        return switch (code) {
            case Diagnostic.LINKING_DIAGNOSTIC -> unresolvedName(resource, leaf);
            case ProvValidator.UNUSED_PARAMETER_SET -> removeSet(leaf, text);
            case ProvValidator.MISSING_SECURITY -> addSecurity(leaf, text);
            case ProvValidator.NOKIA_OTA_SECURITY -> securityNone(leaf);
            default -> List.of();
        };
    }

    private List<Fix> unresolvedName(XtextResource resource, ILeafNode leaf) {
        INode reference = leaf;
        while (reference != null && !(reference.getGrammarElement() instanceof org.eclipse.xtext.CrossReference)) {
            reference = reference.getParent();
        }
        Assignment assignment = ProvSemanticHighlighting.assignmentOf(leaf);
        EObject context = leaf.getSemanticElement();
        if (reference == null || assignment == null || context == null) {
            return List.of();
        }
        EStructuralFeature feature = context.eClass().getEStructuralFeature(assignment.getFeature());
        if (!(feature instanceof EReference eReference)) {
            return List.of();
        }
        String written = NodeModelUtils.getTokenText(reference);
        List<Fix> fixes = new ArrayList<>();
        fixes.addAll(imports(resource, written, eReference.getEReferenceType()));
        fixes.addAll(spellings(context, eReference, written, reference));
        return fixes;
    }

    /** "Import a.b.Name" for each element of another namespace whose simple name is the one written. */
    private List<Fix> imports(XtextResource resource, String written, EClass type) {
        if (written.contains(".") || !(resource.getContents().get(0) instanceof ProvisioningModel model)) {
            return List.of();
        }
        IResourceDescriptions index = indexes.getResourceDescriptions(resource);
        Set<QualifiedName> candidates = new LinkedHashSet<>();
        for (IEObjectDescription element : index.getExportedObjectsByType(type)) {
            QualifiedName name = element.getName();
            if (name.getSegmentCount() > 1 && name.getLastSegment().equals(written)) {
                candidates.add(name);
            }
        }
        List<Fix> fixes = new ArrayList<>();
        for (QualifiedName name : candidates.stream().sorted(Comparator.comparing(QualifiedName::toString)).toList()) {
            String line = "import " + nameConverter.toString(name);
            fixes.add(new Fix("Import '" + nameConverter.toString(name) + "'", Diagnostic.LINKING_DIAGNOSTIC, List.of(importEdit(model, line))));
        }
        return fixes;
    }

    /** After the last import, or after the namespace with a blank line, as the formatter lays them out. */
    private static Edit importEdit(ProvisioningModel model, String line) {
        if (!model.getImports().isEmpty()) {
            INode last = NodeModelUtils.getNode(model.getImports().get(model.getImports().size() - 1));
            return new Edit(last.getEndOffset(), 0, "\n" + line);
        }
        INode namespace = NodeModelUtils.findNodesForFeature(model, model.eClass().getEStructuralFeature("name")).get(0);
        return new Edit(namespace.getEndOffset(), 0, "\n\n" + line);
    }

    /** "Change to 'National'" for the visible names of the right type spelt nearly like the written one. */
    private List<Fix> spellings(EObject context, EReference reference, String written, INode node) {
        record Candidate(String name, int distance) {
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Candidate> candidates = new ArrayList<>();
        int allowed = Math.max(1, written.length() / 3);
        for (IEObjectDescription element : scopes.getScope(context, reference).getAllElements()) {
            String name = nameConverter.toString(element.getName());
            if (seen.add(name) && !name.equals(written)) {
                int distance = distance(written.toLowerCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT));
                if (distance <= allowed) {
                    candidates.add(new Candidate(name, distance));
                }
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
                .limit(MAX_SPELLINGS)
                .map(c -> new Fix("Change to '" + c.name() + "'", Diagnostic.LINKING_DIAGNOSTIC,
                        List.of(new Edit(node.getOffset(), node.getLength(), c.name()))))
                .toList();
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions from {@code a} to {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The set with the blank line that separates it from the next element (or, when last, from the previous one). */
    private static List<Fix> removeSet(ILeafNode leaf, String text) {
        ParameterSet set = EcoreUtil2.getContainerOfType(leaf.getSemanticElement(), ParameterSet.class);
        if (set == null) {
            return List.of();
        }
        INode node = NodeModelUtils.getNode(set);
        int start = node.getOffset();
        int end = node.getEndOffset();
        int after = end;
        while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
            after++;
        }
        Edit edit;
        if (after < text.length()) {
            edit = new Edit(start, after - start, "");
        } else {
            int before = start;
            while (before > 0 && Character.isWhitespace(text.charAt(before - 1))) {
                before--;
            }
            edit = new Edit(before, end - before, "");
        }
        return List.of(new Fix("Remove the unused parameter set '" + set.getName() + "'", ProvValidator.UNUSED_PARAMETER_SET, List.of(edit)));
    }

    private static List<Fix> addSecurity(ILeafNode leaf, String text) {
        ParameterDelivery delivery = EcoreUtil2.getContainerOfType(leaf.getSemanticElement(), ParameterDelivery.class);
        if (delivery == null) {
            return List.of();
        }
        ICompositeNode node = NodeModelUtils.getNode(delivery);
        ILeafNode closing = null;
        for (ILeafNode candidate : node.getLeafNodes()) {
            if (candidate.getGrammarElement() instanceof Keyword keyword && keyword.getValue().equals("}")) {
                closing = candidate;
            }
        }
        if (closing == null) {
            return List.of();
        }
        int lineStart = text.lastIndexOf('\n', closing.getOffset() - 1) + 1;
        String indentation = text.substring(lineStart, closing.getOffset());
        List<Fix> fixes = new ArrayList<>();
        for (String method : List.of("userpin", "none")) {
            Edit edit = indentation.isBlank()
                    ? new Edit(lineStart, 0, indentation + "\tsecurity " + method + "\n")
                    : new Edit(closing.getOffset(), 0, "security " + method + " ");
            fixes.add(new Fix("Add 'security " + method + "'", ProvValidator.MISSING_SECURITY, List.of(edit)));
        }
        return fixes;
    }

    private static List<Fix> securityNone(ILeafNode leaf) {
        ParameterDelivery delivery = EcoreUtil2.getContainerOfType(leaf.getSemanticElement(), ParameterDelivery.class);
        if (delivery == null) {
            return List.of();
        }
        List<INode> security = NodeModelUtils.findNodesForFeature(delivery, delivery.eClass().getEStructuralFeature("security"));
        if (security.isEmpty()) {
            return List.of();
        }
        INode value = security.get(0);
        return List.of(new Fix("Change to 'security none' (Nokia OTA cannot be signed)", ProvValidator.NOKIA_OTA_SECURITY,
                List.of(new Edit(value.getOffset(), value.getLength(), "none"))));
    }
}
