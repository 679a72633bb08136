package io.asegraph.api.path;

import io.asegraph.topology.ResourceKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ResourceType")
@Description("The type of a resource an audit row names (the graph's label: App, AppServiceEnvironment,"
        + " NetworkInterface, PrivateEndpoint, Subnet, AzureFirewall), or an address given where a resource could be.")
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
