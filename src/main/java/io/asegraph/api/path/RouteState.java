package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("RouteState")
@Description("Whether an effective route is in use (Azure's effective route `state`: Active, Invalid).")
public enum RouteState {
    @Description("In use (Azure: Active).")
    ACTIVE,
    @Description("Outranked by a route for the same prefix with a stronger origin, or a gateway route inside the VNet's"
            + " own or peered space (Azure: Invalid).")
    INVALID,
    @Description("Ours, not Azure's: a user route whose prefix is a service tag not imported; it takes part in no"
            + " lookup (see note).")
    UNRESOLVED;

    /** The API's value of the model's state. */
    public static RouteState of(io.asegraph.topology.RouteState s) {
        return valueOf(s.name());
    }
}
