package io.asegraph.analysis;

import java.util.List;

/**
 * A reference string that matches several resources (a name used twice, a host name bound to two apps, an address
 * held by subnets of two VNets). The message lists the candidates' ids. Code AMBIGUOUS_REFERENCE.
 */
public final class AmbiguousReferenceException extends AnalysisException {
    private final String reference;
    private final List<String> candidates;

    public AmbiguousReferenceException(String reference, String what, List<String> candidates) {
        super(
                ErrorCode.AMBIGUOUS_REFERENCE,
                "'" + reference + "' matches " + candidates.size() + " " + what + "; use one of their ids: "
                        + String.join(", ", candidates));
        this.reference = reference;
        this.candidates = List.copyOf(candidates);
    }

    public String reference() {
        return reference;
    }

    /** The ids (or names) of every resource the reference matched. */
    public List<String> candidates() {
        return candidates;
    }
}
