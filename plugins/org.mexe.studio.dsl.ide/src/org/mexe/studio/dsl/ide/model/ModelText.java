package org.mexe.studio.dsl.ide.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.mexe.studio.model.constraints.Keywords;
import org.mexe.studio.model.payload.EffectiveParameters;
import org.mexe.studio.model.provisioning.Bookmark;
import org.mexe.studio.model.provisioning.MailServer;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.model.provisioning.SecretSource;

/**
 * Model values as the .prov text writes them, for the features that show the model to a person
 * (the hover, the Model Browser): feature names in the language's words, values as written, a
 * secret only as where it is read from, and a parameter set's effective values with the set of
 * its {@code extends} chain that gives each.
 */
public final class ModelText {

    /** One effective parameter of a set: its name as written, its value, and the set of the chain that gives it. */
    public record Row(String parameter, String value, String from) {
    }

    /** How the language writes a feature whose model name differs (the model says {@code homePage}, the text {@code homepage}). */
    private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("gsmCsd", "gsm-csd"), Map.entry("authentication", "auth"),
            Map.entry("userName", "user"), Map.entry("dnsServers", "dns"), Map.entry("homePage", "homepage"),
            Map.entry("setupUrl", "setup-url"), Map.entry("callType", "call-type"), Map.entry("senderAddress", "from"),
            Map.entry("sixToFour", "six-to-four"), Map.entry("defaultClassmark", "default-classmark"),
            Map.entry("publicKeys", "public-keys"), Map.entry("addresses", "address"), Map.entry("bookmarks", "bookmark"),
            Map.entry("parameterSets", "parameters"));

    private ModelText() {
    }

    public static String word(EStructuralFeature feature) {
        return WORDS.getOrDefault(feature.getName(), feature.getName());
    }

    /** A value as the text writes it; a secret only as where it comes from; another element by its name. */
    public static String value(Object value, IQualifiedNameProvider names) {
        return switch (value) {
            case List<?> list -> String.join(", ", list.stream().map(item -> value(item, names)).toList());
            case String s -> "\"" + s + "\"";
            case Boolean b -> b ? "yes" : "no";
            case Enumerator e -> Keywords.of(e);
            case SecretRef secret -> secretSource(secret) + " (secret, not shown)";
            case Bookmark bookmark -> "\"" + bookmark.getTitle() + "\" \"" + bookmark.getUrl() + "\"";
            case MailServer server -> "\"" + server.getHost() + "\"" + (server.isSetPort() ? " port " + server.getPort() : "")
                    + (server.isSetSecurity() ? " security " + Keywords.of(server.getSecurity()) : "");
            case EObject object -> {
                QualifiedName name = names.getFullyQualifiedName(object);
                yield name == null ? object.eClass().getName() : name.getLastSegment();
            }
            default -> String.valueOf(value);
        };
    }

    public static String secretSource(SecretRef secret) {
        return (secret.getSource() == SecretSource.ENV ? "env" : "file") + " \"" + secret.getLocation() + "\"";
    }

    /** Every value the set delivers once {@code extends} is resolved, as the generator sees it, with the set that gives it. */
    public static List<Row> effectiveRows(ParameterSet set, IQualifiedNameProvider names) {
        EffectiveParameters effective = EffectiveParameters.of(set);
        List<Row> rows = new ArrayList<>();
        ParameterSet merged = effective.merged();
        for (EStructuralFeature feature : merged.eClass().getEAllStructuralFeatures()) {
            if (feature.getName().equals("name") || feature.getName().equals("base") || !merged.eIsSet(feature)) {
                continue;
            }
            Object value = merged.eGet(feature);
            if (feature instanceof EReference reference && reference.isContainment() && value instanceof EObject block) {
                for (EStructuralFeature inner : block.eClass().getEAllStructuralFeatures()) {
                    if (block.eIsSet(inner)) {
                        rows.add(new Row(word(feature) + " " + word(inner), value(block.eGet(inner), names),
                                origin(effective.chain(), feature, inner)));
                    }
                }
            } else {
                rows.add(new Row(word(feature), value(value, names), origin(effective.chain(), feature, null)));
            }
        }
        return rows;
    }

    /** The first set of the chain that writes {@code block}'s {@code inner} (or {@code block} itself when {@code inner} is null). */
    private static String origin(List<ParameterSet> chain, EStructuralFeature block, EStructuralFeature inner) {
        for (ParameterSet link : chain) {
            if (!link.eIsSet(block)) {
                continue;
            }
            if (inner == null) {
                return link.getName();
            }
            if (link.eGet(block) instanceof EObject written && written.eIsSet(inner)) {
                return link.getName();
            }
        }
        return "?";
    }
}
