package io.asegraph.api;

import io.asegraph.analysis.ErrorCode;

/** {@code extensions.code} UNKNOWN_REFERENCE. */
@io.smallrye.graphql.api.ErrorCode(ErrorCode.Wire.UNKNOWN_REFERENCE)
public class UnknownReferenceException extends ApiException {
    public UnknownReferenceException(String message) {
        super(ErrorCode.UNKNOWN_REFERENCE, message);
    }
}
