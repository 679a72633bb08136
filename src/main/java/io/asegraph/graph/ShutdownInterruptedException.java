package io.asegraph.graph;

/**
 * A write the service could not finish before it stopped ({@code asegraph.store.shutdown-grace} ran out), or did not
 * start because it stops: rolled back, nothing of it is in the store — unless {@link #committed()} (a staged import
 * cut short in its swap, which the next start finishes). The API answers it with the code {@code SHUTTING_DOWN}.
 */
public class ShutdownInterruptedException extends RuntimeException {
    private final boolean committed;

    public ShutdownInterruptedException(String message, Throwable cause, boolean committed) {
        super(message, cause);
        this.committed = committed;
    }

    /**
     * Whether the write had passed its commit point (a staged import whose swap was cut short): then it is whole
     * after the next start, which finishes it; otherwise nothing of it was written.
     */
    public boolean committed() {
        return committed;
    }
}
