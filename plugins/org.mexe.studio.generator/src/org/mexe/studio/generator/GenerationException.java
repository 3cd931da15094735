package org.mexe.studio.generator;

import java.util.List;

/** Generation could not run or could not finish; nothing was written over the previous output. */
public final class GenerationException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public GenerationException(String message) {
        this(message, List.of(), null);
    }

    public GenerationException(String message, Throwable cause) {
        this(message, List.of(), cause);
    }

    public GenerationException(String message, List<Problem> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
    }

    /** The input problems that stopped generation, if that was the cause. */
    public List<Problem> problems() {
        return problems;
    }
}
