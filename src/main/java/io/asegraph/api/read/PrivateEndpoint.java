package io.asegraph.api.read;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A private endpoint: its network interface(s) in a subnet, their private addresses, what it connects to."
        + " The subnet's privateEndpointNetworkPolicies decide whether its NSGs filter traffic to it.")
public record PrivateEndpoint(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("The Azure region (Azure's `location`, e.g. westeurope).") String location,
        @Description("The private addresses the endpoint records (customDnsConfigs, ipConfigurations)") @NonNull
                List<@NonNull String> privateIpAddresses,
        @Description("The ids of the network interfaces Azure created for it") @NonNull
                List<@NonNull String> networkInterfaceIds,
        @Description("The resources it connects to: the private link resource's name with its group ids, e.g."
                        + " 'kv-prod (vault)'")
                @NonNull
                List<@NonNull String> targets,
        @Ignore String key)
        implements Resource {
    static PrivateEndpoint from(Map<String, Object> r) {
        return new PrivateEndpoint(
                Row.str(r, "id"),
                Row.str(r, "name"),
                Row.str(r, "location"),
                Row.list(r, "privateIpAddresses"),
                Row.list(r, "networkInterfaces"),
                Row.list(r, "targets"),
                Row.key(r));
    }
}
