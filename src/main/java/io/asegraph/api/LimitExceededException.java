package io.asegraph.api;

import io.asegraph.analysis.ErrorCode;

/** {@code extensions.code} LIMIT_EXCEEDED: a request over one of the API's limits; the message names it and its value. */
@io.smallrye.graphql.api.ErrorCode(ErrorCode.Wire.LIMIT_EXCEEDED)
public class LimitExceededException extends ApiException {
    public LimitExceededException(String message) {
        super(ErrorCode.LIMIT_EXCEEDED, message);
    }
}
