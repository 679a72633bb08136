package io.asegraph.api;

import io.smallrye.graphql.api.ErrorCode;

/** {@code extensions.code} AMBIGUOUS_REFERENCE. */
@ErrorCode("AMBIGUOUS_REFERENCE")
public class AmbiguousReferenceException extends ApiException {
    public AmbiguousReferenceException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "AMBIGUOUS_REFERENCE";
    }
}
