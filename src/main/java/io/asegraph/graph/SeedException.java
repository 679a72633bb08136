package io.asegraph.graph;

/** A seed file that cannot be applied; startup stops with the file and the statement named. */
public class SeedException extends RuntimeException {
    public SeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
