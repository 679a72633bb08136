package io.asegraph.api;

import io.asegraph.analysis.ErrorCode;

/** {@code extensions.code} REFERENCED. */
@io.smallrye.graphql.api.ErrorCode(ErrorCode.Wire.REFERENCED)
public class ReferencedException extends ApiException {
    public ReferencedException(String message) {
        super(ErrorCode.REFERENCED, message);
    }
}
