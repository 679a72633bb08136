package io.asegraph.api;

import io.asegraph.analysis.ErrorCode;

/**
 * A client error with a safe message and its {@link ErrorCode}. SmallRye GraphQL takes {@code extensions.code} from
 * each subclass's {@link io.smallrye.graphql.api.ErrorCode} annotation, which names the same code's
 * {@link ErrorCode.Wire} constant. Listed in {@code quarkus.smallrye-graphql.show-runtime-exception-message} so the
 * message reaches the client.
 */
public abstract class ApiException extends RuntimeException {
    private final ErrorCode code;

    protected ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The code; its {@link ErrorCode#wire} is what appears in {@code extensions.code}. */
    public final ErrorCode code() {
        return code;
    }
}
