package io.asegraph.api.read;

import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A public IP address resource.")
public record PublicIpAddress(
        @NonNull String id,
        @NonNull String name,
        String location,
        @Description("Empty for a dynamic address not yet allocated") String ipAddress,
        @Ignore String key)
        implements Resource {
    static PublicIpAddress from(Map<String, Object> r) {
        return new PublicIpAddress(
                Row.str(r, "id"), Row.str(r, "name"), Row.str(r, "location"), Row.str(r, "ipAddress"), Row.key(r));
    }
}
