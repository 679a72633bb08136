package io.asegraph.api;

/**
 * A client error with a safe message; each subclass carries its {@code extensions.code} through SmallRye GraphQL's
 * {@link io.smallrye.graphql.api.ErrorCode}. Listed in {@code quarkus.smallrye-graphql.show-runtime-exception-message}
 * so the message reaches the client.
 */
public abstract class ApiException extends RuntimeException {
    protected ApiException(String message) {
        super(message, null, false, false);
    }

    /** The code as it appears in {@code extensions.code}. */
    public abstract String code();
}
