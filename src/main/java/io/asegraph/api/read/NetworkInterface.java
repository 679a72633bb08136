package io.asegraph.api.read;

import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A network interface (its primary IP configuration).")
public record NetworkInterface(
        @NonNull String id,
        @NonNull String name,
        String location,
        @NonNull String privateIpAddress,
        String virtualMachine,
        @Ignore String key)
        implements Resource {
    static NetworkInterface from(Map<String, Object> r) {
        return new NetworkInterface(
                Row.str(r, "id"),
                Row.str(r, "name"),
                Row.str(r, "location"),
                Row.str(r, "privateIpAddress"),
                Row.str(r, "virtualMachine"),
                Row.key(r));
    }
}
