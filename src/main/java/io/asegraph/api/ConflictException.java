package io.asegraph.api;

import io.asegraph.analysis.ErrorCode;

/** {@code extensions.code} CONFLICT. */
@io.smallrye.graphql.api.ErrorCode(ErrorCode.Wire.CONFLICT)
public class ConflictException extends ApiException {
    public ConflictException(String message) {
        super(ErrorCode.CONFLICT, message);
    }
}
