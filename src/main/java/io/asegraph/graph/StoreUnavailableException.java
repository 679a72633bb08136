package io.asegraph.graph;

/**
 * The store cannot be reached (an external server down or unreachable, the embedded store failed or closed): nothing
 * was read or written. The API answers it with the code {@code STORE_UNAVAILABLE} (HTTP 503 with {@code Retry-After}
 * on {@code POST /import}); analysis keeps answering from the last loaded snapshot ({@link EstateCache}).
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
