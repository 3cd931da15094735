package org.mexe.studio.ui.editor;

import java.util.HashMap;
import java.util.Map;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.mexe.studio.dsl.parser.antlr.ProvLexer;
import org.mexe.studio.ui.ProvLanguage;

/**
 * Splits a document into tokens with the language's lexer (the one the parser uses), so that the editor's
 * colours and the parser never disagree about where a keyword, string or comment is.
 */
final class ProvTokenScanner implements ITokenScanner {

    private final Map<Integer, IToken> tokensByType = new HashMap<>();
    private ProvLexer lexer;
    private int rangeStart;
    private int rangeEnd;
    private int tokenOffset;
    private int tokenLength;

    ProvTokenScanner() {
        ITokenDefProvider tokenDefs = ProvLanguage.injector().getInstance(ITokenDefProvider.class);
        tokenDefs.getTokenDefMap().forEach((type, name) -> {
            ProvHighlighting highlighting = ProvHighlighting.ofTokenName(name);
            if (highlighting != null) {
                tokensByType.put(type, new Token(highlighting.textAttribute()));
            }
        });
    }

    @Override
    public void setRange(IDocument document, int offset, int length) {
        // The lexer cannot start inside a comment or a string: it always reads from the top,
        // and only the tokens that overlap the range are handed out.
        lexer = new ProvLexer(new ANTLRStringStream(document.get()));
        rangeStart = offset;
        rangeEnd = offset + length;
    }

    @Override
    public IToken nextToken() {
        while (true) {
            org.antlr.runtime.Token token = lexer.nextToken();
            if (token.getType() == org.antlr.runtime.Token.EOF) {
                return Token.EOF;
            }
            CommonToken common = (CommonToken) token;
            int start = common.getStartIndex();
            int end = common.getStopIndex() + 1;
            if (start >= rangeEnd) {
                return Token.EOF;
            }
            if (end > rangeStart) {
                tokenOffset = Math.max(start, rangeStart);
                tokenLength = Math.min(end, rangeEnd) - tokenOffset;
                return tokensByType.getOrDefault(common.getType(), Token.UNDEFINED);
            }
        }
    }

    @Override
    public int getTokenOffset() {
        return tokenOffset;
    }

    @Override
    public int getTokenLength() {
        return tokenLength;
    }
}
