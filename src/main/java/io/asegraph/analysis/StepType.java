package io.asegraph.analysis;

/** The kinds of step a trace hop records, in the order a walk takes them. */
public enum StepType {
    /** A route lookup decided where the packet goes next. */
    ROUTE,
    /** The source address was translated (or found to stay as it is, or to be decided elsewhere). */
    SOURCE_NAT,
    /** An NSG evaluated the flow (added by the flow analysis). */
    FILTER,
    /** The packet arrived at its destination. */
    DELIVER,
    /** The packet was dropped. */
    DROP
}
