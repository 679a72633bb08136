package io.asegraph.analysis;

/**
 * A malformed argument (an address that does not parse, an empty reference) or a reference to something that
 * cannot play the part asked of it (a VNet or an NSG as the caller of a call). Code INVALID_ARGUMENT.
 */
public final class InvalidArgumentException extends AnalysisException {
    public InvalidArgumentException(String message) {
        super(ErrorCode.INVALID_ARGUMENT, message);
    }
}
