package io.asegraph.api;

import io.asegraph.analysis.ErrorCode;

/**
 * {@code extensions.code} STORE_UNAVAILABLE: the graph store cannot be reached, so nothing was read or written
 * (HTTP 503 with {@code Retry-After} on {@code POST /import}).
 */
@io.smallrye.graphql.api.ErrorCode(ErrorCode.Wire.STORE_UNAVAILABLE)
public class StoreUnavailableException extends ApiException {
    public StoreUnavailableException(String message) {
        super(ErrorCode.STORE_UNAVAILABLE, message);
    }
}
