package io.asegraph.api;

import io.asegraph.analysis.ErrorCode;

/** {@code extensions.code} AMBIGUOUS_REFERENCE. */
@io.smallrye.graphql.api.ErrorCode(ErrorCode.Wire.AMBIGUOUS_REFERENCE)
public class AmbiguousReferenceException extends ApiException {
    public AmbiguousReferenceException(String message) {
        super(ErrorCode.AMBIGUOUS_REFERENCE, message);
    }
}
