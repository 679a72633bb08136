package io.asegraph.api.path;

import io.asegraph.topology.ResourceKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ResourceType")
@Description("The type of a resource: one an audit row names (App, AppServiceEnvironment, NetworkInterface,"
        + " PrivateEndpoint, Subnet, AzureFirewall, Endpoint), one a change names (any kind the estate holds), or an"
        + " address given where a resource could be.")
public enum ResourceType {
    @Description("An app on an App Service Environment (Microsoft.Web/sites).")
    APP,
    @Description("An App Service Environment (Microsoft.Web/hostingEnvironments).")
    APP_SERVICE_ENVIRONMENT,
    @Description("A network interface (Microsoft.Network/networkInterfaces).")
    NETWORK_INTERFACE,
    @Description("A private endpoint (Microsoft.Network/privateEndpoints).")
    PRIVATE_ENDPOINT,
    @Description("A subnet (Microsoft.Network/virtualNetworks/subnets), e.g. a DNAT rule's address in it.")
    SUBNET,
    @Description("An Azure Firewall (Microsoft.Network/azureFirewalls).")
    AZURE_FIREWALL,
    @Description("An endpoint outside Azure's resources, imported as asegraph/endpoints.")
    ENDPOINT,
    @Description("A virtual network (Microsoft.Network/virtualNetworks).")
    VIRTUAL_NETWORK,
    @Description("A virtual network peering (Microsoft.Network/virtualNetworks/virtualNetworkPeerings).")
    PEERING,
    @Description("A network security group (Microsoft.Network/networkSecurityGroups).")
    NETWORK_SECURITY_GROUP,
    @Description("A route table (Microsoft.Network/routeTables).")
    ROUTE_TABLE,
    @Description("An application security group (Microsoft.Network/applicationSecurityGroups).")
    APPLICATION_SECURITY_GROUP,
    @Description("A NAT gateway (Microsoft.Network/natGateways).")
    NAT_GATEWAY,
    @Description("A public IP address (Microsoft.Network/publicIPAddresses).")
    PUBLIC_IP_ADDRESS,
    @Description("A virtual network gateway (Microsoft.Network/virtualNetworkGateways).")
    VIRTUAL_NETWORK_GATEWAY,
    @Description("A local network gateway (Microsoft.Network/localNetworkGateways).")
    LOCAL_NETWORK_GATEWAY,
    @Description("A gateway connection (Microsoft.Network/connections).")
    CONNECTION,
    @Description("A firewall policy (Microsoft.Network/firewallPolicies).")
    FIREWALL_POLICY,
    @Description("An IP group (Microsoft.Network/ipGroups).")
    IP_GROUP,
    @Description("A firewall policy's rule collection group (Microsoft.Network/firewallPolicies/ruleCollectionGroups).")
    RULE_COLLECTION_GROUP,
    @Description("A service tag (by name) of a service tags file.")
    SERVICE_TAGS,
    @Description("No resource: an address given as such (e.g. an address in a subnet as a caller).")
    ADDRESS;

    /** The API's value of a graph label (App, NetworkInterface, …); ADDRESS for Address. */
    public static ResourceType ofGraphName(String label) {
        if ("Address".equals(label)) {
            return ADDRESS;
        }
        return ResourceKind.fromGraphName(label)
                .map(k -> valueOf(k.name()))
                .orElseThrow(() -> new IllegalArgumentException("'" + label + "' is not a resource type"));
    }

    /** The API's value of a resource kind. */
    public static ResourceType of(ResourceKind kind) {
        return valueOf(kind.name());
    }
}
