package io.asegraph.topology;

import io.asegraph.net.Cidr;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The route a subnet uses toward one destination address: Network Watcher's next hop
 * (<a href="https://learn.microsoft.com/azure/network-watcher/next-hop-overview">next hop overview</a>) plus the
 * route that decided it. {@code unresolvedRoutes} are user routes of the subnet whose service tag is not imported:
 * any of them might be more specific and override this answer, so a caller must not present it as certain
 * while the list is not empty.
 */
public record NextHop(
        long destination, Cidr matchedPrefix, EffectiveRoute route, List<EffectiveRoute> unresolvedRoutes) {
    public NextHop {
        Objects.requireNonNull(matchedPrefix, "matchedPrefix");
        Objects.requireNonNull(route, "route");
        unresolvedRoutes = List.copyOf(unresolvedRoutes);
    }

    public NextHopType type() {
        return route.nextHopType();
    }

    /** The next hop address: an appliance's for VirtualAppliance, else empty. */
    public Optional<Long> nextHopIp() {
        return route.nextHopIp();
    }

    /** The user route table's id, or "System Route". */
    public String routeTableId() {
        return route.routeTableIdOrSystem();
    }

    /** False when an unresolved service-tag route might override this answer. */
    public boolean isDetermined() {
        return unresolvedRoutes.isEmpty();
    }

    /**
     * The VNet this hop delivers into, for a subnet of {@code own}: {@code own} for VnetLocal, else the VNet the route
     * leads to (a peering's remote VNet), or {@code own} when the route names none.
     */
    public ResourceId reachedFrom(ResourceId own) {
        return type() == NextHopType.VNET_LOCAL ? own : route.via().orElse(own);
    }

    /** The deciding route, naming the matched block. */
    public String describeRoute() {
        return route.describe(matchedPrefix);
    }
}
