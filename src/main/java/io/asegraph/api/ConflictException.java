package io.asegraph.api;

import io.smallrye.graphql.api.ErrorCode;

/** {@code extensions.code} CONFLICT. */
@ErrorCode("CONFLICT")
public class ConflictException extends ApiException {
    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "CONFLICT";
    }
}
