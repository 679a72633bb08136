package io.asegraph.api.read;

import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An Azure Firewall in its subnet (AzureFirewallSubnet); flow and requiredAccess evaluate its rules.")
public record AzureFirewall(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("The Azure region (Azure's `location`, e.g. westeurope).") String location,
        @Description("Its private address in the subnet (the next hop that user routes name), when exported.")
                String privateIpAddress,
        @Ignore String key) {
    static AzureFirewall from(Map<String, Object> r) {
        return new AzureFirewall(
                Row.str(r, "id"),
                Row.str(r, "name"),
                Row.str(r, "location"),
                Row.str(r, "privateIpAddress"),
                Row.key(r));
    }
}
