package io.asegraph.graph;

import io.asegraph.importing.ImportProblem;
import java.util.List;

/**
 * Why a single-resource edit ({@link ResourceEdits}) was refused; nothing was written. The API layer turns the
 * reason into its error code.
 */
public class EditException extends RuntimeException {
    /** The kinds of refusal. */
    public enum Reason {
        /** The resource, rule or route named does not exist. */
        UNKNOWN,
        /** The stated etag is not the NSG's current one. */
        CONFLICT,
        /** Other resources still reference the resource to delete (and cascade was not asked for). */
        REFERENCED,
        /** The edited resource breaks a validation rule; see {@link #problems()}. */
        INVALID
    }

    private final Reason reason;
    private final List<ImportProblem> problems;

    public EditException(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public EditException(Reason reason, String message, List<ImportProblem> problems) {
        super(message, null, false, false);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public Reason reason() {
        return reason;
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
