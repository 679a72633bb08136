package io.asegraph.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the network resources (everything but NSGs, ASGs and service tags, which live in
 * {@code policy}). Built once from the graph per store version and shared by every analysis.
 * Lookups by id use the normalised key; indexes for address lookups are built by the routing code on top.
 */
public final class Topology {
    /** The records of the network kinds, each id once per kind. */
    private final ResourceSet resources;

    private final Map<ResourceKind, Map<ResourceId, ? extends Resource>> byId;
    private volatile TopologyIndex index;

    private Topology(ResourceSet resources, Map<ResourceKind, Map<ResourceId, ? extends Resource>> byId) {
        this.resources = resources;
        this.byId = byId;
    }

    /**
     * The topology of the network records in {@code resources} (of the kinds in {@link NetworkTypes}; NSGs, ASGs and
     * service tags are left to the policy model). A record whose id came before in its kind replaces that one in its
     * place.
     */
    public static Topology of(ResourceSet resources) {
        ResourceSet.Builder kept = ResourceSet.builder();
        Map<ResourceKind, Map<ResourceId, ? extends Resource>> byId = new EnumMap<>(ResourceKind.class);
        for (ResourceType<? extends Resource> type : NetworkTypes.ALL) {
            byId.put(type.kind(), index(resources, type, kept));
        }
        return new Topology(kept.build(), Collections.unmodifiableMap(byId));
    }

    public static Topology empty() {
        return of(ResourceSet.empty());
    }

    private static <T extends Resource> Map<ResourceId, T> index(
            ResourceSet resources, ResourceType<T> type, ResourceSet.Builder kept) {
        Map<ResourceId, T> m = new LinkedHashMap<>();
        for (T t : resources.of(type)) {
            m.put(t.id(), t);
        }
        kept.addAll(type, m.values());
        return Collections.unmodifiableMap(m);
    }

    /** The records of this snapshot by kind, each id once, in the order the ids first came. */
    public ResourceSet resources() {
        return resources;
    }

    /** The records of {@code type}'s kind, each id once. */
    public <T extends Resource> List<T> all(ResourceType<T> type) {
        return resources.of(type);
    }

    /** The record of {@code type}'s kind with {@code id}. */
    public <T extends Resource> Optional<T> find(ResourceType<T> type, ResourceId id) {
        Resource r = byId.get(type.kind()).get(id);
        return r == null ? Optional.empty() : Optional.of(type.type().cast(r));
    }

    public Collection<VirtualNetwork> vnets() {
        return all(NetworkTypes.VIRTUAL_NETWORK);
    }

    public Collection<Subnet> subnets() {
        return all(NetworkTypes.SUBNET);
    }

    public Collection<Peering> peerings() {
        return all(NetworkTypes.PEERING);
    }

    public Collection<AppServiceEnvironment> environments() {
        return all(NetworkTypes.APP_SERVICE_ENVIRONMENT);
    }

    public Collection<App> apps() {
        return all(NetworkTypes.APP);
    }

    public Collection<NetworkInterface> nics() {
        return all(NetworkTypes.NETWORK_INTERFACE);
    }

    public Collection<Endpoint> endpoints() {
        return all(NetworkTypes.ENDPOINT);
    }

    public Collection<RouteTable> routeTables() {
        return all(NetworkTypes.ROUTE_TABLE);
    }

    public Collection<VirtualNetworkGateway> gateways() {
        return all(NetworkTypes.VIRTUAL_NETWORK_GATEWAY);
    }

    public Collection<LocalNetworkGateway> localGateways() {
        return all(NetworkTypes.LOCAL_NETWORK_GATEWAY);
    }

    public Collection<Connection> connections() {
        return all(NetworkTypes.CONNECTION);
    }

    public Collection<NatGateway> natGateways() {
        return all(NetworkTypes.NAT_GATEWAY);
    }

    public Collection<PublicIpAddress> publicIps() {
        return all(NetworkTypes.PUBLIC_IP_ADDRESS);
    }

    public Collection<AzureFirewall> firewalls() {
        return all(NetworkTypes.AZURE_FIREWALL);
    }

    public Optional<AzureFirewall> firewall(ResourceId id) {
        return find(NetworkTypes.AZURE_FIREWALL, id);
    }

    public Collection<PrivateEndpoint> privateEndpoints() {
        return all(NetworkTypes.PRIVATE_ENDPOINT);
    }

    public Optional<PrivateEndpoint> privateEndpoint(ResourceId id) {
        return find(NetworkTypes.PRIVATE_ENDPOINT, id);
    }

    public Collection<IpGroup> ipGroups() {
        return all(NetworkTypes.IP_GROUP);
    }

    public Optional<IpGroup> ipGroup(ResourceId id) {
        return find(NetworkTypes.IP_GROUP, id);
    }

    public Collection<FirewallPolicy> firewallPolicies() {
        return all(NetworkTypes.FIREWALL_POLICY);
    }

    public Optional<FirewallPolicy> firewallPolicy(ResourceId id) {
        return find(NetworkTypes.FIREWALL_POLICY, id);
    }

    public Collection<FirewallRuleCollectionGroup> ruleCollectionGroups() {
        return all(NetworkTypes.RULE_COLLECTION_GROUP);
    }

    public Optional<FirewallRuleCollectionGroup> ruleCollectionGroup(ResourceId id) {
        return find(NetworkTypes.RULE_COLLECTION_GROUP, id);
    }

    public Optional<VirtualNetwork> vnet(ResourceId id) {
        return find(NetworkTypes.VIRTUAL_NETWORK, id);
    }

    public Optional<Subnet> subnet(ResourceId id) {
        return find(NetworkTypes.SUBNET, id);
    }

    public Optional<Peering> peering(ResourceId id) {
        return find(NetworkTypes.PEERING, id);
    }

    public Optional<AppServiceEnvironment> environment(ResourceId id) {
        return find(NetworkTypes.APP_SERVICE_ENVIRONMENT, id);
    }

    public Optional<App> app(ResourceId id) {
        return find(NetworkTypes.APP, id);
    }

    public Optional<NetworkInterface> nic(ResourceId id) {
        return find(NetworkTypes.NETWORK_INTERFACE, id);
    }

    public Optional<Endpoint> endpoint(ResourceId id) {
        return find(NetworkTypes.ENDPOINT, id);
    }

    public Optional<RouteTable> routeTable(ResourceId id) {
        return find(NetworkTypes.ROUTE_TABLE, id);
    }

    public Optional<VirtualNetworkGateway> gateway(ResourceId id) {
        return find(NetworkTypes.VIRTUAL_NETWORK_GATEWAY, id);
    }

    public Optional<LocalNetworkGateway> localGateway(ResourceId id) {
        return find(NetworkTypes.LOCAL_NETWORK_GATEWAY, id);
    }

    public Optional<Connection> connection(ResourceId id) {
        return find(NetworkTypes.CONNECTION, id);
    }

    public Optional<NatGateway> natGateway(ResourceId id) {
        return find(NetworkTypes.NAT_GATEWAY, id);
    }

    public Optional<PublicIpAddress> publicIp(ResourceId id) {
        return find(NetworkTypes.PUBLIC_IP_ADDRESS, id);
    }

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

    /** Every resource id in this snapshot (for reference checks), kind by kind. */
    public List<ResourceId> allIds() {
        List<ResourceId> all = new ArrayList<>();
        byId.values().forEach(m -> all.addAll(m.keySet()));
        return all;
    }
}
