package io.asegraph.api;

import io.asegraph.analysis.ErrorCode;

/** {@code extensions.code} UNDETERMINED: a point answer (Allow or Deny) cannot be given because something is unknown. */
@io.smallrye.graphql.api.ErrorCode(ErrorCode.Wire.UNDETERMINED)
public class UndeterminedException extends ApiException {
    public UndeterminedException(String message) {
        super(ErrorCode.UNDETERMINED, message);
    }
}
