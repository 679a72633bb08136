package io.asegraph.api;

import io.asegraph.analysis.ErrorCode;

/**
 * {@code extensions.code} SHUTTING_DOWN: the service is stopping and a write it could not finish within
 * {@code asegraph.store.shutdown-grace} was rolled back (HTTP 503 on {@code POST /import}).
 */
@io.smallrye.graphql.api.ErrorCode(ErrorCode.Wire.SHUTTING_DOWN)
public class ShuttingDownException extends ApiException {
    public ShuttingDownException(String message) {
        super(ErrorCode.SHUTTING_DOWN, message);
    }
}
