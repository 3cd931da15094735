package org.mexe.studio.dsl.parser.antlr;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.antlr.runtime.BitSet;
import org.antlr.runtime.IntStream;
import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.MissingTokenException;
import org.antlr.runtime.NoViableAltException;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.antlr.runtime.UnwantedTokenException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.parser.antlr.AntlrDatatypeRuleToken;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider.IParserErrorContext;
import org.mexe.studio.dsl.parser.antlr.internal.InternalProvParser;
import org.mexe.studio.dsl.services.ProvGrammarAccess;

/**
 * The generated parser with recovery that reports one error per mistake, where it was made:
 * <ul>
 * <li>A word that starts no statement of a block ({@code apm} for {@code apn}) skips to the brace
 * that closes that block (nested braces counted), which then closes it as if nothing had
 * happened; ANTLR's own recovery would stop at the first brace of any enclosing block and
 * leave the rest of the file to cascade.</li>
 * <li>A value of the wrong kind ({@code port "8080"}) is skipped in place, and parsing goes on
 * with the next statement of the block.</li>
 * <li>A missing value is reported at the word that needs it, not at the next line.</li>
 * <li>A missing {@code '}'} is noticed at the next top-level element written at the start of a
 * line, so that this element still parses.</li>
 * <li>Text at the top level that starts no element is skipped up to the next element, which
 * parses as usual (the generated entry rule would give up on the rest of the file).</li>
 * </ul>
 * Every skipped token still becomes a leaf of the node model, so that offsets, content assist
 * and the formatter see all of the text. Messages name what was found, what the grammar allows
 * there and the place.
 */
public class InternalProvRecoveringParser extends InternalProvParser {

    /** The entry rule that parses a whole file with top-level recovery. */
    public static final String FILE_ENTRY_RULE = "entryRuleProvFile";

    private static final BitSet NOTHING_FOLLOWS = new BitSet();
    private static final BitSet END_OF_RULE = BitSet.of(Token.EOR_TOKEN_TYPE);

    /** What recovery needs to know of the grammar's tokens; the same for every parse, so read once. */
    private record Tokens(Map<String, Integer> keywordTypes, int openBrace, int closeBrace, BitSet elementStarts, BitSet elementFollow) {

        static Tokens of(String[] names, ProvGrammarAccess grammar) {
            Map<String, Integer> keywordTypes = new HashMap<>();
            for (int type = 0; type < names.length; type++) {
                String name = names[type];
                if (name != null && name.length() > 2 && name.startsWith("'") && name.endsWith("'")) {
                    keywordTypes.put(name.substring(1, name.length() - 1), type);
                }
            }
            BitSet elementStarts = new BitSet();
            for (String keyword : GrammarExpectations.firstKeywords(grammar.getElementRule().getAlternatives())) {
                elementStarts.add(keywordTypes.get(keyword));
            }
            return new Tokens(Map.copyOf(keywordTypes), keywordTypes.get("{"), keywordTypes.get("}"), elementStarts,
                    elementStarts.or(END_OF_RULE));
        }
    }

    private static volatile Tokens tokens;

    private final ProvGrammarAccess grammar;
    private final Map<String, Integer> keywordTypes;
    private final int openBrace;
    private final int closeBrace;
    private final BitSet elementStarts;
    private final BitSet elementFollow;
    /** Where each open rule invocation began: its depth in ANTLR's follow stack and its first token (a stack, without garbage). */
    private int[] ruleFollowDepths = new int[64];
    private int[] ruleTokenIndexes = new int[64];
    private int openRules;
    /** The message of the error being reported, when this class words it rather than the exception. */
    private String pendingMessage;

    public InternalProvRecoveringParser(TokenStream input, ProvGrammarAccess grammarAccess) {
        super(input, grammarAccess);
        this.grammar = grammarAccess;
        Tokens known = tokens;
        if (known == null) {
            known = Tokens.of(getTokenNames(), grammarAccess);
            tokens = known;
        }
        keywordTypes = known.keywordTypes();
        openBrace = known.openBrace();
        closeBrace = known.closeBrace();
        elementStarts = known.elementStarts();
        elementFollow = known.elementFollow();
    }

    // ---- Entry rule of a whole file ----------------------------------------------------------

    /**
     * As the generated {@code entryRuleProvisioningModel}, but text after the elements that
     * starts none (a misspelt {@code paramters}, a stray brace) costs one error and is skipped up
     * to the next element, which is then parsed into the same model.
     */
    public EObject entryRuleProvFile() throws RecognitionException {
        EObject current = null;
        try {
            newCompositeNode(grammar.getProvisioningModelRule());
            pushFollow(NOTHING_FOLLOWS);
            current = ruleProvisioningModel();
            state._fsp--;
            while (input.LA(1) != Token.EOF) {
                skipToNextElement();
                while (elementStarts.member(input.LA(1))) {
                    current = parseElement(current);
                }
            }
            match(input, Token.EOF, END_OF_RULE);
        } catch (RecognitionException e) {
            recover(input, e);
            appendSkippedTokens();
        }
        return current;
    }

    /** One element added to the model, exactly as the generated elements loop does it. */
    private EObject parseElement(EObject model) throws RecognitionException {
        EObject current = model;
        newCompositeNode(grammar.getProvisioningModelAccess().getElementsElementParserRuleCall_3_0());
        pushFollow(elementFollow);
        EObject element = ruleElement();
        state._fsp--;
        if (current == null) {
            current = createModelElementForParent(grammar.getProvisioningModelRule());
        }
        add(current, "elements", element, grammar.getGrammar().getName() + "." + grammar.getElementRule().getName());
        afterParserOrEnumRuleCall();
        return current;
    }

    private void skipToNextElement() {
        Token first = input.LT(1);
        report(new UnwantedTokenException(Token.INVALID_TOKEN_TYPE, input), topLevelMessage(first));
        int depth = 0;
        do {
            int type = input.LA(1);
            if (type == openBrace) {
                depth++;
            } else if (type == closeBrace && depth > 0) {
                depth--;
            }
            input.consume();
        } while (input.LA(1) != Token.EOF
                && !(elementStarts.member(input.LA(1)) && (depth == 0 || startsLine(input.LT(1)))));
        appendSkippedTokens();
    }

    private String topLevelMessage(Token found) {
        String text = found.getText();
        if ("import".equals(text)) {
            return "An import comes right after the namespace line, before the first definition: move this import up.";
        }
        if ("}".equals(text)) {
            return "This '}' closes no block: remove it, or check the braces of the definition above.";
        }
        return "Unexpected '" + text + "' at the top level: a definition starts with "
                + GrammarExpectations.join(GrammarExpectations.firstKeywords(grammar.getElementRule().getAlternatives())) + ".";
    }

    // ---- Recovery ----------------------------------------------------------------------------

    @Override
    protected void enterRule() {
        super.enterRule();
        if (openRules == ruleFollowDepths.length) {
            ruleFollowDepths = Arrays.copyOf(ruleFollowDepths, openRules * 2);
            ruleTokenIndexes = Arrays.copyOf(ruleTokenIndexes, openRules * 2);
        }
        ruleFollowDepths[openRules] = state._fsp;
        ruleTokenIndexes[openRules] = Math.max(input.index(), 0);
        openRules++;
    }

    @Override
    protected void leaveRule() {
        super.leaveRule();
        if (openRules > 0) {
            openRules--;
        }
    }

    @Override
    protected Object recoverFromMismatchedToken(IntStream stream, int expected, BitSet follow) throws RecognitionException {
        Token next = input.LT(1);
        if (expected == closeBrace && (next.getType() == Token.EOF || startsElementAtLineStart(next))) {
            return missing(expected);
        }
        if (mismatchIsUnwantedToken(stream, expected)) {
            UnwantedTokenException e = new UnwantedTokenException(expected, input);
            beginResync();
            input.consume();
            endResync();
            reportError(e);
            Object matched = getCurrentInputSymbol(input);
            input.consume();
            return matched;
        }
        if (isKeyword(expected) && expected != openBrace && expected != closeBrace && next.getType() == RULE_ID
                && follows(follow, input.LA(2))) {
            // a misspelt keyword, such as namspace or too for to: lexed as a name
            return replaced(expected);
        }
        if (expected == openBrace && next.getType() == closeBrace) {
            // a block with neither brace, as in an unfinished 'deliver }': that '}' closes the enclosing block
            throw new MismatchedTokenException(expected, input);
        }
        if (mismatchIsMissingToken(stream, follow)) {
            return missing(expected);
        }
        if (expected == closeBrace) {
            return skipToClosingBrace(expected);
        }
        if (next.getType() != Token.EOF && next.getType() != openBrace && next.getType() != closeBrace
                && expected != Token.EOF && follows(follow, input.LA(2))) {
            // one wrong token in the place of the expected one, such as port "8080": skip it alone
            return replaced(expected);
        }
        throw new MismatchedTokenException(expected, input);
    }

    /** Reports the next token as wrong in the place of the expected one, and skips it alone. */
    private Object replaced(int expected) {
        reportError(new MismatchedTokenException(expected, input));
        beginResync();
        input.consume();
        endResync();
        return null;
    }

    private boolean isKeyword(int type) {
        return type > 0 && type < getTokenNames().length && getTokenNames()[type].startsWith("'");
    }

    /** Reports a token as missing; the parse goes on as if it had been there. */
    private Object missing(int expected) {
        reportError(new MissingTokenException(expected, input, null));
        if (expected != closeBrace) {
            attachErrorToPreviousToken();
        }
        return null;
    }

    /**
     * Skips what cannot be a statement of the current block up to the brace that closes it, and
     * returns that brace as the one expected. Stops early before a top-level element at the start
     * of a line, since then the block's own brace is missing.
     */
    private Object skipToClosingBrace(int expected) {
        reportError(new MismatchedTokenException(expected, input));
        int depth = 0;
        beginResync();
        try {
            while (input.LA(1) != Token.EOF) {
                Token token = input.LT(1);
                if (depth == 0 && token.getType() == closeBrace) {
                    input.consume();
                    return token;
                }
                if (startsElementAtLineStart(token)) {
                    return null;
                }
                if (token.getType() == openBrace) {
                    depth++;
                } else if (token.getType() == closeBrace) {
                    depth--;
                }
                input.consume();
            }
            return null;
        } finally {
            endResync();
        }
    }

    /**
     * Recovers from an error that the generated rule caught. When the rule has opened a block,
     * skips to the brace that closes it, so that the enclosing block goes on after it; otherwise
     * ANTLR's recovery (skip to what may follow the rule) is right, since it stays in the block.
     */
    @Override
    public void recover(IntStream stream, RecognitionException e) {
        // the rule whose catch called this: its own invocation is the innermost one still open
        int open = 0;
        if (openRules > 0 && ruleFollowDepths[openRules - 1] == state._fsp) {
            openRules--;
            open = openBracesSince(ruleTokenIndexes[openRules]);
        }
        reportError(e);
        if (open > 0) {
            skipBlocks(open);
            return;
        }
        int type = input.LA(1);
        boolean missing = type != Token.EOF && computeErrorRecoverySet().member(type);
        if (state.lastErrorIndex == input.index()) {
            input.consume();
            missing = false;
        }
        state.lastErrorIndex = input.index();
        BitSet recoverySet = computeErrorRecoverySet();
        beginResync();
        consumeUntil(stream, recoverySet);
        endResync();
        if (missing) {
            attachErrorToPreviousToken();
        }
    }

    private int openBracesSince(int tokenIndex) {
        int open = 0;
        for (int i = tokenIndex; i < input.index(); i++) {
            Token token = input.get(i);
            if (token.getChannel() == DEFAULT_TOKEN_CHANNEL) {
                if (token.getType() == openBrace) {
                    open++;
                } else if (token.getType() == closeBrace) {
                    open--;
                }
            }
        }
        return open;
    }

    private void skipBlocks(int open) {
        int depth = open;
        beginResync();
        while (input.LA(1) != Token.EOF && !startsElementAtLineStart(input.LT(1))) {
            int type = input.LA(1);
            input.consume();
            if (type == openBrace) {
                depth++;
            } else if (type == closeBrace && --depth == 0) {
                break;
            }
        }
        endResync();
    }

    private boolean follows(BitSet follow, int type) {
        if (follow == null || type < 0) {
            return false;
        }
        if (follow.member(type)) {
            return true;
        }
        return follow.member(Token.EOR_TOKEN_TYPE) && computeContextSensitiveRuleFOLLOW().member(type);
    }

    private boolean startsElementAtLineStart(Token token) {
        return token.getType() >= 0 && elementStarts.member(token.getType()) && startsLine(token);
    }

    private static boolean startsLine(Token token) {
        return token.getCharPositionInLine() == 0;
    }

    /** Puts the pending error on the last word read: a missing value belongs after the word that needs it. */
    private void attachErrorToPreviousToken() {
        ILeafNode previous = lastVisibleLeaf();
        if (previous != null) {
            appendError(previous);
        }
    }

    private ILeafNode lastVisibleLeaf() {
        INode current = getCurrentNode();
        if (current == null) {
            return null;
        }
        for (INode node : current.getRootNode().getAsTreeIterable().reverse()) {
            if (node instanceof ILeafNode leaf && !leaf.isHidden()) {
                return leaf;
            }
        }
        return null;
    }

    /**
     * A value is missing (reported as a syntax error already): the generated code would still
     * hand null, or an empty data type token, to the value converter.
     */
    @Override
    protected void set(EObject object, String feature, Object value, String lexerRule, INode node) {
        if (isPresent(value)) {
            super.set(object, feature, value, lexerRule, node);
        }
    }

    @Override
    protected void add(EObject object, String feature, Object value, String lexerRule, INode node) {
        if (isPresent(value)) {
            super.add(object, feature, value, lexerRule, node);
        }
    }

    private static boolean isPresent(Object value) {
        return value != null && !(value instanceof AntlrDatatypeRuleToken token && (token.getText() == null || token.getText().isEmpty()));
    }

    // ---- Messages ----------------------------------------------------------------------------

    private void report(RecognitionException e, String message) {
        pendingMessage = message;
        try {
            reportError(e);
        } finally {
            pendingMessage = null;
        }
    }

    @Override
    protected IParserErrorContext createErrorContext(RecognitionException e) {
        String message = pendingMessage != null ? pendingMessage : describe(e);
        return new ParserErrorContext(e) {
            @Override
            public String getDefaultMessage() {
                return message;
            }
        };
    }

    private String describe(RecognitionException e) {
        String found = found(e.token);
        Token previous = input.LT(-1);
        if (previous != null && e.token != null && previous.getTokenIndex() == e.token.getTokenIndex()) {
            // an unwanted token is reported after it was skipped
            previous = input.LT(-2);
        }
        String after = previous == null ? "" : " after '" + previous.getText() + "'";
        if (e instanceof MissingTokenException missing) {
            if (missing.expecting == closeBrace) {
                return missingBraceMessage(e.token);
            }
            return "Missing " + expectation(missing.expecting) + after + ".";
        }
        if (e instanceof MismatchedTokenException mismatched) {
            int expected = mismatched.expecting;
            if (expected == closeBrace) {
                return unexpectedInBlockMessage(found);
            }
            if (expected == keywordTypes.getOrDefault("namespace", -2)) {
                return "A .prov file starts with its namespace, such as 'namespace demo.operator': found " + found + ".";
            }
            if (e instanceof UnwantedTokenException) {
                return "Unexpected " + found + after + ": remove it; " + expectation(expected) + " comes next.";
            }
            if (e.token != null && e.token.getType() != Token.EOF && computeErrorRecoverySet().member(e.token.getType())) {
                // what follows belongs to the next statement: nothing wrong was written, something is missing
                return "Missing " + expectation(expected) + after + ".";
            }
            return "Expected " + expectation(expected) + after + ", found " + found + ".";
        }
        if (e instanceof NoViableAltException) {
            return noViableAlternativeMessage(e, found, previous);
        }
        return superGetErrorMessage(e, getTokenNames());
    }

    /** No branch of a choice fits, as after 'security' or 'connect': says what the grammar allows there. */
    private String noViableAlternativeMessage(RecognitionException e, String found, Token previous) {
        String after = previous == null ? "" : " after '" + previous.getText() + "'";
        ILeafNode leaf = lastVisibleLeaf();
        Set<String> expected = leaf != null && leaf.getGrammarElement() instanceof AbstractElement element
                ? GrammarExpectations.following(element) : Set.of();
        if (expected.isEmpty()) {
            return "Unexpected " + found + after + ".";
        }
        String options = GrammarExpectations.join(expected.stream().map(InternalProvRecoveringParser::unquoteWord).toList());
        boolean nothingThere = e.token == null || e.token.getType() == Token.EOF || computeErrorRecoverySet().member(e.token.getType());
        boolean onlyKinds = expected.stream().noneMatch(x -> x.startsWith("'"));
        if (nothingThere) {
            return onlyKinds ? "Missing " + options + after + "." : "Missing value" + after + ": write " + options + ".";
        }
        return (onlyKinds ? "Unexpected " : "Unknown value ") + found + after + ": write " + options + ".";
    }

    private String unexpectedInBlockMessage(String found) {
        AbstractRule rule = GrammarExpectations.ruleOf(getCurrentNode() == null ? null : getCurrentNode().getGrammarElement());
        String block = rule == null ? null : GrammarExpectations.leadingKeyword(rule);
        Set<String> content = GrammarExpectations.blockContent(rule);
        return "Unexpected " + found + (block == null ? "" : " in the " + block + " block") + ": write "
                + GrammarExpectations.join(content.stream().map(InternalProvRecoveringParser::unquoteWord).toList())
                + (content.size() > 1 ? " to close the block." : ".");
    }

    private String missingBraceMessage(Token found) {
        Token opening = unclosedBrace();
        String block = "";
        if (opening != null) {
            Token head = blockHead(opening);
            block = " to close the " + (head == null ? "" : "'" + head.getText() + "' ") + "block opened at line " + opening.getLine();
        }
        return found == null || found.getType() == Token.EOF ? "Missing '}'" + block + ": add it at the end of the file."
                : "Missing '}'" + block + ": add it before " + found(found) + ".";
    }

    /** The '{' that no '}' has closed yet, searching back from the current token. */
    private Token unclosedBrace() {
        int depth = 0;
        for (int i = Math.min(input.index(), input.size()) - 1; i >= 0; i--) {
            Token token = input.get(i);
            if (token.getChannel() != DEFAULT_TOKEN_CHANNEL) {
                continue;
            }
            if (token.getType() == closeBrace) {
                depth++;
            } else if (token.getType() == openBrace && depth-- == 0) {
                return token;
            }
        }
        return null;
    }

    /** The word that starts the header of a block on the line of its '{', such as 'deliver'. */
    private Token blockHead(Token opening) {
        Token head = null;
        for (int i = opening.getTokenIndex() - 1; i >= 0; i--) {
            Token token = input.get(i);
            if (token.getChannel() != DEFAULT_TOKEN_CHANNEL) {
                continue;
            }
            if (token.getLine() != opening.getLine() || token.getType() == openBrace || token.getType() == closeBrace) {
                break;
            }
            head = token;
        }
        return head;
    }

    private String expectation(int type) {
        String name = type >= 0 && type < getTokenNames().length ? getTokenNames()[type] : "EOF";
        if (type == Token.EOF || "EOF".equals(name)) {
            return "the end of the file";
        }
        if (name.startsWith("RULE_")) {
            return GrammarExpectations.describeTerminal(name.substring("RULE_".length()));
        }
        return name;
    }

    private static String found(Token token) {
        return token == null || token.getType() == Token.EOF ? "the end of the file" : "'" + token.getText() + "'";
    }

    /** Keywords listed bare (apn, auth), braces kept in quotes ('}'). */
    private static String unquoteWord(String expectation) {
        return expectation.startsWith("'") && expectation.length() > 3 ? expectation.substring(1, expectation.length() - 1) : expectation;
    }
}
