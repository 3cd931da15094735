package org.mexe.studio.dsl.ide.workspace;

import java.util.ArrayList;
import java.util.List;

/** Toggle comment (Ctrl+/) of the language: {@code //} line comments, the way the lexer reads them. */
public final class LineComments {

    public static final String PREFIX = "//";

    private LineComments() {
    }

    /**
     * The edits that comment out lines {@code lines} of a text (each given as its start offset and
     * content), or uncomment them when every non-blank one is already a comment. Blank lines stay as they are.
     */
    public static List<ProvEditorServices.Edit> toggle(List<Line> lines) {
        boolean allCommented = lines.stream().filter(line -> !line.text().isBlank())
                .allMatch(line -> line.text().stripLeading().startsWith(PREFIX));
        boolean any = lines.stream().anyMatch(line -> !line.text().isBlank());
        List<ProvEditorServices.Edit> edits = new ArrayList<>();
        for (Line line : lines.reversed()) {
            if (line.text().isBlank()) {
                continue;
            }
            int indent = line.text().length() - line.text().stripLeading().length();
            if (allCommented && any) {
                String rest = line.text().substring(indent + PREFIX.length());
                int length = PREFIX.length() + (rest.startsWith(" ") ? 1 : 0);
                edits.add(new ProvEditorServices.Edit(line.offset() + indent, length, ""));
            } else {
                edits.add(new ProvEditorServices.Edit(line.offset() + indent, 0, PREFIX + " "));
            }
        }
        return edits;
    }

    /** A line of text: where it starts and what it holds, without its line break. */
    public record Line(int offset, String text) {
    }
}
