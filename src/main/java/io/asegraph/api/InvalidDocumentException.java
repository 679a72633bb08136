package io.asegraph.api;

import io.smallrye.graphql.api.ErrorCode;

/** {@code extensions.code} INVALID_DOCUMENT. */
@ErrorCode("INVALID_DOCUMENT")
public class InvalidDocumentException extends ApiException {
    public InvalidDocumentException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "INVALID_DOCUMENT";
    }
}
