package io.asegraph.api.read;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A subnet of a virtual network.")
public record Subnet(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("The Azure region (Azure's `location`, e.g. westeurope).") String location,
        @Description("Its first IPv4 prefix: the only one for most subnets (addressPrefixes lists them all)") @NonNull
                String addressPrefix,
        @Description("All its IPv4 prefixes, in Azure's order; answers about the subnet use their union") @NonNull
                List<@NonNull String> addressPrefixes,
        @Description(
                        "Whether its NSGs and route tables apply to the private endpoints in it: Enabled, Disabled (Azure's"
                                + " default), NetworkSecurityGroupEnabled or RouteTableEnabled")
                @NonNull
                String privateEndpointNetworkPolicies,
        @Ignore String key)
        implements Resource {
    static Subnet from(Map<String, Object> r) {
        return new Subnet(
                Row.str(r, "id"),
                Row.str(r, "name"),
                Row.str(r, "location"),
                Row.str(r, "addressPrefix"),
                prefixes(r),
                Row.str(r, "privateEndpointNetworkPolicies", "Disabled"),
                Row.key(r));
    }

    /** A graph written before subnets had several prefixes holds only {@code addressPrefix}. */
    private static List<String> prefixes(Map<String, Object> r) {
        List<String> all = Row.list(r, "addressPrefixes");
        return all.isEmpty() ? List.of(Row.str(r, "addressPrefix")) : all;
    }
}
