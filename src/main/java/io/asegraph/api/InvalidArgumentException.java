package io.asegraph.api;

import io.asegraph.analysis.ErrorCode;

/** {@code extensions.code} INVALID_ARGUMENT. */
@io.smallrye.graphql.api.ErrorCode(ErrorCode.Wire.INVALID_ARGUMENT)
public class InvalidArgumentException extends ApiException {
    public InvalidArgumentException(String message) {
        super(ErrorCode.INVALID_ARGUMENT, message);
    }
}
