package io.asegraph.topology;

/**
 * The state of an effective route. {@code ACTIVE} and {@code INVALID} are Azure's: a route is invalid when another
 * route for the same prefix outranks it (user over gateway over system), or when it is a gateway route inside the
 * VNet's own or peered address space (system routes for those are preferred even over more specific BGP routes).
 * {@code UNRESOLVED} is ours: a user route whose address prefix is a service tag that is not imported, listed so
 * that nothing is silently dropped; it takes part in no lookup, and lookups report it as a possible override.
 */
public enum RouteState {
    ACTIVE,
    INVALID,
    UNRESOLVED;

    /** The ARM wire form ({@code Unresolved} is not an Azure value). */
    public String azureName() {
        return switch (this) {
            case ACTIVE -> "Active";
            case INVALID -> "Invalid";
            case UNRESOLVED -> "Unresolved";
        };
    }
}
