package io.asegraph.importing;

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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link ImportParser#parse} made of a document: the domain records per kind, in document order, the
 * header of a Service Tags file if it was one, the warnings and the problems.
 *
 * <p>All or nothing: when {@link #problems()} is not empty the document must not be written; the lists then hold
 * only the resources that parsed without a problem of their own and are for diagnostics only. NSGs carry their user
 * rules only (the input's {@code defaultSecurityRules} are ignored: they are {@code DefaultRules.ALL} everywhere).
 * Records compare with {@code equals}, so a writer can tell created, updated and unchanged resources apart.
 *
 * <p>Absent is not empty. {@code unstated} names, per resource, the parts of its state the document has no key for
 * (an NSG without {@code securityRules}, a VNet without {@code subnets}, an ASE without {@code addresses}, which is
 * what {@code az appservice ase show} prints): an import keeps what the graph holds for them. {@code listed} are the
 * resources given without any properties ({@code az resource list}): references that change nothing. Both were
 * checked to exist in the graph where keeping is needed (a new resource whose rules or routes are unknown is a
 * problem).
 */
public record ParsedDocument(
        List<VirtualNetwork> virtualNetworks,
        List<Subnet> subnets,
        List<Peering> peerings,
        List<NetworkSecurityGroup> networkSecurityGroups,
        List<RouteTable> routeTables,
        List<NetworkInterface> networkInterfaces,
        List<ApplicationSecurityGroup> applicationSecurityGroups,
        List<NatGateway> natGateways,
        List<PublicIpAddress> publicIpAddresses,
        List<VirtualNetworkGateway> virtualNetworkGateways,
        List<LocalNetworkGateway> localNetworkGateways,
        List<Connection> connections,
        List<AppServiceEnvironment> appServiceEnvironments,
        List<App> apps,
        List<Endpoint> endpoints,
        List<ServiceTag> serviceTags,
        Optional<ServiceTagsFile> serviceTagsFile,
        Map<ResourceId, Set<StatePart>> unstated,
        List<ListedResource> listed,
        List<ImportWarning> warnings,
        List<ImportProblem> problems) {

    public ParsedDocument {
        virtualNetworks = List.copyOf(virtualNetworks);
        subnets = List.copyOf(subnets);
        peerings = List.copyOf(peerings);
        networkSecurityGroups = List.copyOf(networkSecurityGroups);
        routeTables = List.copyOf(routeTables);
        networkInterfaces = List.copyOf(networkInterfaces);
        applicationSecurityGroups = List.copyOf(applicationSecurityGroups);
        natGateways = List.copyOf(natGateways);
        publicIpAddresses = List.copyOf(publicIpAddresses);
        virtualNetworkGateways = List.copyOf(virtualNetworkGateways);
        localNetworkGateways = List.copyOf(localNetworkGateways);
        connections = List.copyOf(connections);
        appServiceEnvironments = List.copyOf(appServiceEnvironments);
        apps = List.copyOf(apps);
        endpoints = List.copyOf(endpoints);
        serviceTags = List.copyOf(serviceTags);
        serviceTagsFile = serviceTagsFile == null ? Optional.empty() : serviceTagsFile;
        unstated = Map.copyOf(unstated);
        listed = List.copyOf(listed);
        warnings = List.copyOf(warnings);
        problems = List.copyOf(problems);
    }

    /** True when the document gives no key for {@code part} of resource {@code id}: the stored part is kept. */
    public boolean unstated(ResourceId id, StatePart part) {
        Set<StatePart> parts = unstated.get(id);
        return parts != null && parts.contains(part);
    }

    /** True when the document has no problem and may be written. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** How many records of each kind were parsed (kinds with none are left out). */
    public Map<ResourceKind, Integer> counts() {
        Map<ResourceKind, Integer> m = new EnumMap<>(ResourceKind.class);
        put(m, ResourceKind.VIRTUAL_NETWORK, virtualNetworks);
        put(m, ResourceKind.SUBNET, subnets);
        put(m, ResourceKind.PEERING, peerings);
        put(m, ResourceKind.NETWORK_SECURITY_GROUP, networkSecurityGroups);
        put(m, ResourceKind.ROUTE_TABLE, routeTables);
        put(m, ResourceKind.NETWORK_INTERFACE, networkInterfaces);
        put(m, ResourceKind.APPLICATION_SECURITY_GROUP, applicationSecurityGroups);
        put(m, ResourceKind.NAT_GATEWAY, natGateways);
        put(m, ResourceKind.PUBLIC_IP_ADDRESS, publicIpAddresses);
        put(m, ResourceKind.VIRTUAL_NETWORK_GATEWAY, virtualNetworkGateways);
        put(m, ResourceKind.LOCAL_NETWORK_GATEWAY, localNetworkGateways);
        put(m, ResourceKind.CONNECTION, connections);
        put(m, ResourceKind.APP_SERVICE_ENVIRONMENT, appServiceEnvironments);
        put(m, ResourceKind.APP, apps);
        put(m, ResourceKind.ENDPOINT, endpoints);
        put(m, ResourceKind.SERVICE_TAGS, serviceTags);
        return m;
    }

    /** The number of records of every kind together (service tags included). */
    public int resourceCount() {
        return counts().values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void put(Map<ResourceKind, Integer> m, ResourceKind kind, List<?> list) {
        if (!list.isEmpty()) {
            m.put(kind, list.size());
        }
    }
}
