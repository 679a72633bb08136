package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("RouteOrigin")
@Description("Where an effective route comes from (Azure's effective route `source`: Default, User,"
        + " VirtualNetworkGateway).")
public enum RouteOrigin {
    @Description("A system route (Azure: Default).")
    DEFAULT,
    @Description("A user-defined route of a route table (Azure: User).")
    USER,
    @Description("A route a virtual network gateway brought in: local network gateway prefixes, BGP (Azure:"
            + " VirtualNetworkGateway).")
    VIRTUAL_NETWORK_GATEWAY;

    /** The API's value of the model's origin. */
    public static RouteOrigin of(io.asegraph.topology.RouteOrigin o) {
        return valueOf(o.name());
    }
}
