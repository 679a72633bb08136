package io.asegraph.analysis;

/** A reference string that matches no resource id, address, host name or resource name. Code UNKNOWN_REFERENCE. */
public final class UnknownReferenceException extends AnalysisException {
    private final String reference;

    public UnknownReferenceException(String reference, String message) {
        super(ErrorCode.UNKNOWN_REFERENCE, message);
        this.reference = reference;
    }

    /** The reference string as given. */
    public String reference() {
        return reference;
    }
}
