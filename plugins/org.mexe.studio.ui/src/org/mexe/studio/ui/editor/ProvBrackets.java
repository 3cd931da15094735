package org.mexe.studio.ui.editor;

import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;

/** Bracket matching: the language's blocks and lists. */
public final class ProvBrackets extends DefaultCharacterPairMatcher {

    public ProvBrackets() {
        super(new char[] { '{', '}', '(', ')', '[', ']' });
    }
}
