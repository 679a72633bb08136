package io.asegraph.analysis.audit;

/**
 * The outcome of one health check: PASS (shown to hold), WARN (cannot be shown either way: something it depends on is
 * not modelled or not imported, named in the detail) or FAIL (shown to be broken, naming the rule or route).
 */
public enum CheckStatus {
    PASS,
    WARN,
    FAIL;

    /** The worse of two outcomes (FAIL over WARN over PASS). */
    public CheckStatus worst(CheckStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
