package io.asegraph.bench;

/** A benchmark step that cannot go on (the service did not start, the import was refused ...), with the reason. */
final class BenchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BenchException(String message) {
        super(message);
    }

    BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
