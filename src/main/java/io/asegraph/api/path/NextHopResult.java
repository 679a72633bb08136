package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Network Watcher's next hop answer.")
public record NextHopResult(
        @Description("Where the packet goes first.") @NonNull NextHopType nextHopType,
        @Description(
                        "The next hop's address for VirtualAppliance routes (e.g. the firewall's private IP); null otherwise.")
                String nextHopIpAddress,
        @NonNull @Description("The user route table's id, or \"System Route\".") String routeTableId,
        @Description("The prefix of the route that decided.") String addressPrefix,
        @Description("The origin of the route that decided: DEFAULT, USER or VIRTUAL_NETWORK_GATEWAY (Azure: Default,"
                        + " User, VirtualNetworkGateway).")
                RouteOrigin routeOrigin) {}
