package io.asegraph.api.read.filter;

import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.Connection;
import io.asegraph.topology.NatGateway;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Peering;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.VirtualNetworkGateway;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reverse relations of the network resources of one topology that the relationship filters of the listings
 * follow (a VNet's subnets, peerings and gateways, a gateway's connections, a public IP's users, an ASG's members),
 * built once per snapshot, on first use.
 */
final class Links {
    private final Topology topology;
    final Index<Subnet> subnetsByVnet = new Index<>();
    final Index<Subnet> subnetsByNat = new Index<>();
    final Index<Peering> peeringsByVnet = new Index<>();
    final Index<VirtualNetworkGateway> gatewaysByVnet = new Index<>();
    final Index<Connection> connectionsByGateway = new Index<>();
    final Index<Connection> connectionsByPeer = new Index<>();
    final Index<NetworkInterface> nicsByPublicIp = new Index<>();
    final Index<NetworkInterface> nicsByAsg = new Index<>();
    final Index<NatGateway> natsByPublicIp = new Index<>();
    final Index<AzureFirewall> firewallsByPublicIp = new Index<>();

    Links(Topology topology) {
        this.topology = topology;
        for (Subnet s : topology.subnets()) {
            subnetsByVnet.add(s.vnetId(), s);
            s.natGatewayId().ifPresent(n -> subnetsByNat.add(n, s));
        }
        topology.peerings().forEach(p -> peeringsByVnet.add(p.localVnetId(), p));
        topology.gateways().forEach(g -> gatewaysByVnet.add(g.vnetId(), g));
        for (Connection c : topology.connections()) {
            connectionsByGateway.add(c.gatewayId(), c);
            connectionsByPeer.add(c.peerId(), c);
        }
        for (NetworkInterface nic : topology.nics()) {
            nic.publicIpIds().forEach(p -> nicsByPublicIp.add(p, nic));
            nic.asgIds().forEach(a -> nicsByAsg.add(a, nic));
        }
        for (NatGateway n : topology.natGateways()) {
            n.publicIpIds().forEach(p -> natsByPublicIp.add(p, n));
        }
        for (AzureFirewall f : topology.firewalls()) {
            f.publicIpIds().forEach(p -> firewallsByPublicIp.add(p, f));
        }
    }

    /** Rows by the id of what they relate to. */
    static final class Index<V> {
        private final Map<ResourceId, List<V>> rows = new HashMap<>();

        void add(ResourceId key, V value) {
            rows.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }

        List<V> get(ResourceId key) {
            return rows.getOrDefault(key, List.of());
        }
    }

    /**
     * The records of these referenced ids, in order; an id not in the snapshot (an unresolved placeholder) is a null,
     * on which every condition is unknown ({@link Pred#testOrUnknown}).
     */
    static <T> List<T> referenced(List<ResourceId> ids, Function<ResourceId, Optional<T>> find) {
        List<T> out = new ArrayList<>(ids.size());
        for (ResourceId id : ids) {
            out.add(find.apply(id).orElse(null));
        }
        return out;
    }

    /** The public IP records of these ids (an id not in the snapshot is left out). */
    List<PublicIpAddress> publicIps(List<ResourceId> ids) {
        List<PublicIpAddress> out = new ArrayList<>(ids.size());
        for (ResourceId id : ids) {
            topology.publicIp(id).ifPresent(out::add);
        }
        return out;
    }
}
