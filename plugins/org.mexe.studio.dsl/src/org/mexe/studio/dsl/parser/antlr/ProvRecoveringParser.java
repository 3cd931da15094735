package org.mexe.studio.dsl.parser.antlr;

import org.antlr.runtime.CharStream;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.antlr.XtextTokenStream;

/**
 * The language's parser: the generated one with {@link InternalProvRecoveringParser}'s error
 * recovery. A whole file (the default rule, or a full reparse by its rule name) goes through the
 * recovering entry rule; partial reparses of single elements use the generated entry rules,
 * with the same recovery inside them.
 */
public class ProvRecoveringParser extends ProvParser {

    @Override
    protected InternalProvRecoveringParser createParser(XtextTokenStream stream) {
        return new InternalProvRecoveringParser(stream, getGrammarAccess());
    }

    @Override
    protected String getDefaultRuleName() {
        return InternalProvRecoveringParser.FILE_ENTRY_RULE;
    }

    @Override
    protected IParseResult doParse(String ruleName, CharStream in, NodeModelBuilder nodeModelBuilder, int initialLookAhead) {
        String fileRule = getGrammarAccess().getProvisioningModelRule().getName();
        boolean wholeFile = ruleName == null || ruleName.equals(fileRule) || ruleName.equals("entryRule" + fileRule);
        return super.doParse(wholeFile ? InternalProvRecoveringParser.FILE_ENTRY_RULE : ruleName, in, nodeModelBuilder, initialLookAhead);
    }
}
