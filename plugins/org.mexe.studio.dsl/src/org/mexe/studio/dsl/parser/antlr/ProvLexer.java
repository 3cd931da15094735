package org.mexe.studio.dsl.parser.antlr;

import org.antlr.runtime.CharStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.mexe.studio.dsl.parser.antlr.internal.InternalProvLexer;

/**
 * The generated lexer, except that a string ends at the end of its line. No value of the
 * language spans lines, so a string that would is a missing closing quote: cut at the line
 * end, it gets one error at the string ("String literal is not properly closed") and the next
 * lines are read as they were written, instead of as the inside of a string up to the next
 * quote somewhere below. A string that the end of the file leaves open is cut the same way.
 */
public class ProvLexer extends InternalProvLexer {

    public ProvLexer() {
    }

    public ProvLexer(CharStream input) {
        super(input);
    }

    @Override
    public Token nextToken() {
        int start = input.index();
        int line = input.getLine();
        int column = input.getCharPositionInLine();
        Token token = super.nextToken();
        if (!runsOverItsLine(token)) {
            return token;
        }
        input.seek(start);
        input.setLine(line);
        input.setCharPositionInLine(column);
        while (input.LA(1) != '\n' && input.LA(1) != '\r' && input.LA(1) != CharStream.EOF) {
            input.consume();
        }
        CommonToken cut = new CommonToken(input, RULE_STRING, Token.DEFAULT_CHANNEL, start, input.index() - 1);
        cut.setLine(line);
        cut.setCharPositionInLine(column);
        return cut;
    }

    /** A string with a line break in it, or one that the end of the file left unclosed. */
    private static boolean runsOverItsLine(Token token) {
        if (token.getType() != RULE_STRING && token.getType() != Token.INVALID_TOKEN_TYPE) {
            return false;
        }
        String text = token.getText();
        if (text == null) {
            return false;
        }
        if (token.getType() == RULE_STRING) {
            return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        }
        return text.startsWith("\"") || text.startsWith("'");
    }
}
