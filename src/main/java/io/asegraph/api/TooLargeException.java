package io.asegraph.api;

import io.asegraph.analysis.ErrorCode;
import io.asegraph.graph.TransactionTooLargeException;

/** {@code extensions.code} TOO_LARGE: a write needed more transaction memory than the store allows; nothing was written. */
@io.smallrye.graphql.api.ErrorCode(ErrorCode.Wire.TOO_LARGE)
public class TooLargeException extends ApiException {
    public TooLargeException(String message) {
        super(ErrorCode.TOO_LARGE, message);
    }

    /** The message for a write the store refused for its size. */
    static TooLargeException of(TransactionTooLargeException e) {
        return new TooLargeException(
                "the write needs more transaction memory than the store allows, so nothing was written"
                        + " (raise asegraph.store.transaction-memory and the heap, or import the document in parts): "
                        + e.getMessage());
    }
}
