package io.asegraph.api.read;

import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A NAT gateway: subnets attached to it reach the Internet from its public addresses.")
public record NatGateway(@NonNull String id, @NonNull String name, String location, @Ignore String key)
        implements Resource {
    static NatGateway from(Map<String, Object> r) {
        return new NatGateway(Row.str(r, "id"), Row.str(r, "name"), Row.str(r, "location"), Row.key(r));
    }
}
