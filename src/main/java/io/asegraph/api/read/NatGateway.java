package io.asegraph.api.read;

import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A NAT gateway: subnets attached to it reach the Internet from its public addresses.")
public record NatGateway(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("The Azure region (Azure's `location`, e.g. westeurope).") String location,
        @Ignore String key)
        implements Resource {
    static NatGateway from(Map<String, Object> r) {
        return new NatGateway(Row.str(r, "id"), Row.str(r, "name"), Row.str(r, "location"), Row.key(r));
    }
}
