package io.asegraph.api.read;

import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A subnet of a virtual network.")
public record Subnet(
        @NonNull String id,
        @NonNull String name,
        String location,
        @NonNull String addressPrefix,
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
                Row.str(r, "privateEndpointNetworkPolicies", "Disabled"),
                Row.key(r));
    }
}
