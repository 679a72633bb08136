package io.asegraph.api.read.filter;

/**
 * Kleene's three-valued logic for filters over estates with unresolved parts: a condition on something unknown (a
 * service tag that is not imported, an ASG without known members) is UNKNOWN, never silently true or false. A row is
 * listed only when its filter is TRUE; rows whose filter is UNKNOWN are reported as undetermined where the listing
 * can say so.
 */
public enum Tri {
    TRUE,
    FALSE,
    UNKNOWN;

    public static Tri of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public Tri and(Tri other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    public Tri or(Tri other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }

    public Tri not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
