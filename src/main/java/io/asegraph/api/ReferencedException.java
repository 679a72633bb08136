package io.asegraph.api;

import io.smallrye.graphql.api.ErrorCode;

/** {@code extensions.code} REFERENCED. */
@ErrorCode("REFERENCED")
public class ReferencedException extends ApiException {
    public ReferencedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "REFERENCED";
    }
}
