package io.asegraph.topology;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.InvalidAddressException;
import io.asegraph.net.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Effective routes and next hops over one {@link Topology} snapshot, with each subnet's table computed once and
 * cached (the snapshot is immutable). Semantics: design.md "Effective routes of S" and azure-semantics §4,
 * following <a href="https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview">Virtual
 * network traffic routing</a>:
 * <ul>
 * <li>system routes: each VNet address-space block → VnetLocal; each block of a VNet peered with it (local
 * peering Connected) → VNetPeering; 0.0.0.0/0 → Internet; 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and
 * 100.64.0.0/10 → None, except a reserved block that lies inside the VNet's address space (equal to one of its
 * blocks, or inside a larger one), whose None route Azure removes: the VnetLocal route covers it;</li>
 * <li>gateway routes (origin VirtualNetworkGateway, dropped when the subnet's route table sets
 * {@code disableBgpRoutePropagation}): for each gateway of the VNet, the prefixes of the local network gateways
 * its connections reach, the address space of VNets it connects VNet-to-VNet, and its BGP-learned routes; the
 * same for the gateways of a peered VNet when our side of the peering sets {@code useRemoteGateways} and the
 * remote side sets {@code allowGatewayTransit} (gateway transit);</li>
 * <li>user routes of the subnet's route table; a service-tag prefix is resolved through the callback given to the
 * constructor, and a tag it cannot resolve leaves the route listed as {@link RouteState#UNRESOLVED}.</li>
 * </ul>
 * Not modelled: service endpoint routes, gateway instance addresses (the next hop address of gateway routes),
 * the remote address space of a peering whose remote VNet is not in the snapshot, IPv6 routes (skipped).
 */
public final class Routing {
    /** The reserved blocks that get a system None route. */
    public static final List<Cidr> RESERVED_NONE = List.of(
            Cidr.parseBlock("10.0.0.0/8"),
            Cidr.parseBlock("172.16.0.0/12"),
            Cidr.parseBlock("192.168.0.0/16"),
            Cidr.parseBlock("100.64.0.0/10"));

    /** A learned prefix shorter than this is default-like (0.0.0.0/0, or a split such as 0.0.0.0/1 + 128.0.0.0/1). */
    static final int DEFAULT_LIKE_BELOW = 8;

    private static final Pattern NUMERIC = Pattern.compile("[0-9./]+");

    private final Topology topology;
    private final TopologyIndex index;
    private final Function<String, Optional<AddressSet>> serviceTags;
    private final ConcurrentHashMap<ResourceId, EffectiveRoutes> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, EffectiveRoutes> shared = new ConcurrentHashMap<>();
    private final List<HeldBack> heldBack;

    /**
     * @param serviceTags resolves a service tag name (as written in a route's address prefix) to its IPv4 addresses;
     *                    empty when the tag is not imported
     */
    public Routing(Topology topology, Function<String, Optional<AddressSet>> serviceTags) {
        this(topology, serviceTags, List.of());
    }

    /**
     * As above, with the gateways and firewalls held out of the snapshot for a placeholder ({@link HeldBack}): the
     * routes through them are UNRESOLVED, naming why, not left out.
     */
    public Routing(Topology topology, Function<String, Optional<AddressSet>> serviceTags, List<HeldBack> heldBack) {
        this.topology = topology;
        this.index = topology.index();
        this.serviceTags = serviceTags;
        this.heldBack = List.copyOf(heldBack);
    }

    /** The gateway or firewall {@code id}, when it is held out of the snapshot for a placeholder. */
    public Optional<HeldBack> heldBack(ResourceId id) {
        return heldBack.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    /** The gateways held out of the snapshot that live in the VNet {@code vnetId} (its GatewaySubnet not imported). */
    public List<HeldBack> heldBackGatewaysIn(ResourceId vnetId) {
        return heldBack.stream()
                .filter(h -> h.kind() == ResourceKind.VIRTUAL_NETWORK_GATEWAY
                        && h.vnetId().filter(vnetId::equals).isPresent())
                .toList();
    }

    /** The Azure Firewall held out of the snapshot (its subnet not imported) whose private address is {@code address}. */
    public Optional<HeldBack> heldBackFirewallAt(long address) {
        return heldBack.stream()
                .filter(h -> h.kind() == ResourceKind.AZURE_FIREWALL
                        && h.privateIp().filter(ip -> ip == address).isPresent())
                .findFirst();
    }

    /**
     * The gateways held out of the snapshot that would serve {@code vnetId}: its own, and those of a peered VNet it
     * uses by gateway transit ({@link #gatewaysFor}'s rules).
     */
    public List<HeldBack> heldBackGatewaysFor(ResourceId vnetId) {
        if (heldBack.isEmpty()) {
            return List.of();
        }
        List<HeldBack> out = new ArrayList<>(heldBackGatewaysIn(vnetId));
        for (Peering peering : index.peeringsOf(vnetId)) {
            if (!peering.useRemoteGateways() || peering.state() != PeeringState.CONNECTED) {
                continue;
            }
            Optional<Peering> back = index.peering(peering.remoteVnetId(), vnetId);
            if (back.isPresent()
                    && back.get().allowGatewayTransit()
                    && back.get().state() == PeeringState.CONNECTED) {
                out.addAll(heldBackGatewaysIn(peering.remoteVnetId()));
            }
        }
        return out;
    }

    /** Routing with no service tags imported: every tag route is UNRESOLVED. */
    public static Routing withoutServiceTags(Topology topology) {
        return new Routing(topology, tag -> Optional.empty());
    }

    public Topology topology() {
        return topology;
    }

    public TopologyIndex index() {
        return index;
    }

    /** The effective routes of a subnet (cached). */
    public EffectiveRoutes effectiveRoutes(ResourceId subnetId) {
        Subnet subnet = topology.subnet(subnetId)
                .orElseThrow(() -> new IllegalArgumentException("no subnet " + subnetId + " in this snapshot"));
        return effectiveRoutes(subnet);
    }

    /**
     * The effective routes of a subnet. Cached per subnet, and computed once per (VNet, route table): subnets that
     * share both share one table and one trie, so an estate of 10,000 subnets holds about as many tables as it has
     * VNet/route-table pairs.
     */
    public EffectiveRoutes effectiveRoutes(Subnet subnet) {
        return cache.computeIfAbsent(subnet.id(), id -> {
            String key = subnet.vnetId().key() + "|"
                    + subnet.routeTableId().map(ResourceId::key).orElse("") + "|"
                    + subnet.serviceEndpoints().stream()
                            .map(ServiceEndpoint::encode)
                            .collect(Collectors.joining(";"));
            return shared.computeIfAbsent(key, k -> compute(subnet)).forSubnet(subnet);
        });
    }

    /** Network Watcher next hop from a subnet toward one address. */
    public NextHop nextHop(ResourceId subnetId, long destination) {
        return effectiveRoutes(subnetId).lookup(destination);
    }

    /**
     * The subnet whose routes apply to traffic from {@code sourceId}: a subnet itself, a network interface's subnet,
     * an ASE's subnet, or an app's ASE's subnet. Empty for any other resource or an unknown id.
     */
    public Optional<Subnet> subnetOf(ResourceId sourceId) {
        Optional<Subnet> direct = topology.subnet(sourceId);
        if (direct.isPresent()) {
            return direct;
        }
        Optional<NetworkInterface> nic = topology.nic(sourceId);
        if (nic.isPresent()) {
            return topology.subnet(nic.get().subnetId());
        }
        Optional<ResourceId> aseId = topology.app(sourceId).map(App::aseId).or(() -> Optional.of(sourceId));
        return aseId.flatMap(topology::environment).flatMap(a -> topology.subnet(a.subnetId()));
    }

    /** A gateway whose routes a VNet uses: its own, or a peered VNet's through gateway transit. */
    public record ServingGateway(VirtualNetworkGateway gateway, Optional<Peering> transit) {}

    /**
     * The gateways serving a VNet: its own gateways, then the gateways of every VNet it peers with where our side
     * sets {@code useRemoteGateways}, the remote side sets {@code allowGatewayTransit}, and both sides are Connected.
     */
    public List<ServingGateway> gatewaysFor(ResourceId vnetId) {
        List<ServingGateway> out = new ArrayList<>();
        for (VirtualNetworkGateway gateway : index.gatewaysIn(vnetId)) {
            out.add(new ServingGateway(gateway, Optional.empty()));
        }
        for (Peering peering : index.peeringsOf(vnetId)) {
            if (!peering.useRemoteGateways() || peering.state() != PeeringState.CONNECTED) {
                continue;
            }
            Optional<Peering> back = index.peering(peering.remoteVnetId(), vnetId);
            if (back.isEmpty()
                    || !back.get().allowGatewayTransit()
                    || back.get().state() != PeeringState.CONNECTED) {
                continue;
            }
            for (VirtualNetworkGateway gateway : index.gatewaysIn(peering.remoteVnetId())) {
                out.add(new ServingGateway(gateway, Optional.of(peering)));
            }
        }
        return out;
    }

    private EffectiveRoutes compute(Subnet subnet) {
        VirtualNetwork vnet = topology.vnet(subnet.vnetId())
                .orElseThrow(() -> new IllegalStateException(
                        "subnet " + subnet.id() + " names VNet " + subnet.vnetId() + ", which is not in the snapshot"));
        List<EffectiveRoute> routes = new ArrayList<>();
        List<EffectiveRoute> missing = new ArrayList<>();
        List<Cidr> topologyBlocks = new ArrayList<>(vnet.addressSpace());

        for (Cidr block : vnet.addressSpace()) {
            routes.add(system(
                    block, NextHopType.VNET_LOCAL, vnet.id(), "system route for " + vnet.name() + "'s address space"));
        }
        for (Peering peering : index.peeringsOf(vnet.id())) {
            if (peering.state() != PeeringState.CONNECTED) {
                continue;
            }
            Optional<VirtualNetwork> remote = topology.vnet(peering.remoteVnetId());
            if (remote.isEmpty()) {
                missing.add(missing(
                        RouteOrigin.DEFAULT,
                        NextHopType.VNET_PEERING,
                        "system routes for the peering " + peering.name() + " with "
                                + peering.remoteVnetId().name(),
                        ResourceKind.VIRTUAL_NETWORK,
                        peering.remoteVnetId(),
                        "the peering " + peering.name() + " of " + vnet.name(),
                        "the address space it routes is not known"));
                continue;
            }
            for (Cidr block : remote.get().addressSpace()) {
                routes.add(system(
                        block,
                        NextHopType.VNET_PEERING,
                        remote.get().id(),
                        "system route for the peering " + peering.name() + " with "
                                + remote.get().name()));
                topologyBlocks.add(block);
            }
        }
        routes.add(system(Cidr.ALL, NextHopType.INTERNET, null, "system default route"));
        for (ServiceEndpoint endpoint : subnet.serviceEndpoints()) {
            for (String tag : endpoint.serviceTags()) {
                routes.add(serviceEndpointRoute(endpoint, tag));
            }
        }
        AddressSet space = AddressSet.of(vnet.addressSpace());
        for (Cidr reserved : RESERVED_NONE) {
            if (!space.containsAll(reserved.toSet())) {
                routes.add(system(
                        reserved, NextHopType.NONE, null, "system route dropping the reserved range " + reserved));
            }
        }

        List<EffectiveRoute> gatewayRoutes = new ArrayList<>();
        List<EffectiveRoute> gatewayMissing = new ArrayList<>();
        for (ServingGateway serving : gatewaysFor(vnet.id())) {
            String suffix = serving.transit()
                    .map(p -> ", by gateway transit over the peering " + p.name())
                    .orElse("");
            gatewayRoutes(serving.gateway(), suffix, gatewayRoutes, topologyBlocks, gatewayMissing);
        }
        for (HeldBack held : heldBackGatewaysFor(vnet.id())) {
            // A gateway held back (its GatewaySubnet not imported): the routes it adds are not known.
            gatewayMissing.add(unresolved(
                    RouteOrigin.VIRTUAL_NETWORK_GATEWAY,
                    NextHopType.VIRTUAL_NETWORK_GATEWAY,
                    "gateway routes of " + held.name(),
                    held.id(),
                    held.why() + "; the prefixes it routes are not known"));
        }

        Optional<RouteTable> table = subnet.routeTableId().flatMap(topology::routeTable);
        if (subnet.routeTableId().isPresent() && table.isEmpty()) {
            ResourceId id = subnet.routeTableId().get();
            missing.add(missing(
                    RouteOrigin.USER,
                    NextHopType.NONE,
                    "the user routes of route table " + id.name(),
                    ResourceKind.ROUTE_TABLE,
                    id,
                    "subnet " + subnet.name(),
                    "its routes are not known"));
        }
        boolean propagationDisabled =
                table.map(RouteTable::disableBgpRoutePropagation).orElse(false);
        if (!propagationDisabled) {
            routes.addAll(gatewayRoutes);
            missing.addAll(gatewayMissing);
        }
        table.ifPresent(t -> t.routes().forEach(r -> userRoute(t, r).ifPresent(routes::add)));
        routes.addAll(missing);
        return new EffectiveRoutes(subnet, routes, AddressSet.of(topologyBlocks), propagationDisabled, missing);
    }

    /**
     * An UNRESOLVED route standing for the routes of a resource referenced but never imported (a placeholder): no
     * prefix is known, so it may override any lookup it can reach; its reason names the resource and how to import
     * it.
     */
    private static EffectiveRoute missing(
            RouteOrigin origin,
            NextHopType type,
            String source,
            ResourceKind kind,
            ResourceId id,
            String referrer,
            String unknown) {
        return unresolved(
                origin,
                type,
                source,
                id,
                kind.noun() + " " + id.value() + " is referenced by " + referrer + " but not imported, so " + unknown
                        + ": " + kind.howToImport(id.value()));
    }

    /** An UNRESOLVED route of no known prefix standing for the routes of {@code id}, with {@code reason}. */
    private static EffectiveRoute unresolved(
            RouteOrigin origin, NextHopType type, String source, ResourceId id, String reason) {
        return new EffectiveRoute(
                origin,
                "",
                "",
                List.of(),
                type,
                Optional.empty(),
                origin == RouteOrigin.USER ? Optional.of(id) : Optional.empty(),
                RouteState.UNRESOLVED,
                Optional.of(id),
                source,
                Optional.of(reason));
    }

    private void gatewayRoutes(
            VirtualNetworkGateway gateway,
            String suffix,
            List<EffectiveRoute> out,
            List<Cidr> topologyBlocks,
            List<EffectiveRoute> missing) {
        for (Connection connection : index.connectionsOf(gateway.id())) {
            ResourceId other =
                    connection.gatewayId().equals(gateway.id()) ? connection.peerId() : connection.gatewayId();
            Optional<LocalNetworkGateway> site = topology.localGateway(other);
            if (site.isPresent()) {
                for (Cidr block : site.get().addressPrefixes()) {
                    out.add(gatewayRoute(
                            block,
                            site.get().id(),
                            "gateway route to local network gateway "
                                    + site.get().name() + " over connection " + connection.name() + " of "
                                    + gateway.name() + suffix));
                    topologyBlocks.add(block);
                }
                continue;
            }
            Optional<HeldBack> held = heldBack(other);
            if (held.isPresent()) {
                // Imported, but held back (its GatewaySubnet not imported): not absent, its prefixes are not known.
                missing.add(unresolved(
                        RouteOrigin.VIRTUAL_NETWORK_GATEWAY,
                        NextHopType.VIRTUAL_NETWORK_GATEWAY,
                        "gateway routes over connection " + connection.name() + " of " + gateway.name() + suffix,
                        other,
                        held.get().why() + "; the prefixes the connection routes are not known"));
                continue;
            }
            if (topology.gateway(other).isEmpty()) {
                ResourceKind kind =
                        !other.equals(connection.gatewayId()) && "IPsec".equalsIgnoreCase(connection.connectionType())
                                ? ResourceKind.LOCAL_NETWORK_GATEWAY
                                : ResourceKind.VIRTUAL_NETWORK_GATEWAY;
                missing.add(missing(
                        RouteOrigin.VIRTUAL_NETWORK_GATEWAY,
                        NextHopType.VIRTUAL_NETWORK_GATEWAY,
                        "gateway routes over connection " + connection.name() + " of " + gateway.name() + suffix,
                        kind,
                        other,
                        "the connection " + connection.name(),
                        "the prefixes it routes are not known"));
                continue;
            }
            Optional<VirtualNetwork> remote = topology.gateway(other).flatMap(g -> topology.vnet(g.vnetId()));
            if (remote.isPresent()) {
                for (Cidr block : remote.get().addressSpace()) {
                    out.add(gatewayRoute(
                            block,
                            remote.get().id(),
                            "gateway route to VNet " + remote.get().name() + " over VNet-to-VNet connection "
                                    + connection.name() + " of " + gateway.name() + suffix));
                    topologyBlocks.add(block);
                }
            }
        }
        for (Cidr learned : gateway.learnedRoutes()) {
            out.add(gatewayRoute(learned, gateway.id(), "route learned over BGP by " + gateway.name() + suffix));
            if (learned.length() >= DEFAULT_LIKE_BELOW) {
                topologyBlocks.add(learned);
            }
        }
    }

    private Optional<EffectiveRoute> userRoute(RouteTable table, Route route) {
        String prefix =
                route.addressPrefix() == null ? "" : route.addressPrefix().trim();
        if (Ipv4.isIpv6(prefix)) {
            return Optional.empty();
        }
        String source = "user route " + route.name() + " in " + table.name();
        List<Cidr> blocks;
        Optional<String> unresolved = Optional.empty();
        try {
            blocks = List.of(Cidr.parsePrefix(prefix));
        } catch (InvalidAddressException e) {
            blocks = List.of();
            if (prefix.isEmpty() || NUMERIC.matcher(prefix).matches()) {
                unresolved = Optional.of("its address prefix '" + prefix + "' is not an IPv4 block: " + e.getMessage());
            } else {
                Optional<AddressSet> tag = serviceTags.apply(prefix);
                if (tag.isPresent()) {
                    blocks = tag.get().toCidrs();
                } else {
                    unresolved =
                            Optional.of("its address prefix is the service tag " + prefix + ", which is not imported");
                }
            }
        }
        return Optional.of(new EffectiveRoute(
                RouteOrigin.USER,
                route.name(),
                prefix,
                blocks,
                route.nextHopType(),
                route.nextHopType() == NextHopType.VIRTUAL_APPLIANCE ? route.nextHopIp() : Optional.empty(),
                Optional.of(table.id()),
                unresolved.isPresent() ? RouteState.UNRESOLVED : RouteState.ACTIVE,
                Optional.of(table.id()),
                source,
                unresolved));
    }

    /**
     * The system route a service endpoint adds: the prefixes of the service's tag in one location, next hop
     * VirtualNetworkServiceEndpoint; UNRESOLVED, naming the tag, when the Service Tags file does not bring it.
     */
    private EffectiveRoute serviceEndpointRoute(ServiceEndpoint endpoint, String tag) {
        Optional<AddressSet> prefixes = serviceTags.apply(tag);
        Optional<String> unresolved = prefixes.isPresent()
                ? Optional.empty()
                : Optional.of("it routes the prefixes of the service tag " + tag + ", which is not imported");
        return new EffectiveRoute(
                RouteOrigin.DEFAULT,
                "",
                tag,
                prefixes.map(AddressSet::toCidrs).orElse(List.of()),
                NextHopType.VIRTUAL_NETWORK_SERVICE_ENDPOINT,
                Optional.empty(),
                Optional.empty(),
                unresolved.isPresent() ? RouteState.UNRESOLVED : RouteState.ACTIVE,
                Optional.empty(),
                "system route of the service endpoint for " + endpoint.service() + " (" + tag + ")",
                unresolved);
    }

    private static EffectiveRoute system(Cidr block, NextHopType type, ResourceId via, String source) {
        return new EffectiveRoute(
                RouteOrigin.DEFAULT,
                "",
                block.toString(),
                List.of(block),
                type,
                Optional.empty(),
                Optional.empty(),
                RouteState.ACTIVE,
                Optional.ofNullable(via),
                source,
                Optional.empty());
    }

    private static EffectiveRoute gatewayRoute(Cidr block, ResourceId via, String source) {
        return new EffectiveRoute(
                RouteOrigin.VIRTUAL_NETWORK_GATEWAY,
                "",
                block.toString(),
                List.of(block),
                NextHopType.VIRTUAL_NETWORK_GATEWAY,
                Optional.empty(),
                Optional.empty(),
                RouteState.ACTIVE,
                Optional.of(via),
                source,
                Optional.empty());
    }
}
