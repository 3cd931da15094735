package org.mexe.studio.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.mexe.studio.generator.Problem;
import org.mexe.studio.generator.ProvisioningPipeline.LoadedInputs;

/**
 * A pipeline problem placed in the text it was found in, as the builder's markers and the editor's
 * annotations need it: the pipeline reports a line and column, the IDE wants a character range.
 *
 * @param severity one of {@link IMarker#SEVERITY_ERROR}, {@link IMarker#SEVERITY_WARNING}, {@link IMarker#SEVERITY_INFO}
 * @param line the 1-based line, or 0 when the problem is about the whole file
 * @param offset the character offset, or -1 when the problem is about the whole file
 */
public record ProvProblem(int severity, String message, String code, int line, int offset, int length) {

    /** A problem about a project as a whole, such as generation failing for want of a secret. */
    public static ProvProblem ofProject(String message) {
        return new ProvProblem(IMarker.SEVERITY_ERROR, message, null, 0, -1, 0);
    }

    /** Validates one parsed text through the pipeline, as the builder validates saved files. */
    public static List<ProvProblem> validate(Path path, XtextResource resource) {
        LoadedInputs inputs = new LoadedInputs((XtextResourceSet) resource.getResourceSet(), Map.of(path, resource));
        return ProvLanguage.pipeline().validate(inputs).stream().map(problem -> of(problem, resource)).toList();
    }

    /** Places a problem of the pipeline in the resource it was found in. */
    public static ProvProblem of(Problem problem, XtextResource resource) {
        int severity = switch (problem.severity()) {
            case ERROR -> IMarker.SEVERITY_ERROR;
            case WARNING -> IMarker.SEVERITY_WARNING;
            case INFO -> IMarker.SEVERITY_INFO;
        };
        ICompositeNode root = resource.getParseResult() == null ? null : resource.getParseResult().getRootNode();
        if (problem.line() == 0 || root == null) {
            return new ProvProblem(severity, problem.message(), problem.code(), problem.line(), -1, 0);
        }
        int offset = offsetOf(root.getText(), problem.line(), problem.column());
        // The pipeline gives where a problem starts; the token there tells how far it reaches.
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset);
        int length = leaf == null ? 0 : Math.max(0, leaf.getEndOffset() - offset);
        return new ProvProblem(severity, problem.message(), problem.code(), problem.line(), offset, length);
    }

    /** The offset of a 1-based line and column, as Xtext counts them: every character, tabs too, is one column. */
    private static int offsetOf(String text, int line, int column) {
        int lineStart = 0;
        for (int i = 1; i < line; i++) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                return text.length();
            }
            lineStart = lineEnd + 1;
        }
        return Math.min(text.length(), lineStart + Math.max(column, 1) - 1);
    }

    public boolean isError() {
        return severity == IMarker.SEVERITY_ERROR;
    }
}
