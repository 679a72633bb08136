package io.asegraph.api;

import io.asegraph.graph.TransactionTooLargeException;
import io.smallrye.graphql.api.ErrorCode;

/** {@code extensions.code} TOO_LARGE: a write needed more transaction memory than the store allows; nothing was written. */
@ErrorCode("TOO_LARGE")
public class TooLargeException extends ApiException {
    public TooLargeException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "TOO_LARGE";
    }

    /** The message for a write the store refused for its size. */
    static TooLargeException of(TransactionTooLargeException e) {
        return new TooLargeException(
                "the write needs more transaction memory than the store allows, so nothing was written"
                        + " (raise asegraph.store.transaction-memory and the heap, or import the document in parts): "
                        + e.getMessage());
    }
}
