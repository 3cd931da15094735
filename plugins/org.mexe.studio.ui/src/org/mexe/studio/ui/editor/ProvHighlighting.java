package org.mexe.studio.ui.editor;

import java.util.regex.Pattern;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

/** The token classes the editor colours, in the colours Xtext users know from its classic editor. */
public enum ProvHighlighting {

    KEYWORD(new RGB(127, 0, 85), SWT.BOLD),
    STRING(new RGB(42, 0, 255), SWT.NORMAL),
    NUMBER(new RGB(125, 125, 125), SWT.NORMAL),
    COMMENT(new RGB(63, 127, 95), SWT.NORMAL),
    /** Semantic: where an element is declared (its name after the keyword). */
    DECLARATION(new RGB(0, 0, 192), SWT.BOLD),
    /** Semantic: a name that refers to an element declared elsewhere. */
    REFERENCE(new RGB(0, 112, 112), SWT.ITALIC),
    /** Semantic: where a secret comes from (a PIN file, an environment variable). */
    SECRET(new RGB(176, 32, 32), SWT.BOLD | SWT.ITALIC),
    /** Semantic: a namespace or an import. */
    NAMESPACE(new RGB(96, 96, 96), SWT.NORMAL);

    /** Word keywords as the token definitions quote them ('namespace', 'oma-cp'); punctuation stays plain. */
    private static final Pattern WORD_KEYWORD = Pattern.compile("'[A-Za-z][A-Za-z0-9-]*'");

    private final RGB rgb;
    private final int fontStyle;

    ProvHighlighting(RGB rgb, int fontStyle) {
        this.rgb = rgb;
        this.fontStyle = fontStyle;
    }

    public RGB rgb() {
        return rgb;
    }

    /** The style of a semantic highlighting id of dsl.ide's calculator, or null for one the lexer already colours. */
    static ProvHighlighting ofSemanticId(String id) {
        return switch (id) {
            case org.mexe.studio.dsl.ide.highlighting.ProvSemanticHighlighting.DECLARATION_ID -> DECLARATION;
            case org.mexe.studio.dsl.ide.highlighting.ProvSemanticHighlighting.REFERENCE_ID -> REFERENCE;
            case org.mexe.studio.dsl.ide.highlighting.ProvSemanticHighlighting.SECRET_ID -> SECRET;
            case org.mexe.studio.dsl.ide.highlighting.ProvSemanticHighlighting.NAMESPACE_ID -> NAMESPACE;
            default -> null;
        };
    }

    /** {@link SWT#BOLD}, {@link SWT#ITALIC} or {@link SWT#NORMAL}. */
    public int fontStyle() {
        return fontStyle;
    }

    TextAttribute textAttribute() {
        return new TextAttribute(new Color(rgb), null, fontStyle);
    }

    /** The class of a token by its name in the grammar's token definitions, or null for plain text. */
    static ProvHighlighting ofTokenName(String name) {
        return switch (name) {
            case "RULE_STRING" -> STRING;
            case "RULE_INT" -> NUMBER;
            case "RULE_ML_COMMENT", "RULE_SL_COMMENT" -> COMMENT;
            default -> WORD_KEYWORD.matcher(name).matches() ? KEYWORD : null;
        };
    }
}
