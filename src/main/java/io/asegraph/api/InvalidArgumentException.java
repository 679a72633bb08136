package io.asegraph.api;

import io.smallrye.graphql.api.ErrorCode;

/** {@code extensions.code} INVALID_ARGUMENT. */
@ErrorCode("INVALID_ARGUMENT")
public class InvalidArgumentException extends ApiException {
    public InvalidArgumentException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "INVALID_ARGUMENT";
    }
}
