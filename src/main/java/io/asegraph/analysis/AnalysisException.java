package io.asegraph.analysis;

/**
 * A question that cannot be answered as asked: a reference that names nothing or several things, or a malformed
 * argument. The message is safe to show to the caller; {@link #code()} is the error code the API reports
 * ({@code extensions.code} in GraphQL). A denied or unreachable call is a result, never one of these.
 */
public abstract class AnalysisException extends RuntimeException {
    private final ErrorCode code;

    protected AnalysisException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /** The API error code: UNKNOWN_REFERENCE, AMBIGUOUS_REFERENCE or INVALID_ARGUMENT. */
    public final ErrorCode code() {
        return code;
    }
}
