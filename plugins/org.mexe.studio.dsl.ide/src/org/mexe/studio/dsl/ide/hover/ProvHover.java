package org.mexe.studio.dsl.ide.hover;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.mexe.studio.codec.MessageTooLongException;
import org.mexe.studio.dsl.ide.highlighting.ProvSemanticHighlighting;
import org.mexe.studio.dsl.ide.model.ModelText;
import org.mexe.studio.dsl.validation.PayloadValidator;
import org.mexe.studio.model.payload.DeliveryPayload;
import org.mexe.studio.model.payload.DeliveryPayload.Encoded;
import org.mexe.studio.model.payload.EffectiveParameters;
import org.mexe.studio.model.provisioning.Application;
import org.mexe.studio.model.provisioning.Bookmark;
import org.mexe.studio.model.provisioning.Element;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.MailServer;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.Party;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.model.provisioning.SecretSource;

import com.google.inject.Inject;

/**
 * The hover of any editor, as Markdown for a region of a parsed .prov text:
 * <ul>
 * <li>a keyword: what it means;</li>
 * <li>a name, where declared or referenced: what the element is and where it is declared, and for
 * a parameter set every effective value with {@code extends} resolved and the set it comes from;</li>
 * <li>{@code deliver}: the payload's SMS count (exact for any PIN) against each target handset's limit;</li>
 * <li>a secret: where it is read from. Its value is never read here, so it cannot be shown.</li>
 * </ul>
 * Editors (the Eclipse Generic Editor, the language server) only present the text.
 */
public class ProvHover {

    /** Markdown for the region {@code offset}..{@code offset + length} of the text. */
    public record HoverText(String markdown, int offset, int length) {
    }

    @Inject
    private EObjectAtOffsetHelper objectsAtOffset;
    @Inject
    private IQualifiedNameProvider names;

    /** The hover at {@code offset}, or empty where there is nothing to say (white space, comments, punctuation). */
    public Optional<HoverText> hoverAt(XtextResource resource, int offset) {
        if (resource.getParseResult() == null) {
            return Optional.empty();
        }
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
        if (leaf == null || leaf.isHidden()) {
            return Optional.empty();
        }
        INode reference = crossReferenceNode(leaf);
        if (reference != null) {
            EObject target = objectsAtOffset.resolveCrossReferencedElementAt(resource, offset);
            if (target == null || target.eIsProxy()) {
                return Optional.empty();
            }
            return Optional.of(new HoverText(describe(target, resource), reference.getOffset(), reference.getLength()));
        }
        if (isWordOfTheLanguage(leaf)) {
            String word = leaf.getText();
            StringBuilder text = new StringBuilder();
            KeywordMeanings.of(word).ifPresent(meaning -> text.append("**").append(word).append("**: ").append(meaning));
            if ("deliver".equals(word) && leaf.getSemanticElement() instanceof ParameterDelivery delivery) {
                text.append("\n\n").append(payload(delivery));
            }
            return text.isEmpty() ? Optional.empty() : Optional.of(new HoverText(text.toString(), leaf.getOffset(), leaf.getLength()));
        }
        EObject semantic = leaf.getSemanticElement();
        if (semantic instanceof SecretRef secret) {
            return Optional.of(new HoverText(secret(secret), leaf.getOffset(), leaf.getLength()));
        }
        Assignment assignment = ProvSemanticHighlighting.assignmentOf(leaf);
        if (assignment != null && "name".equals(assignment.getFeature()) && semantic instanceof Element element) {
            return Optional.of(new HoverText(describe(element, resource), leaf.getOffset(), leaf.getLength()));
        }
        return Optional.empty();
    }

    /** A keyword, or a value of an enumeration such as {@code userpin} (the node model records the enum rule, not a keyword). */
    private static boolean isWordOfTheLanguage(ILeafNode leaf) {
        EObject grammar = leaf.getGrammarElement();
        return grammar instanceof Keyword || grammar instanceof EnumLiteralDeclaration
                || grammar instanceof RuleCall call && call.getRule() instanceof EnumRule;
    }

    /** The whole (possibly qualified) name of a reference that {@code leaf} is part of. */
    private static INode crossReferenceNode(ILeafNode leaf) {
        INode node = leaf;
        for (int depth = 0; node != null && depth < 4; depth++, node = node.getParent()) {
            if (node.getGrammarElement() instanceof CrossReference) {
                return node;
            }
        }
        return null;
    }

    private String describe(EObject target, XtextResource from) {
        StringBuilder text = new StringBuilder();
        QualifiedName name = names.getFullyQualifiedName(target);
        text.append("**").append(kind(target)).append("** `").append(name == null ? "?" : name.toString()).append('`');
        if (target instanceof ParameterSet set && set.getBase() != null && !set.getBase().eIsProxy()) {
            text.append(" extends `").append(names.getFullyQualifiedName(set.getBase())).append('`');
        }
        text.append("  \n").append(where(target, from));
        switch (target) {
            case ParameterSet set -> text.append("\n\n").append(effectiveValues(set));
            case HandsetProfile handset -> text.append("\n\n").append(handset(handset));
            case Party party -> text.append("\n\n").append(word(party.getRole())).append(party.getDisplayName() == null ? ""
                    : ", named \"" + party.getDisplayName() + "\"");
            case Application application -> text.append("\n\nclassmark ").append(application.getClassmark())
                    .append(application.getSigner() == null ? ", unsigned" : ", signed by `" + application.getSigner().getName() + "`")
                    .append(application.getDomain() == null ? "" : " in domain `" + application.getDomain().getName() + "`");
            default -> {
            }
        }
        return text.toString();
    }

    private static String kind(EObject target) {
        return switch (target) {
            case ParameterSet s -> "parameters";
            case HandsetProfile h -> "handset";
            case Scenario s -> "scenario";
            case ProvisioningModel m -> "namespace";
            default -> {
                String type = target.eClass().getName();
                yield switch (type) {
                    case "BootstrapApplication" -> "bootstrap-app";
                    case "MexeComponent" -> "component";
                    case "SecurityDomain" -> "domain";
                    case "SubscriberSource" -> "subscribers";
                    default -> type.toLowerCase(Locale.ROOT);
                };
            }
        };
    }

    /** "declared in national.prov, line 3" (the file name alone when it is the hovered file's folder). */
    private static String where(EObject target, XtextResource from) {
        INode node = NodeModelUtils.getNode(target);
        String file = target.eResource() == null ? "?" : target.eResource().getURI().lastSegment();
        String line = node == null ? "" : ", line " + node.getStartLine();
        return "declared in `" + file + "`" + line + (target.eResource() == from ? " (this file)" : "");
    }

    /**
     * Every value the set delivers, as the generator sees it after {@code extends}, with the set of
     * the chain that gives it. Secrets show where they are read from.
     */
    private String effectiveValues(ParameterSet set) {
        List<String> rows = ModelText.effectiveRows(set, names).stream()
                .map(row -> "| " + row.parameter() + " | " + row.value().replace("|", "\\|") + " | " + row.from() + " |").toList();
        if (rows.isEmpty()) {
            return "_no parameters_";
        }
        return "| parameter | effective value | from |\n|---|---|---|\n" + String.join("\n", rows);
    }

    private static String word(Enumerator literal) {
        return org.mexe.studio.model.constraints.Keywords.of(literal);
    }

    private static String secret(SecretRef secret) {
        String where = secret.getSource() == SecretSource.ENV
                ? "the environment variable `" + secret.getLocation() + "` of the process that validates or generates"
                : "the file `" + secret.getLocation() + "`, relative to this .prov file, without its final line break";
        return "**secret**, read from " + where + " when it is needed. Its value is never shown, logged or written by the tool.";
    }

    private static String handset(HandsetProfile handset) {
        int limit = DeliveryPayload.segmentLimit(handset);
        return "classmarks " + handset.getClassmarks() + ", reassembles " + (limit == 1 ? "1 SMS (no concatenated-sms)" : limit + " concatenated SMS")
                + (handset.getFormats().isEmpty() ? "" : ", reads " + String.join(", ", handset.getFormats().stream().map(ProvHover::word).toList()));
    }

    /** The encoded delivery's size, counted as the validator counts it, against each target handset. */
    private static String payload(ParameterDelivery delivery) {
        if (delivery.getParameterSets().isEmpty() || delivery.getParameterSets().stream().anyMatch(s -> s.eIsProxy() || s.getName() == null)) {
            return "_payload size: unknown until every set resolves_";
        }
        Set<String> standIns = new HashSet<>();
        Encoded encoded;
        try {
            encoded = PayloadValidator.encodeWithStandIns(delivery, standIns);
        } catch (MessageTooLongException e) {
            return "**payload**: " + e.segmentsNeeded() + " SMS, more than one concatenated message can have";
        } catch (RuntimeException e) {
            return "_payload size: unknown until the values are valid_";
        }
        StringBuilder text = new StringBuilder("**payload**: ").append(encoded.smsCount()).append(" SMS, ")
                .append(encoded.wbxml().length).append(" WBXML bytes, ").append(encoded.wspPush().length).append(" push bytes");
        if (!standIns.isEmpty()) {
            text.append(" (each of the ").append(standIns.size()).append(" password(s) counted as ")
                    .append(PayloadValidator.SECRET_STAND_IN_LENGTH).append(" characters)");
        }
        Scenario scenario = EcoreUtil2.getContainerOfType(delivery, Scenario.class);
        if (scenario != null) {
            for (HandsetProfile handset : scenario.getHandsets()) {
                if (handset.eIsProxy()) {
                    continue;
                }
                int limit = DeliveryPayload.segmentLimit(handset);
                text.append("\n- `").append(handset.getName()).append("` takes ").append(limit).append(": ")
                        .append(encoded.smsCount() <= limit ? "fits" : "TOO MANY (" + encoded.smsCount() + " > " + limit + ")");
            }
        }
        return text.toString();
    }
}
