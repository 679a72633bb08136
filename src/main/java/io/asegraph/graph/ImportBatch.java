package io.asegraph.graph;

import io.asegraph.importing.ResourceKind;
import io.asegraph.policy.ApplicationSecurityGroup;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.Connection;
import io.asegraph.topology.Endpoint;
import io.asegraph.topology.LocalNetworkGateway;
import io.asegraph.topology.NatGateway;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Peering;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.RouteTable;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.VirtualNetwork;
import io.asegraph.topology.VirtualNetworkGateway;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one transaction writes: resources to upsert (each replaced exactly: properties, outgoing references, an NSG's
 * rules, a route table's routes) and resources to remove, by kind (subnets and peerings a re-imported VNet no longer
 * lists, or what a delete takes with it). Only what changed belongs in a batch; an empty batch writes nothing.
 * {@code created} names the upserted resources the graph did not hold when the batch was planned: the writer creates
 * them without looking for old state to replace (a concurrent writer that made one meanwhile fails the transaction on
 * the key constraint, whole).
 */
public record ImportBatch(List<VirtualNetwork> vnets, List<Subnet> subnets, List<Peering> peerings,
        List<NetworkSecurityGroup> nsgs, List<RouteTable> routeTables, List<NetworkInterface> nics,
        List<ApplicationSecurityGroup> asgs, List<NatGateway> natGateways, List<PublicIpAddress> publicIps,
        List<VirtualNetworkGateway> gateways, List<LocalNetworkGateway> localGateways, List<Connection> connections,
        List<AppServiceEnvironment> environments, List<App> apps, List<Endpoint> endpoints, List<ServiceTag> serviceTags,
        Map<ResourceKind, Set<ResourceId>> removals, Set<ResourceId> created) {
    public ImportBatch {
        created = Set.copyOf(created);
        vnets = List.copyOf(vnets);
        subnets = List.copyOf(subnets);
        peerings = List.copyOf(peerings);
        nsgs = List.copyOf(nsgs);
        routeTables = List.copyOf(routeTables);
        nics = List.copyOf(nics);
        asgs = List.copyOf(asgs);
        natGateways = List.copyOf(natGateways);
        publicIps = List.copyOf(publicIps);
        gateways = List.copyOf(gateways);
        localGateways = List.copyOf(localGateways);
        connections = List.copyOf(connections);
        environments = List.copyOf(environments);
        apps = List.copyOf(apps);
        endpoints = List.copyOf(endpoints);
        serviceTags = List.copyOf(serviceTags);
        Map<ResourceKind, Set<ResourceId>> r = new EnumMap<>(ResourceKind.class);
        removals.forEach((k, v) -> {
            if (!v.isEmpty()) {
                r.put(k, Set.copyOf(v));
            }
        });
        removals = java.util.Collections.unmodifiableMap(r);
    }

    /** Resources to upsert, service tags included. */
    public int size() {
        return vnets.size() + subnets.size() + peerings.size() + nsgs.size() + routeTables.size() + nics.size() + asgs.size()
                + natGateways.size() + publicIps.size() + gateways.size() + localGateways.size() + connections.size()
                + environments.size() + apps.size() + endpoints.size() + serviceTags.size();
    }

    /** Resources to remove. */
    public int removalCount() {
        return removals.values().stream().mapToInt(Set::size).sum();
    }

    public boolean isEmpty() {
        return size() == 0 && removals.isEmpty();
    }

    /** Collects a batch. */
    public static final class Builder {
        final List<VirtualNetwork> vnets = new ArrayList<>();
        final List<Subnet> subnets = new ArrayList<>();
        final List<Peering> peerings = new ArrayList<>();
        final List<NetworkSecurityGroup> nsgs = new ArrayList<>();
        final List<RouteTable> routeTables = new ArrayList<>();
        final List<NetworkInterface> nics = new ArrayList<>();
        final List<ApplicationSecurityGroup> asgs = new ArrayList<>();
        final List<NatGateway> natGateways = new ArrayList<>();
        final List<PublicIpAddress> publicIps = new ArrayList<>();
        final List<VirtualNetworkGateway> gateways = new ArrayList<>();
        final List<LocalNetworkGateway> localGateways = new ArrayList<>();
        final List<Connection> connections = new ArrayList<>();
        final List<AppServiceEnvironment> environments = new ArrayList<>();
        final List<App> apps = new ArrayList<>();
        final List<Endpoint> endpoints = new ArrayList<>();
        final List<ServiceTag> serviceTags = new ArrayList<>();
        final Map<ResourceKind, Set<ResourceId>> removals = new EnumMap<>(ResourceKind.class);
        final Set<ResourceId> created = new java.util.HashSet<>();

        public Builder remove(ResourceKind kind, ResourceId id) {
            removals.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(id);
            return this;
        }

        public ImportBatch build() {
            return new ImportBatch(vnets, subnets, peerings, nsgs, routeTables, nics, asgs, natGateways, publicIps, gateways,
                    localGateways, connections, environments, apps, endpoints, serviceTags, removals, created);
        }
    }
}
