package io.asegraph.api;

import io.asegraph.analysis.ErrorCode;
import io.asegraph.importing.ImportProblem;
import java.util.List;

/**
 * {@code extensions.code} INVALID_DOCUMENT. When the document's problems are known they travel with it and reach
 * the client as {@code extensions.problems} ({@link ProblemsExtensionProvider}).
 */
@io.smallrye.graphql.api.ErrorCode(ErrorCode.Wire.INVALID_DOCUMENT)
public class InvalidDocumentException extends ApiException {
    private final List<ImportProblem> problems;

    public InvalidDocumentException(String message) {
        this(message, List.of());
    }

    public InvalidDocumentException(String message, List<ImportProblem> problems) {
        super(ErrorCode.INVALID_DOCUMENT, message);
        this.problems = List.copyOf(problems);
    }

    /** Every problem of the document, each with its JSON location. */
    public List<ImportProblem> problems() {
        return problems;
    }
}
