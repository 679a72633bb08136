package io.asegraph.topology;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kinds of resource an import document may hold, with their ARM type (as {@code az} prints it in {@code type})
 * and their name in the graph model of {@code graph-seed/001-schema.cypher}: a node label, or for peerings and
 * connections the relationship type that carries them. ARM types are matched case-insensitively.
 */
public enum ResourceKind {
    VIRTUAL_NETWORK("Microsoft.Network/virtualNetworks", "VirtualNetwork", "virtual network"),
    SUBNET("Microsoft.Network/virtualNetworks/subnets", "Subnet", "subnet"),
    PEERING("Microsoft.Network/virtualNetworks/virtualNetworkPeerings", "PEERED_WITH", "virtual network peering"),
    NETWORK_SECURITY_GROUP("Microsoft.Network/networkSecurityGroups", "NetworkSecurityGroup", "network security group"),
    ROUTE_TABLE("Microsoft.Network/routeTables", "RouteTable", "route table"),
    NETWORK_INTERFACE("Microsoft.Network/networkInterfaces", "NetworkInterface", "network interface"),
    APPLICATION_SECURITY_GROUP(
            "Microsoft.Network/applicationSecurityGroups", "ApplicationSecurityGroup", "application security group"),
    NAT_GATEWAY("Microsoft.Network/natGateways", "NatGateway", "NAT gateway"),
    PUBLIC_IP_ADDRESS("Microsoft.Network/publicIPAddresses", "PublicIpAddress", "public IP address"),
    VIRTUAL_NETWORK_GATEWAY(
            "Microsoft.Network/virtualNetworkGateways", "VirtualNetworkGateway", "virtual network gateway"),
    LOCAL_NETWORK_GATEWAY("Microsoft.Network/localNetworkGateways", "LocalNetworkGateway", "local network gateway"),
    CONNECTION("Microsoft.Network/connections", "CONNECTS", "gateway connection"),
    APP_SERVICE_ENVIRONMENT("Microsoft.Web/hostingEnvironments", "AppServiceEnvironment", "App Service Environment"),
    APP("Microsoft.Web/sites", "App", "app"),
    ENDPOINT("asegraph/endpoints", "Endpoint", "endpoint"),
    AZURE_FIREWALL("Microsoft.Network/azureFirewalls", "AzureFirewall", "Azure Firewall"),
    FIREWALL_POLICY("Microsoft.Network/firewallPolicies", "FirewallPolicy", "firewall policy"),
    IP_GROUP("Microsoft.Network/ipGroups", "IpGroup", "IP group"),
    PRIVATE_ENDPOINT("Microsoft.Network/privateEndpoints", "PrivateEndpoint", "private endpoint"),
    RULE_COLLECTION_GROUP(
            "Microsoft.Network/firewallPolicies/ruleCollectionGroups",
            "FirewallRuleCollectionGroup",
            "rule collection group"),
    SERVICE_TAGS("Microsoft.Network/serviceTags", "ServiceTag", "service tag list");

    private static final Map<String, ResourceKind> BY_TYPE = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(k -> k.armType.toLowerCase(Locale.ROOT), Function.identity()));
    private static final Map<String, ResourceKind> BY_GRAPH_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(k -> k.graphName, Function.identity()));

    private final String armType;
    private final String graphName;
    private final String noun;

    ResourceKind(String armType, String graphName, String noun) {
        this.armType = armType;
        this.graphName = graphName;
        this.noun = noun;
    }

    /** The ARM resource type, e.g. {@code Microsoft.Network/networkSecurityGroups}. */
    public String armType() {
        return armType;
    }

    /** The node label (or relationship type for {@link #PEERING} and {@link #CONNECTION}) in the graph. */
    public String graphName() {
        return graphName;
    }

    /** What a person calls it, for messages: "network security group". */
    public String noun() {
        return noun;
    }

    /** The noun with its indefinite article: "a subnet", "an App Service Environment". */
    public String withArticle() {
        return ("aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /**
     * False for the kinds whose whole state is their id, name and location (an application security group), and for
     * a Service Tags file: an entry of such a kind without {@code properties} states all there is to state.
     */
    public boolean hasProperties() {
        return this != APPLICATION_SECURITY_GROUP && this != SERVICE_TAGS;
    }

    /** How to print this resource with its properties, for messages: "az network nsg show --ids ID". */
    public String howToExport(String id) {
        String command =
                switch (this) {
                    case VIRTUAL_NETWORK -> "az network vnet show";
                    case SUBNET -> "az network vnet subnet show";
                    case PEERING -> "az network vnet peering show";
                    case NETWORK_SECURITY_GROUP -> "az network nsg show";
                    case ROUTE_TABLE -> "az network route-table show";
                    case NETWORK_INTERFACE -> "az network nic show";
                    case APPLICATION_SECURITY_GROUP -> "az network asg show";
                    case NAT_GATEWAY -> "az network nat gateway show";
                    case PUBLIC_IP_ADDRESS -> "az network public-ip show";
                    case VIRTUAL_NETWORK_GATEWAY -> "az network vnet-gateway show";
                    case LOCAL_NETWORK_GATEWAY -> "az network local-gateway show";
                    case CONNECTION -> "az network vpn-connection show";
                    case APP_SERVICE_ENVIRONMENT -> "az appservice ase show";
                    case APP -> "az webapp show";
                    case AZURE_FIREWALL -> "az network firewall show";
                    case FIREWALL_POLICY -> "az network firewall policy show";
                    case IP_GROUP -> "az network ip-group show";
                    case PRIVATE_ENDPOINT -> "az network private-endpoint show";
                    case RULE_COLLECTION_GROUP -> "az network firewall policy rule-collection-group show";
                    case ENDPOINT, SERVICE_TAGS -> null;
                };
        return command == null ? "its " + armType + " entry with its properties" : command + " --ids " + id;
    }

    /**
     * What to import so that the resource {@code id} of this kind is known, for messages about unresolved references:
     * a subnet comes with its VNet ("import its VNet (az network vnet show --ids VNET)"), anything else with its own
     * export ("import it (az network nsg show --ids ID)").
     */
    public String howToImport(String id) {
        if (this == SUBNET) {
            int at = id.toLowerCase(Locale.ROOT).lastIndexOf("/subnets/");
            if (at > 0) {
                return "import its VNet (" + VIRTUAL_NETWORK.howToExport(id.substring(0, at)) + ")";
            }
        }
        return "import it (" + howToExport(id) + ")";
    }

    /**
     * Why an answer that needs the resource {@code id} of this kind cannot be given, when the snapshot does not hold
     * it (an unresolved placeholder): "public IP address … is referenced by network interface web-nic but not
     * imported: import it (az network public-ip show --ids …)".
     */
    public String notImported(ResourceId id, String referrer) {
        return noun + " " + id.value() + " is referenced by " + referrer + " but not imported: "
                + howToImport(id.value());
    }

    /** The kind of an ARM {@code type} string, case-insensitive; empty for types asegraph does not model. */
    public static Optional<ResourceKind> fromArmType(String type) {
        return type == null
                ? Optional.empty()
                : Optional.ofNullable(BY_TYPE.get(type.trim().toLowerCase(Locale.ROOT)));
    }

    /** The kind of a graph label or relationship type (exact spelling, as in the schema). */
    public static Optional<ResourceKind> fromGraphName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_GRAPH_NAME.get(name));
    }
}
