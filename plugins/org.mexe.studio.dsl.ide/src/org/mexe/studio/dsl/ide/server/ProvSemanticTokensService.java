package org.mexe.studio.dsl.ide.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SemanticTokenModifiers;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.xtext.ide.editor.syntaxcoloring.HighlightingStyles;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.semantictokens.SemanticTokensService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.mexe.studio.dsl.ide.highlighting.ProvSemanticHighlighting;

/**
 * LSP semantic tokens from {@link ProvSemanticHighlighting}'s styles. Declarations and references
 * are both {@code variable}, a declaration with the {@code declaration} modifier; a secret's
 * source is a {@code string} with the language's own {@code secret} modifier (clients that do not
 * know it still colour it as a string).
 * <p>
 * Xtext's own encoding is replaced because it numbers token types from 1, one off the legend.
 */
public class ProvSemanticTokensService extends SemanticTokensService {

    /** The modifier of a secret's source; an LSP client may give it its own colour. */
    public static final String SECRET_MODIFIER = "secret";

    private static final List<String> TYPES = List.of(SemanticTokenTypes.Keyword, SemanticTokenTypes.String, SemanticTokenTypes.Number,
            SemanticTokenTypes.Comment, SemanticTokenTypes.Namespace, SemanticTokenTypes.Variable, SemanticTokenTypes.Operator);
    private static final List<String> MODIFIERS = List.of(SemanticTokenModifiers.Declaration, SECRET_MODIFIER);

    private record Token(String type, int modifiers) {
    }

    private static final Map<String, Token> BY_STYLE = Map.of(
            HighlightingStyles.KEYWORD_ID, new Token(SemanticTokenTypes.Keyword, 0),
            HighlightingStyles.STRING_ID, new Token(SemanticTokenTypes.String, 0),
            HighlightingStyles.NUMBER_ID, new Token(SemanticTokenTypes.Number, 0),
            HighlightingStyles.COMMENT_ID, new Token(SemanticTokenTypes.Comment, 0),
            HighlightingStyles.PUNCTUATION_ID, new Token(SemanticTokenTypes.Operator, 0),
            ProvSemanticHighlighting.NAMESPACE_ID, new Token(SemanticTokenTypes.Namespace, 0),
            ProvSemanticHighlighting.DECLARATION_ID, new Token(SemanticTokenTypes.Variable, 1),
            ProvSemanticHighlighting.REFERENCE_ID, new Token(SemanticTokenTypes.Variable, 0),
            ProvSemanticHighlighting.SECRET_ID, new Token(SemanticTokenTypes.String, 1 << 1));

    @Override
    protected void addTokenTypes() {
        getTokenTypes().addAll(TYPES);
    }

    @Override
    protected void addTokenModifiers() {
        getTokenModifiers().addAll(MODIFIERS);
    }

    private record Styled(int offset, int length, Token token) {
    }

    @Override
    public SemanticTokens semanticTokensFull(Document document, XtextResource resource, SemanticTokensParams params, CancelIndicator cancel) {
        if (document == null || resource == null) {
            return new SemanticTokens(List.of());
        }
        ISemanticHighlightingCalculator calculator = resource.getResourceServiceProvider().get(ISemanticHighlightingCalculator.class);
        List<Styled> styled = new ArrayList<>();
        calculator.provideHighlightingFor(resource, (offset, length, ids) -> {
            for (String id : ids) {
                Token token = BY_STYLE.get(id);
                if (token != null) {
                    styled.add(new Styled(offset, length, token));
                    return;
                }
            }
        }, cancel);
        styled.sort(Comparator.comparingInt(Styled::offset));
        List<Integer> data = new ArrayList<>(styled.size() * 5);
        int lastLine = 0;
        int lastCharacter = 0;
        for (Styled token : styled) {
            Position start = document.getPosition(token.offset());
            Position end = document.getPosition(token.offset() + token.length());
            if (end.getLine() != start.getLine()) {
                continue; // LSP tokens are single-line unless the client says otherwise; a multi-line comment stays plain
            }
            data.add(start.getLine() - lastLine);
            data.add(start.getLine() == lastLine ? start.getCharacter() - lastCharacter : start.getCharacter());
            data.add(end.getCharacter() - start.getCharacter());
            data.add(TYPES.indexOf(token.token().type()));
            data.add(token.token().modifiers());
            lastLine = start.getLine();
            lastCharacter = start.getCharacter();
        }
        return new SemanticTokens(data);
    }
}
