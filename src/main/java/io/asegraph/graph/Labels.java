package io.asegraph.graph;

import java.util.List;

/** Labels and relationship types of the graph model; Cypher never takes them from input. */
public final class Labels {
    public static final String VIRTUAL_NETWORK = "VirtualNetwork";
    public static final String SUBNET = "Subnet";
    public static final String ASE = "AppServiceEnvironment";
    public static final String APP = "App";
    public static final String NIC = "NetworkInterface";
    public static final String ENDPOINT = "Endpoint";
    public static final String NSG = "NetworkSecurityGroup";
    public static final String RULE = "SecurityRule";
    public static final String ROUTE_TABLE = "RouteTable";
    public static final String ROUTE = "Route";
    public static final String VNET_GATEWAY = "VirtualNetworkGateway";
    public static final String LOCAL_GATEWAY = "LocalNetworkGateway";
    public static final String NAT_GATEWAY = "NatGateway";
    public static final String PUBLIC_IP = "PublicIpAddress";
    public static final String ASG = "ApplicationSecurityGroup";
    public static final String SERVICE_TAG = "ServiceTag";
    public static final String AZURE_FIREWALL = "AzureFirewall";
    public static final String FIREWALL_POLICY = "FirewallPolicy";
    public static final String IP_GROUP = "IpGroup";
    public static final String PRIVATE_ENDPOINT = "PrivateEndpoint";
    public static final String RULE_COLLECTION_GROUP = "FirewallRuleCollectionGroup";
    /**
     * An unresolved placeholder: a resource referenced by an import but never imported itself. The node also has its
     * kind's label and {@code unresolved: true}; readers leave it out (see {@code Unresolved}).
     */
    public static final String UNRESOLVED = "Unresolved";
    /** The one node holding the store's version, seed state and any unfinished import ({@code key: 'meta'}). */
    public static final String META = "AsegraphMeta";
    /** A committed write ({@link ChangeRecord}). */
    public static final String CHANGE = "Change";
    /** One resource's states before and after one committed write ({@link ResourceHistory}). */
    public static final String RESOURCE_VERSION = "ResourceVersion";
    /** The meta node as a Cypher pattern, bound to {@code m}. */
    public static final String META_NODE = "(m:" + META + " {key: 'meta'})";

    /** Every resource label (nodes with a unique key). */
    public static final List<String> RESOURCES = List.of(
            VIRTUAL_NETWORK,
            SUBNET,
            ASE,
            APP,
            NIC,
            ENDPOINT,
            NSG,
            RULE,
            ROUTE_TABLE,
            ROUTE,
            VNET_GATEWAY,
            LOCAL_GATEWAY,
            NAT_GATEWAY,
            PUBLIC_IP,
            ASG,
            SERVICE_TAG,
            AZURE_FIREWALL,
            FIREWALL_POLICY,
            IP_GROUP,
            PRIVATE_ENDPOINT,
            RULE_COLLECTION_GROUP);

    private Labels() {}
}
