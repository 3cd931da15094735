package org.mexe.studio.ui;

import org.eclipse.core.resources.IMarker;
import org.eclipse.xtext.validation.Issue;
import org.mexe.studio.generator.Problem;

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

    /** A problem the index found, as the IDE shows it (the same checks as the pipeline's). */
    public static ProvProblem of(Issue issue) {
        int severity = switch (issue.getSeverity()) {
            case ERROR -> IMarker.SEVERITY_ERROR;
            case WARNING -> IMarker.SEVERITY_WARNING;
            default -> IMarker.SEVERITY_INFO;
        };
        return new ProvProblem(severity, issue.getMessage(), issue.getCode(), issue.getLineNumber() == null ? 0 : issue.getLineNumber(),
                issue.getOffset() == null ? -1 : issue.getOffset(), issue.getLength() == null ? 0 : issue.getLength());
    }

    /** A problem of the pipeline as the IDE shows it. */
    public static ProvProblem of(Problem problem) {
        int severity = switch (problem.severity()) {
            case ERROR -> IMarker.SEVERITY_ERROR;
            case WARNING -> IMarker.SEVERITY_WARNING;
            case INFO -> IMarker.SEVERITY_INFO;
        };
        return new ProvProblem(severity, problem.message(), problem.code(), problem.line(), problem.offset(), problem.length());
    }

    public boolean isError() {
        return severity == IMarker.SEVERITY_ERROR;
    }
}
