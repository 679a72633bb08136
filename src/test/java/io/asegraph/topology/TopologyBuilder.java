package io.asegraph.topology;

import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Builds a {@link Topology} in test code, one resource per call, names taken from the ids' last segment. Adding a
 * resource with an id already present replaces it, so a fixture can be varied ({@code attachRouteTable},
 * {@code replaceSubnet}).
 */
public final class TopologyBuilder {
    /** Everything added, in order: {@link Topology#of} keeps the first place of an id and its last record. */
    private final ResourceSet.Builder resources = ResourceSet.builder();

    public static ResourceId id(String id) {
        return ResourceId.of(id);
    }

    private static List<Cidr> blocks(String... prefixes) {
        return Arrays.stream(prefixes).map(Cidr::parseBlock).toList();
    }

    public TopologyBuilder vnet(String id, String... addressSpace) {
        ResourceId rid = id(id);
        resources.add(
                NetworkTypes.VIRTUAL_NETWORK, new VirtualNetwork(rid, rid.name(), "westus", blocks(addressSpace)));
        return this;
    }

    public TopologyBuilder subnet(String id, String vnetId, String prefix) {
        ResourceId rid = id(id);
        resources.add(
                NetworkTypes.SUBNET,
                new Subnet(
                        rid,
                        rid.name(),
                        id(vnetId),
                        Cidr.parseBlock(prefix),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        return this;
    }

    public TopologyBuilder replaceSubnet(String id, UnaryOperator<Subnet> change) {
        ResourceId rid = id(id);
        Subnet s = build().subnet(rid).orElseThrow(() -> new IllegalArgumentException("no subnet " + id));
        resources.add(NetworkTypes.SUBNET, change.apply(s));
        return this;
    }

    public TopologyBuilder attachRouteTable(String subnetId, String routeTableId) {
        return replaceSubnet(
                subnetId,
                s -> s.with(s.nsgId(), Optional.ofNullable(routeTableId).map(ResourceId::of), s.natGatewayId()));
    }

    public TopologyBuilder serviceEndpoint(String subnetId, String service, String... locations) {
        return replaceSubnet(subnetId, s -> {
            List<ServiceEndpoint> endpoints = new java.util.ArrayList<>(s.serviceEndpoints());
            endpoints.add(new ServiceEndpoint(service, List.of(locations)));
            return new Subnet(
                    s.id(),
                    s.name(),
                    s.vnetId(),
                    s.prefixes(),
                    s.nsgId(),
                    s.routeTableId(),
                    s.natGatewayId(),
                    endpoints,
                    s.privateEndpointNetworkPolicies());
        });
    }

    public TopologyBuilder attachNsg(String subnetId, String nsgId) {
        return replaceSubnet(
                subnetId,
                s -> s.with(Optional.ofNullable(nsgId).map(ResourceId::of), s.routeTableId(), s.natGatewayId()));
    }

    public TopologyBuilder attachNatGateway(String subnetId, String natId) {
        return replaceSubnet(
                subnetId,
                s -> s.with(
                        s.nsgId(), s.routeTableId(), Optional.ofNullable(natId).map(ResourceId::of)));
    }

    /** One side of a peering, Connected, named {@code to-<remote name>}. */
    public TopologyBuilder peering(
            String localVnetId,
            String remoteVnetId,
            PeeringState state,
            boolean allowGatewayTransit,
            boolean useRemoteGateways) {
        ResourceId local = id(localVnetId);
        ResourceId remote = id(remoteVnetId);
        String name = "to-" + remote.name();
        ResourceId rid = local.child("virtualNetworkPeerings", name);
        resources.add(
                NetworkTypes.PEERING,
                new Peering(rid, name, local, remote, state, allowGatewayTransit, useRemoteGateways, true));
        return this;
    }

    /** Both sides of a plain Connected peering. */
    public TopologyBuilder peerBothWays(String a, String b) {
        return peering(a, b, PeeringState.CONNECTED, false, false).peering(b, a, PeeringState.CONNECTED, false, false);
    }

    public TopologyBuilder routeTable(String id, boolean disableBgpRoutePropagation, Route... routes) {
        ResourceId rid = id(id);
        resources.add(
                NetworkTypes.ROUTE_TABLE,
                new RouteTable(rid, rid.name(), "westus", disableBgpRoutePropagation, List.of(routes)));
        return this;
    }

    public static Route route(String name, String prefix, String nextHopType) {
        return new Route(name, prefix, NextHopType.parse(nextHopType), Optional.empty());
    }

    public static Route applianceRoute(String name, String prefix, String applianceIp) {
        return new Route(name, prefix, NextHopType.VIRTUAL_APPLIANCE, Optional.of(Ipv4.parse(applianceIp)));
    }

    public TopologyBuilder gateway(String id, String vnetId, GatewayType type, String... learnedRoutes) {
        return gatewayWithDefaultSite(id, vnetId, type, null, learnedRoutes);
    }

    public TopologyBuilder gatewayWithDefaultSite(
            String id, String vnetId, GatewayType type, String defaultSiteId, String... learnedRoutes) {
        ResourceId rid = id(id);
        resources.add(
                NetworkTypes.VIRTUAL_NETWORK_GATEWAY,
                new VirtualNetworkGateway(
                        rid,
                        rid.name(),
                        "westus",
                        id(vnetId),
                        type,
                        Optional.ofNullable(defaultSiteId).map(ResourceId::of),
                        blocks(learnedRoutes)));
        return this;
    }

    public TopologyBuilder localGateway(String id, String... prefixes) {
        ResourceId rid = id(id);
        resources.add(
                NetworkTypes.LOCAL_NETWORK_GATEWAY,
                new LocalNetworkGateway(rid, rid.name(), "westus", blocks(prefixes), "203.0.113.10"));
        return this;
    }

    public TopologyBuilder connection(String id, String type, String gatewayId, String peerId) {
        ResourceId rid = id(id);
        resources.add(NetworkTypes.CONNECTION, new Connection(rid, rid.name(), type, id(gatewayId), id(peerId)));
        return this;
    }

    /** An external ASE (v1) with its public VIP as its outbound address. */
    public TopologyBuilder ase(String id, String subnetId, String publicVip) {
        ResourceId rid = id(id);
        long vip = Ipv4.parse(publicVip);
        resources.add(
                NetworkTypes.APP_SERVICE_ENVIRONMENT,
                new AppServiceEnvironment(
                        rid,
                        rid.name(),
                        "westus",
                        AseKind.ASEV1,
                        "None",
                        id(subnetId),
                        Optional.of(vip),
                        List.of(vip),
                        Optional.empty(),
                        java.util.List.of(),
                        java.util.List.of()));
        return this;
    }

    /** An internal (ILB) ASE v1: apps on {@code ilbAddress}, management on {@code publicVip}. */
    public TopologyBuilder internalAse(String id, String subnetId, String publicVip, String ilbAddress) {
        ResourceId rid = id(id);
        long vip = Ipv4.parse(publicVip);
        resources.add(
                NetworkTypes.APP_SERVICE_ENVIRONMENT,
                new AppServiceEnvironment(
                        rid,
                        rid.name(),
                        "westus",
                        AseKind.ASEV1,
                        "Web, Publishing",
                        id(subnetId),
                        Optional.of(vip),
                        List.of(vip),
                        Optional.of(Ipv4.parse(ilbAddress)),
                        java.util.List.of(),
                        java.util.List.of()));
        return this;
    }

    public TopologyBuilder add(AppServiceEnvironment ase) {
        resources.add(NetworkTypes.APP_SERVICE_ENVIRONMENT, ase);
        return this;
    }

    public TopologyBuilder app(String id, String aseId, String defaultHostName, String... customHostNames) {
        ResourceId rid = id(id);
        List<String> hosts = new java.util.ArrayList<>();
        hosts.add(defaultHostName);
        hosts.addAll(List.of(customHostNames));
        resources.add(NetworkTypes.APP, new App(rid, rid.name(), id(aseId), defaultHostName, hosts));
        return this;
    }

    public TopologyBuilder nic(String id, String subnetId, String privateIp, String... publicIpIds) {
        ResourceId rid = id(id);
        resources.add(
                NetworkTypes.NETWORK_INTERFACE,
                new NetworkInterface(
                        rid,
                        rid.name(),
                        "westus",
                        id(subnetId),
                        Ipv4.parse(privateIp),
                        Optional.empty(),
                        List.of(),
                        Arrays.stream(publicIpIds).map(ResourceId::of).toList(),
                        ""));
        return this;
    }

    public TopologyBuilder add(NetworkInterface nic) {
        resources.add(NetworkTypes.NETWORK_INTERFACE, nic);
        return this;
    }

    /** Any record of a network kind, as built by the caller (firewalls, policies, private endpoints, apps). */
    public <T extends Resource> TopologyBuilder add(ResourceType<T> type, T record) {
        resources.add(type, record);
        return this;
    }

    /** A public IP; {@code address} null for a dynamic one not yet allocated. */
    public TopologyBuilder publicIp(String id, String address) {
        ResourceId rid = id(id);
        resources.add(
                NetworkTypes.PUBLIC_IP_ADDRESS,
                new PublicIpAddress(
                        rid, rid.name(), "westus", Optional.ofNullable(address).map(Ipv4::parse)));
        return this;
    }

    public TopologyBuilder natGateway(String id, String... publicIpIds) {
        ResourceId rid = id(id);
        resources.add(
                NetworkTypes.NAT_GATEWAY,
                new NatGateway(
                        rid,
                        rid.name(),
                        "westus",
                        Arrays.stream(publicIpIds).map(ResourceId::of).toList()));
        return this;
    }

    public TopologyBuilder endpoint(String id, String serviceTag, String... addresses) {
        ResourceId rid = id(id);
        resources.add(
                NetworkTypes.ENDPOINT,
                new Endpoint(
                        rid,
                        rid.name(),
                        "westus",
                        Arrays.stream(addresses).map(Cidr::parsePrefix).toList(),
                        Optional.ofNullable(serviceTag)));
        return this;
    }

    public Topology build() {
        return Topology.of(resources.build());
    }
}
