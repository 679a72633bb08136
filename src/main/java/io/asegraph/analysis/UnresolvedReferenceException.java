package io.asegraph.analysis;

/**
 * A question about a resource that depends on one never imported (an unresolved placeholder: a network interface
 * whose subnet came in no export yet). Code UNDETERMINED; the message names the missing resource and how to import
 * it.
 */
public final class UnresolvedReferenceException extends AnalysisException {
    public UnresolvedReferenceException(String message) {
        super(ErrorCode.UNDETERMINED, message);
    }
}
