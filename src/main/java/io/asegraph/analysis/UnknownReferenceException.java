package io.asegraph.analysis;

/** A reference string that matches no resource id, address, host name or resource name. Code UNKNOWN_REFERENCE. */
public final class UnknownReferenceException extends AnalysisException {
    public static final String CODE = "UNKNOWN_REFERENCE";

    private final String reference;

    public UnknownReferenceException(String reference, String message) {
        super(message);
        this.reference = reference;
    }

    /** The reference string as given. */
    public String reference() {
        return reference;
    }

    @Override
    public String code() {
        return CODE;
    }
}
