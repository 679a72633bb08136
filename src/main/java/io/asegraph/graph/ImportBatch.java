package io.asegraph.graph;

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
import java.util.List;
import java.util.Set;

/**
 * Validated resources to upsert in one transaction. {@code completeVnets} names the VNets whose subnets and
 * peerings the batch lists completely (a VNet document embeds them): their subnets and peerings that the batch no
 * longer lists are removed.
 */
public record ImportBatch(List<VirtualNetwork> vnets, List<Subnet> subnets, List<Peering> peerings, Set<ResourceId> completeVnets,
        List<NetworkSecurityGroup> nsgs, List<RouteTable> routeTables, List<NetworkInterface> nics,
        List<ApplicationSecurityGroup> asgs, List<NatGateway> natGateways, List<PublicIpAddress> publicIps,
        List<VirtualNetworkGateway> gateways, List<LocalNetworkGateway> localGateways, List<Connection> connections,
        List<AppServiceEnvironment> environments, List<App> apps, List<Endpoint> endpoints, List<ServiceTag> serviceTags) {
    public ImportBatch {
        vnets = List.copyOf(vnets);
        subnets = List.copyOf(subnets);
        peerings = List.copyOf(peerings);
        completeVnets = Set.copyOf(completeVnets);
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
    }

    public int size() {
        return vnets.size() + subnets.size() + peerings.size() + nsgs.size() + routeTables.size() + nics.size() + asgs.size()
                + natGateways.size() + publicIps.size() + gateways.size() + localGateways.size() + connections.size()
                + environments.size() + apps.size() + endpoints.size() + serviceTags.size();
    }
}
