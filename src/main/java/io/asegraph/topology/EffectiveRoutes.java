package io.asegraph.topology;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.SpecialRanges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The effective routes of one subnet and the longest-prefix-match lookup over them
 * (<a href="https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#how-azure-selects-a-route">
 * how Azure selects a route</a>). Built by {@link Routing}; immutable.
 *
 * <p>Selection, in Azure's words: longest prefix wins; on an identical prefix a user route beats a gateway (BGP)
 * route, which beats a system route; "system routes for traffic related to virtual network [and] virtual network
 * peerings ... are preferred routes, even if BGP routes are more specific". CIDR blocks either nest or are
 * disjoint, so that caveat is exactly: a gateway route whose block lies inside the VNet's own or a peered
 * address space never carries traffic; it is listed as {@link RouteState#INVALID}. Every block's winner goes into
 * a prefix trie; a lookup is one walk down it.
 */
public final class EffectiveRoutes {
    /** A part of a destination block and the next hop for it (its first address stands for the part). */
    public record RoutedRange(AddressSet addresses, NextHop nextHop) {
        public RoutedRange {
            Objects.requireNonNull(addresses, "addresses");
            Objects.requireNonNull(nextHop, "nextHop");
        }
    }

    private final Subnet subnet;
    private final List<EffectiveRoute> routes;
    private final List<EffectiveRoute> unresolved;
    private final PrefixTrie<EffectiveRoute> trie;
    private final AddressSet virtualNetworkTopology;
    private final boolean gatewayPropagationDisabled;
    /** The unresolved routes that stand for a resource never imported (a placeholder), and the spaces they cannot reach. */
    private final List<EffectiveRoute> missing;

    private final AddressSet ownSpace;
    private final AddressSet systemPreferred;

    /**
     * Ranks {@code candidates} (every route with state ACTIVE or UNRESOLVED as collected) and builds the trie.
     *
     * @param virtualNetworkTopology the subnet's VNet topology: own and peered spaces and gateway-connected
     *                               prefixes, computed whether or not gateway propagation is disabled
     */
    EffectiveRoutes(
            Subnet subnet,
            List<EffectiveRoute> candidates,
            AddressSet virtualNetworkTopology,
            boolean gatewayPropagationDisabled) {
        this(subnet, candidates, virtualNetworkTopology, gatewayPropagationDisabled, List.of());
    }

    /**
     * As above, with {@code missing}: those UNRESOLVED candidates that stand for a resource referenced but never
     * imported (a route table, a peering's remote VNet, a connection's gateway), whose routes are not known at all.
     * Like any unresolved route they may override every lookup, except where Azure's selection rules exclude them: a
     * peering's routes never cover the VNet's own space, a gateway's never the VNet's own or peered spaces.
     */
    EffectiveRoutes(
            Subnet subnet,
            List<EffectiveRoute> candidates,
            AddressSet virtualNetworkTopology,
            boolean gatewayPropagationDisabled,
            List<EffectiveRoute> missing) {
        this.subnet = subnet;
        this.missing = List.copyOf(missing);
        this.trie = new PrefixTrie<>();
        this.virtualNetworkTopology = virtualNetworkTopology;
        this.gatewayPropagationDisabled = gatewayPropagationDisabled;
        List<Cidr> vnetAndPeering = new ArrayList<>();
        for (EffectiveRoute r : candidates) {
            if (r.origin() == RouteOrigin.DEFAULT
                    && (r.nextHopType() == NextHopType.VNET_LOCAL || r.nextHopType() == NextHopType.VNET_PEERING)) {
                vnetAndPeering.addAll(r.prefixes());
            }
        }
        AddressSet systemPreferred = AddressSet.of(vnetAndPeering);
        this.systemPreferred = systemPreferred;
        this.ownSpace = AddressSet.of(candidates.stream()
                .filter(r -> r.origin() == RouteOrigin.DEFAULT && r.nextHopType() == NextHopType.VNET_LOCAL)
                .flatMap(r -> r.prefixes().stream())
                .toList());

        Map<Cidr, List<Integer>> byBlock = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            EffectiveRoute r = candidates.get(i);
            if (r.state() == RouteState.UNRESOLVED) {
                continue;
            }
            for (Cidr c : r.prefixes()) {
                if (r.origin() == RouteOrigin.VIRTUAL_NETWORK_GATEWAY && systemPreferred.containsAll(c.toSet())) {
                    continue;
                }
                byBlock.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
            }
        }
        boolean[] wins = new boolean[candidates.size()];
        Map<Cidr, Integer> winners = new HashMap<>();
        for (Map.Entry<Cidr, List<Integer>> e : byBlock.entrySet()) {
            int best = e.getValue().stream()
                    .min(Comparator.<Integer>comparingInt(i -> candidates.get(i).tieRank())
                            .thenComparingInt(i -> i))
                    .orElseThrow();
            wins[best] = true;
            winners.put(e.getKey(), best);
        }
        List<EffectiveRoute> out = new ArrayList<>(candidates.size());
        List<EffectiveRoute> open = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            EffectiveRoute r = candidates.get(i);
            if (r.state() == RouteState.UNRESOLVED) {
                out.add(r);
                open.add(r);
            } else {
                out.add(r.withState(wins[i] ? RouteState.ACTIVE : RouteState.INVALID));
            }
        }
        winners.forEach((block, index) -> trie.put(block, out.get(index)));
        this.routes = List.copyOf(out);
        this.unresolved = List.copyOf(open);
    }

    private EffectiveRoutes(Subnet subnet, EffectiveRoutes same) {
        this.subnet = subnet;
        this.routes = same.routes;
        this.unresolved = same.unresolved;
        this.trie = same.trie;
        this.virtualNetworkTopology = same.virtualNetworkTopology;
        this.gatewayPropagationDisabled = same.gatewayPropagationDisabled;
        this.missing = same.missing;
        this.ownSpace = same.ownSpace;
        this.systemPreferred = same.systemPreferred;
    }

    /**
     * The same table for another subnet of the same VNet with the same route table: effective routes depend only on
     * the VNet and the route table (service endpoints, which are per subnet, are not modelled), so subnets share one
     * table and one trie.
     */
    EffectiveRoutes forSubnet(Subnet other) {
        return other.id().equals(subnet.id()) ? this : new EffectiveRoutes(other, this);
    }

    public Subnet subnet() {
        return subnet;
    }

    /** Every route, system routes first, then gateway routes, then user routes, each with its state. */
    public List<EffectiveRoute> routes() {
        return routes;
    }

    /** The routes in state ACTIVE. */
    public List<EffectiveRoute> activeRoutes() {
        return routes.stream().filter(r -> r.state() == RouteState.ACTIVE).toList();
    }

    /** User routes whose service tag is not imported (or whose prefix cannot be read). */
    public List<EffectiveRoute> unresolvedRoutes() {
        return unresolved;
    }

    /**
     * The unresolved routes that stand for resources never imported (placeholders): the subnet's route table, a
     * peering's remote VNet, a connection's gateway. While there is one, the table is not the subnet's whole table.
     */
    public List<EffectiveRoute> missingResources() {
        return missing;
    }

    /** Those of {@code hop}'s possible overrides that stand for resources never imported ({@link #missingResources}). */
    public List<EffectiveRoute> missingIn(NextHop hop) {
        return hop.unresolvedRoutes().stream().filter(missing::contains).toList();
    }

    /** True when the subnet's route table disables gateway route propagation (no gateway routes are listed). */
    public boolean gatewayPropagationDisabled() {
        return gatewayPropagationDisabled;
    }

    /**
     * The "virtual network topology" of the subnet (design.md): its VNet's address space, the spaces of VNets
     * peered with it (Connected), and the prefixes reachable through its gateways (local network gateways of
     * their connections, VNet-to-VNet spaces, the same through gateway transit, BGP-learned prefixes except
     * default-like ones shorter than /8). Computed whether or not gateway route propagation is disabled. Service
     * tag {@code VirtualNetwork} is this plus 168.63.129.16/32 plus the subnet's user route prefixes.
     */
    public AddressSet virtualNetworkTopology() {
        return virtualNetworkTopology;
    }

    /** The route toward {@code destination}: longest prefix among the winning routes, one trie walk. */
    public NextHop lookup(long destination) {
        PrefixTrie.Entry<EffectiveRoute> hit = trie.longestMatch(destination)
                .orElseThrow(() -> new IllegalStateException("no route at all; the 0.0.0.0/0 system route is missing"));
        return nextHop(destination, hit.prefix(), hit.value());
    }

    /**
     * The next hops for every address of {@code block}: the route covering the whole block, overridden on the parts
     * that more specific routes decide. Parts are in address order; each part's next hop is reported for its first
     * address.
     */
    public List<RoutedRange> decide(Cidr block) {
        PrefixTrie.Entry<EffectiveRoute> cover = trie.longestContaining(block)
                .orElseThrow(() -> new IllegalStateException("no route at all; the 0.0.0.0/0 system route is missing"));
        List<PrefixTrie.Entry<EffectiveRoute>> inside = new ArrayList<>(trie.within(block));
        inside.removeIf(e -> e.prefix().equals(cover.prefix()));
        inside.sort(Comparator.comparingInt(
                        (PrefixTrie.Entry<EffectiveRoute> e) -> e.prefix().length())
                .reversed());
        AddressSet remaining = block.toSet();
        List<RoutedRange> parts = new ArrayList<>();
        for (PrefixTrie.Entry<EffectiveRoute> e : inside) {
            AddressSet part = remaining.intersect(e.prefix().toSet());
            if (!part.isEmpty()) {
                parts.add(new RoutedRange(part, nextHop(part.first(), e.prefix(), e.value())));
                remaining = remaining.minus(part);
            }
        }
        if (!remaining.isEmpty()) {
            parts.add(new RoutedRange(remaining, nextHop(remaining.first(), cover.prefix(), cover.value())));
        }
        parts.sort(Comparator.comparingLong(p -> p.addresses().first()));
        return List.copyOf(parts);
    }

    private NextHop nextHop(long destination, Cidr matched, EffectiveRoute route) {
        boolean certain = matched.length() == 32 && route.origin() == RouteOrigin.USER && !route.isServiceTag();
        if (certain || unresolved.isEmpty()) {
            return new NextHop(destination, matched, route, List.of());
        }
        boolean publicAddress = !SpecialRanges.NOT_PUBLIC.contains(destination);
        List<EffectiveRoute> open = unresolved.stream()
                .filter(r -> publicAddress || r.nextHopType() != NextHopType.VIRTUAL_NETWORK_SERVICE_ENDPOINT)
                .filter(r -> !missing.contains(r) || mayCover(r, destination))
                .toList();
        return new NextHop(destination, matched, route, open);
    }

    /**
     * Whether the routes of a missing resource may cover {@code destination}: a peering's remote VNet cannot overlap
     * the VNet's own space, and gateway routes never win inside the VNet's own or peered spaces; a route table's
     * routes may cover anything.
     */
    private boolean mayCover(EffectiveRoute missingRoute, long destination) {
        return switch (missingRoute.origin()) {
            case DEFAULT -> !ownSpace.contains(destination);
            case VIRTUAL_NETWORK_GATEWAY -> !systemPreferred.contains(destination);
            case USER -> true;
        };
    }
}
