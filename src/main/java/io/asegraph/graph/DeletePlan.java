package io.asegraph.graph;

import io.asegraph.estate.Estate;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.policy.SecurityRule;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.Connection;
import io.asegraph.topology.NatGateway;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.Peering;
import io.asegraph.topology.PrivateEndpoint;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.ResourceType;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.VirtualNetworkGateway;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What deleting one resource takes with it, worked out on a snapshot.
 * <ul>
 * <li>Its own parts go with it: a VNet's subnets and its side of its peerings (an NSG's rules and a route table's
 * routes are stored with them).</li>
 * <li>Resources that cannot exist without it are its <em>dependents</em>, deleted only with cascade (and their own
 * dependents with them): the ASEs and network interfaces in a deleted subnet, the apps on a deleted ASE, the gateways
 * of a deleted VNet, the other VNets' peerings to it, the connections of a deleted gateway or local network
 * gateway.</li>
 * <li>Resources that merely point at it are <em>detached</em> with cascade: a subnet or NIC loses its NSG, a subnet
 * its route table or NAT gateway, a NIC or NAT gateway the deleted public IP, a NIC its membership of a deleted ASG,
 * a gateway its default site. A security rule naming a deleted ASG loses it; a rule left with no source or no
 * destination is removed. A changed NSG gets a new etag.</li>
 * </ul>
 * Without cascade, any dependent or detached resource is a reference that refuses the delete (Azure likewise refuses
 * to delete an NSG still associated with a subnet).
 */
final class DeletePlan {
    /** The batch to write, what it deletes and detaches, and the references that need cascade (as phrases). */
    record Result(ImportBatch batch, List<ResourceId> deleted, List<ResourceId> detached, List<String> references) {}

    private final Topology t;
    private final Estate estate;
    private final Supplier<String> etags;
    private final Map<ResourceId, ResourceKind> deleted = new LinkedHashMap<>();
    private final Deque<ResourceId> queue = new ArrayDeque<>();
    private final List<String> references = new ArrayList<>();
    private final Map<ResourceId, Subnet> subnets = new LinkedHashMap<>();
    private final Map<ResourceId, NetworkInterface> nics = new LinkedHashMap<>();
    private final Map<ResourceId, NatGateway> nats = new LinkedHashMap<>();
    private final Map<ResourceId, AzureFirewall> firewalls = new LinkedHashMap<>();
    private final Map<ResourceId, VirtualNetworkGateway> gateways = new LinkedHashMap<>();
    private final Map<ResourceId, NetworkSecurityGroup> nsgs = new LinkedHashMap<>();

    private DeletePlan(Estate estate, Supplier<String> etags) {
        this.estate = estate;
        this.t = estate.topology();
        this.etags = etags;
    }

    static Result of(Estate estate, ResourceId id, ResourceKind kind, Supplier<String> etags) {
        return new DeletePlan(estate, etags).run(id, kind);
    }

    private Result run(ResourceId id, ResourceKind kind) {
        delete(id, kind);
        while (!queue.isEmpty()) {
            ResourceId x = queue.pop();
            dependents(x, deleted.get(x));
        }
        for (Map.Entry<ResourceId, ResourceKind> e : List.copyOf(deleted.entrySet())) {
            detach(e.getKey(), e.getValue());
        }
        ImportBatch.Builder b = new ImportBatch.Builder();
        deleted.forEach((x, k) -> b.remove(k, x));
        List<ResourceId> detached = new ArrayList<>();
        subnets.values().forEach(s -> add(b, NetworkTypes.SUBNET, s, detached));
        nics.values().forEach(n -> add(b, NetworkTypes.NETWORK_INTERFACE, n, detached));
        nats.values().forEach(n -> add(b, NetworkTypes.NAT_GATEWAY, n, detached));
        firewalls.values().forEach(f -> add(b, NetworkTypes.AZURE_FIREWALL, f, detached));
        gateways.values().forEach(g -> add(b, NetworkTypes.VIRTUAL_NETWORK_GATEWAY, g, detached));
        nsgs.values()
                .forEach(n -> add(
                        b,
                        PolicyTypes.NETWORK_SECURITY_GROUP,
                        new NetworkSecurityGroup(n.id(), n.name(), n.location(), etags.get(), n.rules()),
                        detached));
        return new Result(b.build(), List.copyOf(deleted.keySet()), detached, references);
    }

    private <T extends Resource> void add(ImportBatch.Builder b, ResourceType<T> type, T r, List<ResourceId> detached) {
        if (!deleted.containsKey(r.id())) {
            b.upsert(type, r);
            detached.add(r.id());
        }
    }

    private void delete(ResourceId id, ResourceKind kind) {
        if (deleted.putIfAbsent(id, kind) == null) {
            queue.add(id);
        }
    }

    private void dependent(ResourceId id, ResourceKind kind, String name, String why) {
        if (!deleted.containsKey(id)) {
            references.add(kind.noun() + " '" + name + "' (" + id.value() + ") " + why);
        }
        delete(id, kind);
    }

    private void dependents(ResourceId x, ResourceKind kind) {
        switch (kind) {
            case VIRTUAL_NETWORK -> {
                for (Subnet s : t.subnets()) {
                    if (s.vnetId().equals(x)) {
                        delete(s.id(), ResourceKind.SUBNET);
                    }
                }
                for (Peering p : t.peerings()) {
                    if (p.localVnetId().equals(x)) {
                        delete(p.id(), ResourceKind.PEERING);
                    } else if (p.remoteVnetId().equals(x)) {
                        dependent(p.id(), ResourceKind.PEERING, p.name(), "peers with it");
                    }
                }
                for (VirtualNetworkGateway g : t.gateways()) {
                    if (g.vnetId().equals(x)) {
                        dependent(g.id(), ResourceKind.VIRTUAL_NETWORK_GATEWAY, g.name(), "serves it");
                    }
                }
            }
            case SUBNET -> {
                for (AppServiceEnvironment e : t.environments()) {
                    if (e.subnetId().equals(x)) {
                        dependent(
                                e.id(),
                                ResourceKind.APP_SERVICE_ENVIRONMENT,
                                e.name(),
                                "is deployed in subnet " + x.name());
                    }
                }
                for (NetworkInterface n : t.nics()) {
                    if (n.subnetId().equals(x)) {
                        dependent(n.id(), ResourceKind.NETWORK_INTERFACE, n.name(), "is in subnet " + x.name());
                    }
                }
                for (PrivateEndpoint p : t.privateEndpoints()) {
                    if (p.subnetId().equals(x)) {
                        dependent(p.id(), ResourceKind.PRIVATE_ENDPOINT, p.name(), "is in subnet " + x.name());
                    }
                }
                for (AzureFirewall f : t.firewalls()) {
                    if (f.subnetId().filter(x::equals).isPresent()) {
                        dependent(f.id(), ResourceKind.AZURE_FIREWALL, f.name(), "is in subnet " + x.name());
                    }
                }
            }
            case APP_SERVICE_ENVIRONMENT -> {
                for (App a : t.apps()) {
                    if (a.aseId().equals(x)) {
                        dependent(a.id(), ResourceKind.APP, a.name(), "is hosted on it");
                    }
                }
            }
            case VIRTUAL_NETWORK_GATEWAY, LOCAL_NETWORK_GATEWAY -> {
                for (Connection c : t.connections()) {
                    if (c.gatewayId().equals(x) || c.peerId().equals(x)) {
                        dependent(c.id(), ResourceKind.CONNECTION, c.name(), "connects it");
                    }
                }
            }
            default -> {
                // nothing depends on the other kinds
            }
        }
    }

    private void detach(ResourceId x, ResourceKind kind) {
        switch (kind) {
            case NETWORK_SECURITY_GROUP -> {
                for (Subnet s : t.subnets()) {
                    if (s.nsgId().filter(x::equals).isPresent()) {
                        Subnet c = subnet(s, "is associated with it");
                        subnets.put(c.id(), c.with(Optional.empty(), c.routeTableId(), c.natGatewayId()));
                    }
                }
                for (NetworkInterface n : t.nics()) {
                    if (n.nsgId().filter(x::equals).isPresent()) {
                        NetworkInterface c = nic(n, "is associated with it");
                        nics.put(
                                c.id(),
                                new NetworkInterface(
                                        c.id(),
                                        c.name(),
                                        c.location(),
                                        c.subnetId(),
                                        c.privateIp(),
                                        Optional.empty(),
                                        c.asgIds(),
                                        c.publicIpIds(),
                                        c.virtualMachine()));
                    }
                }
            }
            case ROUTE_TABLE, NAT_GATEWAY -> {
                boolean table = kind == ResourceKind.ROUTE_TABLE;
                for (Subnet s : t.subnets()) {
                    if ((table ? s.routeTableId() : s.natGatewayId())
                            .filter(x::equals)
                            .isPresent()) {
                        Subnet c = subnet(s, table ? "is routed by it" : "egresses through it");
                        subnets.put(
                                c.id(),
                                c.with(
                                        c.nsgId(),
                                        table ? Optional.empty() : c.routeTableId(),
                                        table ? c.natGatewayId() : Optional.empty()));
                    }
                }
            }
            case PUBLIC_IP_ADDRESS -> {
                for (NetworkInterface n : t.nics()) {
                    if (n.publicIpIds().contains(x)) {
                        NetworkInterface c = nic(n, "uses it");
                        nics.put(
                                c.id(),
                                new NetworkInterface(
                                        c.id(),
                                        c.name(),
                                        c.location(),
                                        c.subnetId(),
                                        c.privateIp(),
                                        c.nsgId(),
                                        c.asgIds(),
                                        without(c.publicIpIds(), x),
                                        c.virtualMachine()));
                    }
                }
                for (AzureFirewall f : t.firewalls()) {
                    if (f.publicIpIds().contains(x) && !deleted.containsKey(f.id())) {
                        references.add("Azure Firewall '" + f.name() + "' (" + f.id().value() + ") uses it");
                        AzureFirewall c = firewalls.getOrDefault(f.id(), f);
                        firewalls.put(c.id(), c.withPublicIps(without(c.publicIpIds(), x)));
                    }
                }
                for (NatGateway g : t.natGateways()) {
                    if (g.publicIpIds().contains(x) && !deleted.containsKey(g.id())) {
                        references.add("NAT gateway '" + g.name() + "' (" + g.id().value() + ") uses it");
                        NatGateway c = nats.getOrDefault(g.id(), g);
                        nats.put(c.id(), new NatGateway(c.id(), c.name(), c.location(), without(c.publicIpIds(), x)));
                    }
                }
            }
            case APPLICATION_SECURITY_GROUP -> {
                for (NetworkInterface n : t.nics()) {
                    if (n.asgIds().contains(x)) {
                        NetworkInterface c = nic(n, "is a member of it");
                        nics.put(
                                c.id(),
                                new NetworkInterface(
                                        c.id(),
                                        c.name(),
                                        c.location(),
                                        c.subnetId(),
                                        c.privateIp(),
                                        c.nsgId(),
                                        without(c.asgIds(), x),
                                        c.publicIpIds(),
                                        c.virtualMachine()));
                    }
                }
                for (NetworkSecurityGroup g : estate.policies().nsgs()) {
                    NetworkSecurityGroup c = nsgs.getOrDefault(g.id(), g);
                    List<SecurityRule> rules = new ArrayList<>();
                    boolean changed = false;
                    for (SecurityRule r : c.rules()) {
                        if (!r.sourceAsgs().contains(x) && !r.destinationAsgs().contains(x)) {
                            rules.add(r);
                            continue;
                        }
                        changed = true;
                        references.add(
                                "rule '" + r.name() + "' of NSG '" + g.name() + "' (" + g.id().value() + ") names it");
                        SecurityRule s = new SecurityRule(
                                r.name(),
                                r.priority(),
                                r.direction(),
                                r.access(),
                                r.protocol(),
                                r.sourcePrefixes(),
                                r.sourcePorts(),
                                r.destinationPrefixes(),
                                r.destinationPorts(),
                                without(r.sourceAsgs(), x),
                                without(r.destinationAsgs(), x),
                                r.description(),
                                false);
                        boolean hasSource =
                                !s.sourcePrefixes().isEmpty() || !s.sourceAsgs().isEmpty();
                        boolean hasDestination = !s.destinationPrefixes().isEmpty()
                                || !s.destinationAsgs().isEmpty();
                        if (hasSource && hasDestination) {
                            rules.add(s);
                        }
                    }
                    if (changed) {
                        nsgs.put(c.id(), new NetworkSecurityGroup(c.id(), c.name(), c.location(), c.etag(), rules));
                    }
                }
            }
            case LOCAL_NETWORK_GATEWAY -> {
                for (VirtualNetworkGateway g : t.gateways()) {
                    if (g.defaultSite().filter(x::equals).isPresent() && !deleted.containsKey(g.id())) {
                        references.add("virtual network gateway '" + g.name() + "' (" + g.id().value()
                                + ") uses it as default site");
                        VirtualNetworkGateway c = gateways.getOrDefault(g.id(), g);
                        gateways.put(
                                c.id(),
                                new VirtualNetworkGateway(
                                        c.id(),
                                        c.name(),
                                        c.location(),
                                        c.vnetId(),
                                        c.gatewayType(),
                                        Optional.empty(),
                                        c.learnedRoutes()));
                    }
                }
            }
            default -> {
                // nothing else points at the other kinds
            }
        }
    }

    /** The subnet as modified so far; notes the reference when the subnet itself stays. */
    private Subnet subnet(Subnet s, String why) {
        if (!deleted.containsKey(s.id())) {
            references.add("subnet '" + s.name() + "' (" + s.id().value() + ") " + why);
        }
        return subnets.getOrDefault(s.id(), s);
    }

    private NetworkInterface nic(NetworkInterface n, String why) {
        if (!deleted.containsKey(n.id())) {
            references.add("network interface '" + n.name() + "' (" + n.id().value() + ") " + why);
        }
        return nics.getOrDefault(n.id(), n);
    }

    private static List<ResourceId> without(List<ResourceId> ids, ResourceId x) {
        return ids.stream().filter(i -> !i.equals(x)).toList();
    }
}
