package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One route of a subnet's effective route table, as az network nic show-effective-route-table shows it.")
public record EffectiveRoute(
        @NonNull
                @Description(
                        "DEFAULT, USER or VIRTUAL_NETWORK_GATEWAY (Azure's `source`: Default, User, VirtualNetworkGateway)")
                RouteOrigin origin,
        @NonNull
                @Description("ACTIVE, or INVALID when a route with the same prefix and a stronger origin wins (Azure's"
                        + " `state`: Active, Invalid); UNRESOLVED for a service-tag route whose tag is not imported")
                RouteState state,
        @Description("The destination prefix the route matches (a CIDR, or a service tag for a service-tag route).")
                @NonNull
                String addressPrefix,
        @Description("Where the route sends matching packets.") @NonNull NextHopType nextHopType,
        @Description("The next hop's address, for VirtualAppliance routes.") String nextHopIpAddress,
        @Description("The user route's name") String name,
        @NonNull @Description("The user route table's id, or \"System Route\"") String routeTableId,
        @Description("Why a route is listed but not usable (e.g. an unresolved service tag prefix)") String note) {}
