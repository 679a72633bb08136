package io.asegraph.api;

import io.smallrye.graphql.api.ErrorCode;

/** {@code extensions.code} UNDETERMINED: a point answer (Allow or Deny) cannot be given because something is unknown. */
@ErrorCode("UNDETERMINED")
public class UndeterminedException extends ApiException {
    public UndeterminedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "UNDETERMINED";
    }
}
