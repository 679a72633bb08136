package io.asegraph.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable snapshot of the network resources (everything but NSGs, ASGs and service tags, which live in
 * {@code policy}). Built once from the graph per store version and shared by every analysis.
 * Lookups by id use the normalised key; indexes for address lookups are built by the routing code on top.
 */
public final class Topology {
    private final Map<ResourceId, VirtualNetwork> vnets;
    private final Map<ResourceId, Subnet> subnets;
    private final Map<ResourceId, Peering> peerings;
    private final Map<ResourceId, AppServiceEnvironment> environments;
    private final Map<ResourceId, App> apps;
    private final Map<ResourceId, NetworkInterface> nics;
    private final Map<ResourceId, Endpoint> endpoints;
    private final Map<ResourceId, RouteTable> routeTables;
    private final Map<ResourceId, VirtualNetworkGateway> gateways;
    private final Map<ResourceId, LocalNetworkGateway> localGateways;
    private final Map<ResourceId, Connection> connections;
    private final Map<ResourceId, NatGateway> natGateways;
    private final Map<ResourceId, PublicIpAddress> publicIps;
    private volatile TopologyIndex index;

    public Topology(Collection<VirtualNetwork> vnets, Collection<Subnet> subnets, Collection<Peering> peerings,
            Collection<AppServiceEnvironment> environments, Collection<App> apps, Collection<NetworkInterface> nics,
            Collection<Endpoint> endpoints, Collection<RouteTable> routeTables, Collection<VirtualNetworkGateway> gateways,
            Collection<LocalNetworkGateway> localGateways, Collection<Connection> connections,
            Collection<NatGateway> natGateways, Collection<PublicIpAddress> publicIps) {
        this.vnets = index(vnets, VirtualNetwork::id);
        this.subnets = index(subnets, Subnet::id);
        this.peerings = index(peerings, Peering::id);
        this.environments = index(environments, AppServiceEnvironment::id);
        this.apps = index(apps, App::id);
        this.nics = index(nics, NetworkInterface::id);
        this.endpoints = index(endpoints, Endpoint::id);
        this.routeTables = index(routeTables, RouteTable::id);
        this.gateways = index(gateways, VirtualNetworkGateway::id);
        this.localGateways = index(localGateways, LocalNetworkGateway::id);
        this.connections = index(connections, Connection::id);
        this.natGateways = index(natGateways, NatGateway::id);
        this.publicIps = index(publicIps, PublicIpAddress::id);
    }

    public static Topology empty() {
        return new Topology(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static <T> Map<ResourceId, T> index(Collection<T> items, Function<T, ResourceId> id) {
        Map<ResourceId, T> m = new LinkedHashMap<>();
        for (T t : items) {
            m.put(id.apply(t), t);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    public Collection<VirtualNetwork> vnets() { return vnets.values(); }
    public Collection<Subnet> subnets() { return subnets.values(); }
    public Collection<Peering> peerings() { return peerings.values(); }
    public Collection<AppServiceEnvironment> environments() { return environments.values(); }
    public Collection<App> apps() { return apps.values(); }
    public Collection<NetworkInterface> nics() { return nics.values(); }
    public Collection<Endpoint> endpoints() { return endpoints.values(); }
    public Collection<RouteTable> routeTables() { return routeTables.values(); }
    public Collection<VirtualNetworkGateway> gateways() { return gateways.values(); }
    public Collection<LocalNetworkGateway> localGateways() { return localGateways.values(); }
    public Collection<Connection> connections() { return connections.values(); }
    public Collection<NatGateway> natGateways() { return natGateways.values(); }
    public Collection<PublicIpAddress> publicIps() { return publicIps.values(); }

    public Optional<VirtualNetwork> vnet(ResourceId id) { return Optional.ofNullable(vnets.get(id)); }
    public Optional<Subnet> subnet(ResourceId id) { return Optional.ofNullable(subnets.get(id)); }
    public Optional<Peering> peering(ResourceId id) { return Optional.ofNullable(peerings.get(id)); }
    public Optional<AppServiceEnvironment> environment(ResourceId id) { return Optional.ofNullable(environments.get(id)); }
    public Optional<App> app(ResourceId id) { return Optional.ofNullable(apps.get(id)); }
    public Optional<NetworkInterface> nic(ResourceId id) { return Optional.ofNullable(nics.get(id)); }
    public Optional<Endpoint> endpoint(ResourceId id) { return Optional.ofNullable(endpoints.get(id)); }
    public Optional<RouteTable> routeTable(ResourceId id) { return Optional.ofNullable(routeTables.get(id)); }
    public Optional<VirtualNetworkGateway> gateway(ResourceId id) { return Optional.ofNullable(gateways.get(id)); }
    public Optional<LocalNetworkGateway> localGateway(ResourceId id) { return Optional.ofNullable(localGateways.get(id)); }
    public Optional<Connection> connection(ResourceId id) { return Optional.ofNullable(connections.get(id)); }
    public Optional<NatGateway> natGateway(ResourceId id) { return Optional.ofNullable(natGateways.get(id)); }
    public Optional<PublicIpAddress> publicIp(ResourceId id) { return Optional.ofNullable(publicIps.get(id)); }

    /**
     * The lookups per-query code needs (address → subnet trie, children, names, host names), built on first use
     * and kept for the life of this immutable snapshot.
     */
    public TopologyIndex index() {
        TopologyIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = new TopologyIndex(this);
                    index = i;
                }
            }
        }
        return i;
    }

    /** Every resource id in this snapshot (for reference checks). */
    public List<ResourceId> allIds() {
        List<ResourceId> all = new ArrayList<>();
        for (Map<ResourceId, ?> m : List.<Map<ResourceId, ?>>of(vnets, subnets, peerings, environments, apps, nics, endpoints,
                routeTables, gateways, localGateways, connections, natGateways, publicIps)) {
            all.addAll(m.keySet());
        }
        return all;
    }
}
