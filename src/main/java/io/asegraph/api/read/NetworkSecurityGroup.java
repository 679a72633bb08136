package io.asegraph.api.read;

import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A network security group. Its rules include the six default rules Azure adds to every NSG.")
public record NetworkSecurityGroup(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("The Azure region (Azure's `location`, e.g. westeurope).") String location,
        @NonNull @Description("Changes on every edit; state it in an edit to fail with CONFLICT on a stale copy")
                String etag,
        @Ignore String key)
        implements Resource {
    static NetworkSecurityGroup from(Map<String, Object> r) {
        return new NetworkSecurityGroup(
                Row.str(r, "id"), Row.str(r, "name"), Row.str(r, "location"), Row.str(r, "etag", ""), Row.key(r));
    }

    /** An NSG of the estate snapshot (an empty location, as the graph leaves it out, is null). */
    static NetworkSecurityGroup of(io.asegraph.policy.NetworkSecurityGroup n) {
        return new NetworkSecurityGroup(
                n.id().value(), n.name(), n.location().isEmpty() ? null : n.location(), n.etag(), n.id().key());
    }
}
