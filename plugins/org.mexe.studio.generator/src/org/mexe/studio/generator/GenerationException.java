package org.mexe.studio.generator;

import java.util.List;

/** Generation could not run or could not finish; nothing was written over the previous output. */
public final class GenerationException extends Exception {

    /** Why generation stopped: front doors map these to exit codes or marker kinds. */
    public enum Reason {
        /** The input has errors; {@link #problems()} lists them. */
        INVALID_INPUT,
        /** A secret, a size limit or the output folder stopped generation of valid input. */
        CANNOT_GENERATE
    }

    /** Problem codes of generation failures that lie in the input. */
    public static final String UNAVAILABLE_SECRET = "org.mexe.studio.generator.unavailableSecret";
    public static final String UNUSABLE_SECRET = "org.mexe.studio.generator.unusableSecret";
    public static final String TOO_LONG = "org.mexe.studio.generator.tooLong";
    public static final String UNSUPPORTED = "org.mexe.studio.generator.unsupported";

    private static final long serialVersionUID = 1L;
    private final Reason reason;
    private final transient List<Problem> problems;

    public GenerationException(Reason reason, String message, List<Problem> problems, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    /** Generation could not run at all, for a reason that has no place in an input file. */
    public GenerationException(String message, Throwable cause) {
        this(Reason.CANNOT_GENERATE, message, List.of(), cause);
    }

    public GenerationException(String message) {
        this(message, null);
    }

    /** A failure without a place in an input file, such as an input path that does not exist. */
    public GenerationException(Reason reason, String message) {
        this(reason, message, List.of(), null);
    }

    public Reason reason() {
        return reason;
    }

    /** Where in the input the cause lies, when it lies somewhere. */
    public List<Problem> problems() {
        return problems;
    }
}
