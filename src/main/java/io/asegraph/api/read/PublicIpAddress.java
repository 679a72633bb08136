package io.asegraph.api.read;

import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A public IP address resource.")
public record PublicIpAddress(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("The Azure region (Azure's `location`, e.g. westeurope).") String location,
        @Description("Empty for a dynamic address not yet allocated") String ipAddress,
        @Ignore String key)
        implements Resource {
    static PublicIpAddress from(Map<String, Object> r) {
        return new PublicIpAddress(
                Row.str(r, "id"), Row.str(r, "name"), Row.str(r, "location"), Row.str(r, "ipAddress"), Row.key(r));
    }
}
