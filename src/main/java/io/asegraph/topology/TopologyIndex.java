package io.asegraph.topology;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The lookups every per-query path needs, built once per {@link Topology} snapshot (see {@link Topology#index()})
 * so that no query scans the estate: which subnets hold an address (a prefix trie), the children of a VNet, subnet
 * and ASE, peerings and gateways of a VNet, connections of a gateway, apps by host name, resources by name.
 *
 * <p>Address spaces of VNets that are not connected may overlap (a common Azure estate reuses 10.0.0.0/16), so
 * "which subnet holds this address" answers with every subnet, across VNets, that holds it; scope it to one VNet
 * with {@link #subnetContaining(ResourceId, long)}.
 */
public final class TopologyIndex {
    private final Topology topology;
    private final PrefixTrie<List<Subnet>> subnetTrie = new PrefixTrie<>();
    private final Map<ResourceId, List<Subnet>> subnetsByVnet;
    private final Map<ResourceId, List<AppServiceEnvironment>> environmentsBySubnet;
    private final Map<ResourceId, List<App>> appsByEnvironment;
    private final Map<ResourceId, List<NetworkInterface>> nicsBySubnet;
    private final Map<Long, List<NetworkInterface>> nicsByAddress;
    private final Map<ResourceId, List<PrivateEndpoint>> privateEndpointsBySubnet;
    private final Map<Long, List<AppServiceEnvironment>> environmentsByAddress;
    private final Map<ResourceId, List<Peering>> peeringsByVnet;
    private final Map<ResourceId, List<VirtualNetworkGateway>> gatewaysByVnet;
    private final Map<ResourceId, List<Connection>> connectionsByGateway;
    private final Map<ResourceId, List<Subnet>> subnetsByNatGateway;
    private final Map<String, List<App>> appsByHostName;
    private final Map<String, List<Resource>> resourcesByName;
    private final Map<ResourceId, Resource> resourcesById;

    /** Indexes {@code topology}; prefer {@link Topology#index()}, which builds this once and keeps it. */
    public TopologyIndex(Topology topology) {
        this.topology = topology;
        for (Subnet s : topology.subnets()) {
            for (Cidr p : s.prefixes()) { // a subnet's prefixes never overlap: one entry per address at most
                subnetTrie.computeIfAbsent(p, ArrayList::new).add(s);
            }
        }
        subnetsByVnet = group(topology.subnets(), Subnet::vnetId);
        environmentsBySubnet = group(topology.environments(), AppServiceEnvironment::subnetId);
        appsByEnvironment = group(topology.apps(), App::aseId);
        nicsBySubnet = group(topology.nics(), NetworkInterface::subnetId);
        nicsByAddress = group(topology.nics(), NetworkInterface::privateIp);
        privateEndpointsBySubnet = group(topology.privateEndpoints(), PrivateEndpoint::subnetId);
        Map<Long, List<AppServiceEnvironment>> envAddresses = new HashMap<>();
        for (AppServiceEnvironment ase : topology.environments()) {
            List<Long> addresses = new ArrayList<>();
            ase.publicVip().ifPresent(addresses::add);
            ase.internalAddress().ifPresent(addresses::add);
            addresses.stream().distinct().forEach(a -> envAddresses
                    .computeIfAbsent(a, k -> new ArrayList<>())
                    .add(ase));
        }
        environmentsByAddress = freeze(envAddresses);
        peeringsByVnet = group(topology.peerings(), Peering::localVnetId);
        gatewaysByVnet = group(topology.gateways(), VirtualNetworkGateway::vnetId);
        Map<ResourceId, List<Connection>> byGateway = new HashMap<>();
        for (Connection c : topology.connections()) {
            byGateway.computeIfAbsent(c.gatewayId(), k -> new ArrayList<>()).add(c);
            if (!c.peerId().equals(c.gatewayId())
                    && topology.gateway(c.peerId()).isPresent()) {
                byGateway.computeIfAbsent(c.peerId(), k -> new ArrayList<>()).add(c);
            }
        }
        connectionsByGateway = freeze(byGateway);
        Map<ResourceId, List<Subnet>> byNat = new HashMap<>();
        for (Subnet s : topology.subnets()) {
            s.natGatewayId().ifPresent(n -> byNat.computeIfAbsent(n, k -> new ArrayList<>())
                    .add(s));
        }
        subnetsByNatGateway = freeze(byNat);
        Map<String, List<App>> hosts = new HashMap<>();
        for (App app : topology.apps()) {
            List<String> names = new ArrayList<>();
            if (app.defaultHostName() != null && !app.defaultHostName().isBlank()) {
                names.add(app.defaultHostName());
            }
            names.addAll(app.hostNames());
            names.stream().map(TopologyIndex::hostKey).distinct().forEach(h -> hosts.computeIfAbsent(
                            h, k -> new ArrayList<>())
                    .add(app));
        }
        appsByHostName = freeze(hosts);
        Map<String, List<Resource>> names = new HashMap<>();
        Map<ResourceId, Resource> ids = new LinkedHashMap<>();
        for (Resource r : allResources(topology)) {
            names.computeIfAbsent(nameKey(r.name()), k -> new ArrayList<>()).add(r);
            ids.put(r.id(), r);
        }
        resourcesByName = freeze(names);
        resourcesById = Collections.unmodifiableMap(ids);
    }

    private static List<Resource> allResources(Topology t) {
        List<Resource> all = new ArrayList<>();
        all.addAll(t.vnets());
        all.addAll(t.subnets());
        all.addAll(t.peerings());
        all.addAll(t.environments());
        all.addAll(t.apps());
        all.addAll(t.nics());
        all.addAll(t.endpoints());
        all.addAll(t.routeTables());
        all.addAll(t.gateways());
        all.addAll(t.localGateways());
        all.addAll(t.connections());
        all.addAll(t.natGateways());
        all.addAll(t.publicIps());
        all.addAll(t.privateEndpoints());
        return all;
    }

    public Topology topology() {
        return topology;
    }

    /** Every subnet, in any VNet, whose prefix holds {@code address} (one per VNet at most; VNets may overlap). */
    public List<Subnet> subnetsContaining(long address) {
        List<Subnet> out = new ArrayList<>();
        for (PrefixTrie.Entry<List<Subnet>> e : subnetTrie.matches(address)) {
            out.addAll(e.value());
        }
        return out;
    }

    /** The subnet of VNet {@code vnetId} that holds {@code address}. */
    public Optional<Subnet> subnetContaining(ResourceId vnetId, long address) {
        List<PrefixTrie.Entry<List<Subnet>>> matches = subnetTrie.matches(address);
        for (int i = matches.size() - 1; i >= 0; i--) {
            for (Subnet s : matches.get(i).value()) {
                if (s.vnetId().equals(vnetId)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    /** The VNet a subnet belongs to. */
    public Optional<VirtualNetwork> vnetOf(Subnet subnet) {
        return topology.vnet(subnet.vnetId());
    }

    /** The address space of a VNet as one set (empty when the VNet is unknown). */
    public AddressSet addressSpace(ResourceId vnetId) {
        return topology.vnet(vnetId).map(v -> AddressSet.of(v.addressSpace())).orElse(AddressSet.EMPTY);
    }

    public List<Subnet> subnetsOf(ResourceId vnetId) {
        return subnetsByVnet.getOrDefault(vnetId, List.of());
    }

    /** The ASEs deployed in a subnet (Azure allows one; a bad import may hold more). */
    public List<AppServiceEnvironment> environmentsIn(ResourceId subnetId) {
        return environmentsBySubnet.getOrDefault(subnetId, List.of());
    }

    public List<App> appsOn(ResourceId aseId) {
        return appsByEnvironment.getOrDefault(aseId, List.of());
    }

    public List<NetworkInterface> nicsIn(ResourceId subnetId) {
        return nicsBySubnet.getOrDefault(subnetId, List.of());
    }

    /** The network interfaces, in any VNet, whose private address is {@code address}. */
    public List<NetworkInterface> nicsWithAddress(long address) {
        return nicsByAddress.getOrDefault(address, List.of());
    }

    /** The network interface of {@code subnetId} whose private address is {@code address}. */
    public Optional<NetworkInterface> nicAt(ResourceId subnetId, long address) {
        return nicsWithAddress(address).stream()
                .filter(n -> n.subnetId().equals(subnetId))
                .findFirst();
    }

    public List<PrivateEndpoint> privateEndpointsIn(ResourceId subnetId) {
        return privateEndpointsBySubnet.getOrDefault(subnetId, List.of());
    }

    /**
     * The private addresses of a private endpoint: those it records ({@code customDnsConfigs},
     * {@code ipConfigurations}) and those of its network interfaces that are imported, in that order, each once.
     */
    public List<Long> privateEndpointAddresses(PrivateEndpoint pe) {
        List<Long> out = new ArrayList<>(pe.privateIps());
        for (ResourceId nic : pe.nicIds()) {
            topology.nic(nic)
                    .map(NetworkInterface::privateIp)
                    .filter(a -> !out.contains(a))
                    .ifPresent(out::add);
        }
        return out;
    }

    /** The private endpoint of {@code subnetId} one of whose addresses is {@code address}. */
    public Optional<PrivateEndpoint> privateEndpointAt(ResourceId subnetId, long address) {
        return privateEndpointsIn(subnetId).stream()
                .filter(pe -> privateEndpointAddresses(pe).contains(address))
                .findFirst();
    }

    /**
     * The ASEs reached at {@code address}: their public VIP (inbound address) or ILB address. An outbound address is
     * where an ASE's calls come from, not where it is called (an ASEv3's differ from its inbound address).
     */
    public List<AppServiceEnvironment> environmentsWithAddress(long address) {
        return environmentsByAddress.getOrDefault(address, List.of());
    }

    /** The peerings whose local side is {@code vnetId} (its {@code virtualNetworkPeerings}). */
    public List<Peering> peeringsOf(ResourceId vnetId) {
        return peeringsByVnet.getOrDefault(vnetId, List.of());
    }

    /** The peering from {@code localVnetId} to {@code remoteVnetId}, if that side exists. */
    public Optional<Peering> peering(ResourceId localVnetId, ResourceId remoteVnetId) {
        return peeringsOf(localVnetId).stream()
                .filter(p -> p.remoteVnetId().equals(remoteVnetId))
                .findFirst();
    }

    public List<VirtualNetworkGateway> gatewaysIn(ResourceId vnetId) {
        return gatewaysByVnet.getOrDefault(vnetId, List.of());
    }

    /**
     * The connections of a gateway: those it owns ({@code gatewayId}) and, for VNet-to-VNet, those owned by the
     * other gateway that name it as their peer.
     */
    public List<Connection> connectionsOf(ResourceId gatewayId) {
        return connectionsByGateway.getOrDefault(gatewayId, List.of());
    }

    public List<Subnet> subnetsUsing(ResourceId natGatewayId) {
        return subnetsByNatGateway.getOrDefault(natGatewayId, List.of());
    }

    /** The apps answering to a host name, default or custom, case-insensitive. */
    public List<App> appsByHostName(String hostName) {
        return hostName == null ? List.of() : appsByHostName.getOrDefault(hostKey(hostName), List.of());
    }

    /** The topology resources with this name, case-insensitive. */
    public List<Resource> resourcesNamed(String name) {
        return name == null ? List.of() : resourcesByName.getOrDefault(nameKey(name), List.of());
    }

    /** Any topology resource by id (case-insensitive through {@link ResourceId}). */
    public Optional<Resource> resource(ResourceId id) {
        return Optional.ofNullable(resourcesById.get(id));
    }

    /** The public addresses of a NAT gateway's allocated public IPs, in the order it lists them. */
    public List<Long> natAddresses(NatGateway nat) {
        return publicAddresses(nat.publicIpIds());
    }

    /** The allocated addresses of these public IP resources, in their order (unallocated ones are left out). */
    public List<Long> publicAddresses(List<ResourceId> publicIpIds) {
        List<Long> out = new ArrayList<>();
        for (ResourceId pip : publicIpIds) {
            topology.publicIp(pip).flatMap(PublicIpAddress::ipAddress).ifPresent(out::add);
        }
        return out;
    }

    /** The Azure Firewall whose private address is {@code address}: the one a route's appliance next hop names. */
    public Optional<AzureFirewall> firewallAt(long address) {
        return topology.firewalls().stream()
                .filter(f -> f.privateIp().isPresent() && f.privateIp().get() == address)
                .findFirst();
    }

    private static String hostKey(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static String nameKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static <K, T> Map<K, List<T>> group(Iterable<T> items, Function<T, K> key) {
        Map<K, List<T>> m = new HashMap<>();
        for (T t : items) {
            K k = key.apply(t);
            if (k != null) {
                m.computeIfAbsent(k, x -> new ArrayList<>()).add(t);
            }
        }
        return freeze(m);
    }

    private static <K, T> Map<K, List<T>> freeze(Map<K, List<T>> m) {
        Map<K, List<T>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }
}
