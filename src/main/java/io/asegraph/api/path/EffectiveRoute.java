package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One route of a subnet's effective route table, as az network nic show-effective-route-table shows it.")
public record EffectiveRoute(
        @NonNull @Description("Default, User or VirtualNetworkGateway") String origin,
        @NonNull @Description("Active, or Invalid when a route with the same prefix and a stronger origin wins")
                String state,
        @Description("The destination prefix the route matches (a CIDR, or a service tag for a service-tag route).")
                @NonNull
                String addressPrefix,
        @Description("Where the route sends matching packets.") @NonNull NextHopType nextHopType,
        @Description("The next hop's address, for VirtualAppliance routes.") String nextHopIpAddress,
        @Description("The user route's name") String name,
        @NonNull @Description("The user route table's id, or \"System Route\"") String routeTableId,
        @Description("Why a route is listed but not usable (e.g. an unresolved service tag prefix)") String note) {}
