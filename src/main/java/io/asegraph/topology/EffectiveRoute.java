package io.asegraph.topology;

import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a subnet's effective route table, shaped like an entry of
 * {@code az network nic show-effective-route-table}: origin, address prefix(es), next hop type and address, state.
 *
 * @param origin        Default (system), User or VirtualNetworkGateway
 * @param name          the user route's name; empty for system and gateway routes (Azure prints none)
 * @param addressPrefix the prefix as written: a CIDR block, or for a user route possibly a service tag name
 * @param prefixes      the blocks it covers (a tag resolves to several; empty when unresolved)
 * @param nextHopType   where matching traffic goes
 * @param nextHopIp     the appliance address of a VirtualAppliance route; empty otherwise (gateway instance
 *                      addresses are not modelled)
 * @param routeTableId  the route table of a user route; empty for system and gateway routes ("System Route")
 * @param state         Active, Invalid, or Unresolved (a service tag that is not imported)
 * @param via           the resource the route leads to or comes from: the VNet (VnetLocal), the remote VNet
 *                      (peering), the local network gateway, remote VNet or gateway (gateway routes), the route
 *                      table (user routes)
 * @param source        a short phrase saying where the route comes from, for reasons and traces
 * @param unresolved    why the route could not be resolved, when {@code state} is UNRESOLVED
 */
public record EffectiveRoute(
        RouteOrigin origin,
        String name,
        String addressPrefix,
        List<Cidr> prefixes,
        NextHopType nextHopType,
        Optional<Long> nextHopIp,
        Optional<ResourceId> routeTableId,
        RouteState state,
        Optional<ResourceId> via,
        String source,
        Optional<String> unresolved) {

    /** What Network Watcher's next hop returns as {@code routeTableId} for a route that is not a user route. */
    public static final String SYSTEM_ROUTE = "System Route";

    public EffectiveRoute {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(nextHopType, "nextHopType");
        Objects.requireNonNull(state, "state");
        name = name == null ? "" : name;
        addressPrefix = Objects.requireNonNull(addressPrefix, "addressPrefix");
        prefixes = List.copyOf(prefixes);
        source = source == null ? "" : source;
        if (state == RouteState.UNRESOLVED && unresolved.isEmpty()) {
            throw new IllegalArgumentException("an unresolved route needs the reason it is unresolved");
        }
    }

    /**
     * The route with why it cannot be used, for sentences: "user route to-sql (its address prefix is the service tag
     * Sql, which is not imported)", or a system route's source for a service endpoint's route.
     */
    public String describeUnresolved() {
        return (origin == RouteOrigin.USER && !name.isEmpty() ? "user route " + name : source) + " ("
                + unresolved.orElse("unresolved")
                + ")";
    }

    /** The route table id for a user route, else {@value #SYSTEM_ROUTE}, as Network Watcher's next hop reports. */
    public String routeTableIdOrSystem() {
        return routeTableId.map(ResourceId::value).orElse(SYSTEM_ROUTE);
    }

    /** The same route in another state. */
    public EffectiveRoute withState(RouteState newState) {
        return new EffectiveRoute(
                origin,
                name,
                addressPrefix,
                prefixes,
                nextHopType,
                nextHopIp,
                routeTableId,
                newState,
                via,
                source,
                unresolved);
    }

    /** True when {@code addressPrefix} is a service tag rather than a block. */
    public boolean isServiceTag() {
        return !addressPrefix.isEmpty() && !Character.isDigit(addressPrefix.charAt(0));
    }

    /**
     * Rank among routes for the same block, lower wins: a user route with an explicit prefix, then user routes with
     * service tags (regional tag, top-level tag, AzureCloud regional, AzureCloud), then gateway routes, then system
     * routes (azure-semantics §4, "Tie on identical prefix" and "Service tags as UDR prefixes").
     */
    int tieRank() {
        return switch (origin) {
            case USER -> isServiceTag() ? tagRank(addressPrefix) : 0;
            case VIRTUAL_NETWORK_GATEWAY -> 10;
            case DEFAULT -> 20;
        };
    }

    private static int tagRank(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        boolean regional = t.contains(".");
        boolean azureCloud = t.equals("azurecloud") || t.startsWith("azurecloud.");
        if (!azureCloud) {
            return regional ? 1 : 2;
        }
        return regional ? 3 : 4;
    }

    /** The next hop as Azure prints it, with the appliance address when there is one. */
    public String nextHopText() {
        return nextHopType.azureName()
                + nextHopIp.map(ip -> " " + Ipv4.format(ip)).orElse("");
    }

    /** e.g. {@code 0.0.0.0/0 → Internet (user route direct-internet in ase-one-routes)}. */
    public String describe() {
        return addressPrefix + " → " + nextHopText() + " (" + source + ")";
    }

    /** Same as {@link #describe()} but naming the block that matched (a tag route covers several). */
    public String describe(Cidr matched) {
        String prefix = isServiceTag() ? addressPrefix + " " + matched : matched.toString();
        return prefix + " → " + nextHopText() + " (" + source + ")";
    }
}
