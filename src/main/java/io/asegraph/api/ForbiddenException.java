package io.asegraph.api;

import io.asegraph.analysis.ErrorCode;

/**
 * {@code extensions.code} FORBIDDEN: the caller is authenticated (or anonymous with anonymous reads on) but lacks the
 * role the field needs, e.g. a reader calling a mutation; nothing was done.
 */
@io.smallrye.graphql.api.ErrorCode(ErrorCode.Wire.FORBIDDEN)
public class ForbiddenException extends ApiException {
    public ForbiddenException(String message) {
        super(ErrorCode.FORBIDDEN, message);
    }
}
