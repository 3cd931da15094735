package org.mexe.studio.dsl.parser.antlr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Action;
import org.eclipse.xtext.Alternatives;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.UnorderedGroup;

/**
 * What the grammar allows at a place, worded for syntax error messages: the statements of a
 * block, the words that start a top-level element, the values of an enumeration. Read from the
 * grammar, so that messages follow it when it changes.
 */
final class GrammarExpectations {

    private GrammarExpectations() {
    }

    /** The words and kinds of value that can start {@code element}, in grammar order. */
    static Set<String> firsts(AbstractElement element) {
        Set<String> result = new LinkedHashSet<>();
        collectFirsts(element, result, new ArrayList<>());
        return result;
    }

    /** The keywords that can start {@code element}, for token sets. */
    static Set<String> firstKeywords(AbstractElement element) {
        Set<String> result = new LinkedHashSet<>();
        for (String first : firsts(element)) {
            if (first.startsWith("'")) {
                result.add(first.substring(1, first.length() - 1));
            }
        }
        return result;
    }

    /**
     * What the grammar allows right after {@code element} within its rule, such as the values
     * after the keyword {@code security}; empty at the end of a statement.
     */
    static Set<String> following(AbstractElement element) {
        Set<String> result = new LinkedHashSet<>();
        EObject current = element;
        while (current instanceof AbstractElement child && child.eContainer() instanceof AbstractElement container) {
            if (container instanceof Alternatives loop && GrammarUtil.isMultipleCardinality(loop)) {
                break;
            }
            if (container instanceof Group group) {
                List<AbstractElement> elements = group.getElements();
                for (int i = elements.indexOf(child) + 1; i < elements.size(); i++) {
                    AbstractElement next = elements.get(i);
                    collectFirsts(next, result, new ArrayList<>());
                    if (!isOptional(next) && !canBeEmpty(next)) {
                        return result;
                    }
                }
            }
            current = container;
        }
        return result;
    }

    /** The rule a node of the node model was parsed by: a rule call, an action or the rule itself. */
    static AbstractRule ruleOf(EObject grammarElement) {
        if (grammarElement instanceof RuleCall call) {
            return call.getRule();
        }
        if (grammarElement instanceof AbstractRule rule) {
            return rule;
        }
        return grammarElement == null ? null : GrammarUtil.containingRule(grammarElement);
    }

    /** The keyword a rule starts with, such as {@code gprs}; null when it starts with none. */
    static String leadingKeyword(AbstractRule rule) {
        if (rule instanceof ParserRule parserRule && parserRule.getAlternatives() != null) {
            return firstKeywords(parserRule.getAlternatives()).stream().findFirst().orElse(null);
        }
        return null;
    }

    /** What may stand between the braces of a block rule: its statements and the closing brace. */
    static Set<String> blockContent(AbstractRule rule) {
        Set<String> result = new LinkedHashSet<>();
        if (rule instanceof ParserRule parserRule && parserRule.getAlternatives() instanceof Group group) {
            boolean inside = false;
            for (AbstractElement element : group.getElements()) {
                if (element instanceof Keyword keyword && "{".equals(keyword.getValue())) {
                    inside = true;
                } else if (element instanceof Keyword keyword && "}".equals(keyword.getValue())) {
                    break;
                } else if (inside) {
                    result.addAll(firsts(element));
                }
            }
        }
        result.add("'}'");
        return result;
    }

    /** The literals of an enumeration rule, such as {@code userpin, netwpin}. */
    static List<String> literals(AbstractRule rule) {
        List<String> result = new ArrayList<>();
        if (rule instanceof EnumRule enumRule) {
            for (EObject object : enumRule.getAlternatives().eContents()) {
                if (object instanceof EnumLiteralDeclaration literal) {
                    result.add(literal.getLiteral().getValue());
                }
            }
            if (enumRule.getAlternatives() instanceof EnumLiteralDeclaration single) {
                result.add(single.getLiteral().getValue());
            }
        }
        return result;
    }

    /** Joins expectations the way a sentence lists them: "a, b or c". */
    static String join(Iterable<String> items) {
        List<String> words = new ArrayList<>();
        items.forEach(words::add);
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static boolean isOptional(AbstractElement element) {
        return GrammarUtil.isOptionalCardinality(element) || element instanceof Action;
    }

    private static void collectFirsts(AbstractElement element, Set<String> result, List<AbstractRule> visiting) {
        switch (element) {
            case Keyword keyword -> result.add("'" + keyword.getValue() + "'");
            case Group group -> {
                for (AbstractElement child : group.getElements()) {
                    collectFirsts(child, result, visiting);
                    if (!isOptional(child) && !canBeEmpty(child)) {
                        break;
                    }
                }
            }
            case UnorderedGroup group -> group.getElements().forEach(child -> collectFirsts(child, result, visiting));
            case Alternatives alternatives -> alternatives.getElements().forEach(child -> collectFirsts(child, result, visiting));
            case Assignment assignment -> collectFirsts(assignment.getTerminal(), result, visiting);
            case CrossReference reference -> result.add("a name");
            case RuleCall call -> collectRuleFirsts(call.getRule(), result, visiting);
            default -> {
                // actions start nothing
            }
        }
    }

    private static void collectRuleFirsts(AbstractRule rule, Set<String> result, List<AbstractRule> visiting) {
        if (visiting.contains(rule)) {
            return;
        }
        switch (rule) {
            case TerminalRule terminal -> result.add(describeTerminal(terminal.getName()));
            case EnumRule enumRule -> literals(enumRule).forEach(literal -> result.add("'" + literal + "'"));
            case ParserRule parserRule when GrammarUtil.isDatatypeRule(parserRule) -> {
                // a qualified name may start with words that are keywords elsewhere: it is still a name
                Set<String> words = new LinkedHashSet<>();
                visiting.add(rule);
                collectFirsts(rule.getAlternatives(), words, visiting);
                visiting.remove(rule);
                if (words.contains("a name")) {
                    result.add("a name");
                } else {
                    result.addAll(words);
                }
            }
            default -> {
                visiting.add(rule);
                collectFirsts(rule.getAlternatives(), result, visiting);
                visiting.remove(rule);
            }
        }
    }

    /** Whether an element can match no text at all, such as a fragment of optional statements. */
    private static boolean canBeEmpty(AbstractElement element) {
        if (element instanceof RuleCall call && call.getRule() instanceof ParserRule rule && rule.isFragment()) {
            return rule.getAlternatives() != null && GrammarUtil.isOptionalCardinality(rule.getAlternatives());
        }
        return false;
    }

    /** A terminal rule's name, worded for an operator engineer. */
    static String describeTerminal(String name) {
        return switch (name) {
            case "STRING" -> "a string in double quotes";
            case "INT" -> "a number";
            case "ID" -> "a name";
            default -> name.toLowerCase(java.util.Locale.ROOT);
        };
    }
}
