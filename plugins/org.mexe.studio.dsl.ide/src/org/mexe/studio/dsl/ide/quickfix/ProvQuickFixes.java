package org.mexe.studio.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

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
import org.mexe.studio.dsl.validation.PayloadValidator;
import org.mexe.studio.dsl.validation.ProvValidator;
import org.mexe.studio.model.provisioning.BootstrapActions;
import org.mexe.studio.model.provisioning.BootstrapApplication;
import org.mexe.studio.model.provisioning.BootstrapDownload;
import org.mexe.studio.model.provisioning.ComponentDownload;
import org.mexe.studio.model.provisioning.Connect;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.ProvisioningPackage;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.Stage;

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
 * <li>{@code nokiaOtaSecurity}: change the security to {@code none};</li>
 * <li>the stage order codes ({@code connectBeforeParameters}, {@code downloadBeforeConnect},
 * {@code componentBeforeConnect}, {@code runBeforeDownload}, {@code trustAfterDownload}): move the
 * stage the message names to where the order works, its lines and comments with it;</li>
 * <li>{@code payloadTooManySegments}, {@code payloadTooLong} for a delivery of several parameter
 * sets: one deliver stage per set, each with the same statements. A single set has no fix: what
 * to leave out of it is the author's call (the grammar has one bearer, so none to switch to).</li>
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
            ProvValidator.MISSING_SECURITY, ProvValidator.NOKIA_OTA_SECURITY, ProvValidator.CONNECT_BEFORE_PARAMETERS,
            ProvValidator.DOWNLOAD_BEFORE_CONNECT, ProvValidator.COMPONENT_BEFORE_CONNECT, ProvValidator.RUN_BEFORE_DOWNLOAD,
            ProvValidator.TRUST_AFTER_DOWNLOAD, PayloadValidator.TOO_MANY_SEGMENTS, PayloadValidator.TOO_LONG);

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
            case PayloadValidator.TOO_MANY_SEGMENTS, PayloadValidator.TOO_LONG -> splitDelivery(code, leaf, text);
            default -> stageOrder(code, leaf, text);
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

    /** Moves the stage that must come first to just before the stage that needs it, as the problem's message says. */
    private static List<Fix> stageOrder(String code, ILeafNode leaf, String text) {
        Stage reported = EcoreUtil2.getContainerOfType(leaf.getSemanticElement(), Stage.class);
        Scenario scenario = reported == null ? null : EcoreUtil2.getContainerOfType(reported, Scenario.class);
        if (scenario == null) {
            return List.of();
        }
        List<Stage> stages = scenario.getStages();
        Stage moved;
        Stage before;
        switch (code) {
            case ProvValidator.CONNECT_BEFORE_PARAMETERS -> {
                moved = first(stages, ParameterDelivery.class::isInstance);
                before = reported;
            }
            case ProvValidator.DOWNLOAD_BEFORE_CONNECT, ProvValidator.COMPONENT_BEFORE_CONNECT -> {
                moved = first(stages, Connect.class::isInstance);
                before = reported;
            }
            case ProvValidator.RUN_BEFORE_DOWNLOAD -> {
                BootstrapApplication application = reported instanceof BootstrapActions run ? run.getApplication() : null;
                moved = application == null ? null
                        : first(stages, stage -> stage instanceof BootstrapDownload download && download.getApplication() == application);
                before = reported;
            }
            case ProvValidator.TRUST_AFTER_DOWNLOAD -> {
                moved = reported;
                before = first(stages, stage -> stage instanceof BootstrapDownload || stage instanceof ComponentDownload);
            }
            default -> {
                return List.of();
            }
        }
        if (moved == null || before == null || stages.indexOf(moved) < stages.indexOf(before)) {
            return List.of();
        }
        int[] movedLines = lines(moved, text);
        int[] beforeLines = lines(before, text);
        String movedText = text.substring(movedLines[0], movedLines[1]);
        return List.of(new Fix("Move '" + firstLine(moved, text) + "' before '" + firstLine(before, text) + "'", code,
                List.of(new Edit(beforeLines[0], 0, movedText), new Edit(movedLines[0], movedLines[1] - movedLines[0], ""))));
    }

    private static Stage first(List<Stage> stages, Predicate<Stage> kind) {
        return stages.stream().filter(kind).findFirst().orElse(null);
    }

    /** The stage's whole lines: from the start of its first line (with the comments just above it) to after its last line's break. */
    private static int[] lines(Stage stage, String text) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(stage);
        int start = text.lastIndexOf('\n', node.getOffset() - 1) + 1;
        while (start > 0) {
            int previous = text.lastIndexOf('\n', start - 2) + 1;
            if (!text.substring(previous, start).strip().startsWith("//")) {
                break;
            }
            start = previous;
        }
        int end = text.indexOf('\n', node.getEndOffset());
        return new int[] { start, end < 0 ? text.length() : end + 1 };
    }

    private static String firstLine(Stage stage, String text) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(stage);
        int end = text.indexOf('\n', node.getOffset());
        String line = text.substring(node.getOffset(), end < 0 || end > node.getEndOffset() ? node.getEndOffset() : end).strip();
        return line.endsWith("{") ? line.substring(0, line.length() - 1).strip() : line;
    }

    /** "deliver A, B { ... }" becomes "deliver A { ... }" and "deliver B { ... }", one SMS message each. */
    private static List<Fix> splitDelivery(String code, ILeafNode leaf, String text) {
        ParameterDelivery delivery = EcoreUtil2.getContainerOfType(leaf.getSemanticElement(), ParameterDelivery.class);
        if (delivery == null) {
            return List.of();
        }
        List<INode> sets = NodeModelUtils.findNodesForFeature(delivery, ProvisioningPackage.Literals.PARAMETER_DELIVERY__PARAMETER_SETS);
        if (sets.size() < 2) {
            return List.of();
        }
        ICompositeNode node = NodeModelUtils.findActualNodeFor(delivery);
        int body = text.indexOf('{', sets.get(sets.size() - 1).getEndOffset());
        if (body < 0 || body >= node.getEndOffset()) {
            return List.of();
        }
        String statements = text.substring(body, node.getEndOffset());
        int lineStart = text.lastIndexOf('\n', node.getOffset() - 1) + 1;
        String indentation = text.substring(lineStart, node.getOffset());
        List<String> stages = sets.stream().map(set -> "deliver " + NodeModelUtils.getTokenText(set) + " " + statements).toList();
        String names = String.join(", ", sets.stream().map(NodeModelUtils::getTokenText).toList());
        return List.of(new Fix("Split into one deliver stage per parameter set (" + names + ")", code,
                List.of(new Edit(node.getOffset(), node.getLength(), String.join("\n" + indentation, stages)))));
    }
}
