package io.asegraph.topology;

import java.util.List;

/**
 * The typed keys of the network kinds: every {@link ResourceKind} a {@link Topology} holds, with its record. The
 * policy kinds are in {@code PolicyTypes} of the policy package.
 */
public final class NetworkTypes {
    public static final ResourceType<VirtualNetwork> VIRTUAL_NETWORK =
            new ResourceType<>(ResourceKind.VIRTUAL_NETWORK, VirtualNetwork.class);
    public static final ResourceType<Subnet> SUBNET = new ResourceType<>(ResourceKind.SUBNET, Subnet.class);
    public static final ResourceType<Peering> PEERING = new ResourceType<>(ResourceKind.PEERING, Peering.class);
    public static final ResourceType<RouteTable> ROUTE_TABLE =
            new ResourceType<>(ResourceKind.ROUTE_TABLE, RouteTable.class);
    public static final ResourceType<NetworkInterface> NETWORK_INTERFACE =
            new ResourceType<>(ResourceKind.NETWORK_INTERFACE, NetworkInterface.class);
    public static final ResourceType<NatGateway> NAT_GATEWAY =
            new ResourceType<>(ResourceKind.NAT_GATEWAY, NatGateway.class);
    public static final ResourceType<PublicIpAddress> PUBLIC_IP_ADDRESS =
            new ResourceType<>(ResourceKind.PUBLIC_IP_ADDRESS, PublicIpAddress.class);
    public static final ResourceType<VirtualNetworkGateway> VIRTUAL_NETWORK_GATEWAY =
            new ResourceType<>(ResourceKind.VIRTUAL_NETWORK_GATEWAY, VirtualNetworkGateway.class);
    public static final ResourceType<LocalNetworkGateway> LOCAL_NETWORK_GATEWAY =
            new ResourceType<>(ResourceKind.LOCAL_NETWORK_GATEWAY, LocalNetworkGateway.class);
    public static final ResourceType<Connection> CONNECTION =
            new ResourceType<>(ResourceKind.CONNECTION, Connection.class);
    public static final ResourceType<AppServiceEnvironment> APP_SERVICE_ENVIRONMENT =
            new ResourceType<>(ResourceKind.APP_SERVICE_ENVIRONMENT, AppServiceEnvironment.class);
    public static final ResourceType<App> APP = new ResourceType<>(ResourceKind.APP, App.class);
    public static final ResourceType<Endpoint> ENDPOINT = new ResourceType<>(ResourceKind.ENDPOINT, Endpoint.class);
    public static final ResourceType<AzureFirewall> AZURE_FIREWALL =
            new ResourceType<>(ResourceKind.AZURE_FIREWALL, AzureFirewall.class);
    public static final ResourceType<IpGroup> IP_GROUP = new ResourceType<>(ResourceKind.IP_GROUP, IpGroup.class);
    public static final ResourceType<PrivateEndpoint> PRIVATE_ENDPOINT =
            new ResourceType<>(ResourceKind.PRIVATE_ENDPOINT, PrivateEndpoint.class);
    public static final ResourceType<FirewallPolicy> FIREWALL_POLICY =
            new ResourceType<>(ResourceKind.FIREWALL_POLICY, FirewallPolicy.class);
    public static final ResourceType<FirewallRuleCollectionGroup> RULE_COLLECTION_GROUP =
            new ResourceType<>(ResourceKind.RULE_COLLECTION_GROUP, FirewallRuleCollectionGroup.class);

    /** All of them, in the order of {@link ResourceKind}. */
    public static final List<ResourceType<? extends Resource>> ALL = List.of(
            VIRTUAL_NETWORK,
            SUBNET,
            PEERING,
            ROUTE_TABLE,
            NETWORK_INTERFACE,
            NAT_GATEWAY,
            PUBLIC_IP_ADDRESS,
            VIRTUAL_NETWORK_GATEWAY,
            LOCAL_NETWORK_GATEWAY,
            CONNECTION,
            APP_SERVICE_ENVIRONMENT,
            APP,
            ENDPOINT,
            AZURE_FIREWALL,
            FIREWALL_POLICY,
            IP_GROUP,
            PRIVATE_ENDPOINT,
            RULE_COLLECTION_GROUP);

    private NetworkTypes() {}
}
