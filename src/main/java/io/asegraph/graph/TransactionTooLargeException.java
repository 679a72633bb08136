package io.asegraph.graph;

/**
 * A write needed more transaction memory than the store allows ({@code dbms.memory.transaction.total.max}, set by
 * {@code asegraph.store.transaction-memory} for the embedded store). The transaction was rolled back: nothing of it
 * was written.
 */
public class TransactionTooLargeException extends RuntimeException {
    public TransactionTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
