package org.mexe.studio.dsl.formatting2;

import java.util.List;

import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;
import com.google.inject.Provider;

/** Formats a whole parsed file to text: for a format command, and for tests of the formatter. */
public class ProvFormatting {

    @Inject
    private Provider<IFormatter2> formatter;
    @Inject
    private Provider<FormatterRequest> requests;
    @Inject
    private Provider<TextRegionAccessBuilder> regionAccess;

    /** The file's text laid out by {@link ProvFormatter}; a file with syntax errors comes back as it was. */
    public String format(XtextResource resource) {
        ITextRegionAccess access = regionAccess.get().forNodeModel(resource).create();
        if (access.hasSyntaxError()) {
            return resource.getParseResult().getRootNode().getText();
        }
        FormatterRequest request = requests.get().setTextRegionAccess(access);
        List<ITextReplacement> replacements = formatter.get().format(request);
        return access.getRewriter().renderToString(replacements);
    }
}
