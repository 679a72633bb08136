package io.asegraph.api;

import io.smallrye.graphql.api.ErrorCode;

/** {@code extensions.code} UNKNOWN_REFERENCE. */
@ErrorCode("UNKNOWN_REFERENCE")
public class UnknownReferenceException extends ApiException {
    public UnknownReferenceException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "UNKNOWN_REFERENCE";
    }
}
