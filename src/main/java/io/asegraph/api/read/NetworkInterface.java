package io.asegraph.api.read;

import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A network interface (its primary IP configuration).")
public record NetworkInterface(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("The Azure region (Azure's `location`, e.g. westeurope).") String location,
        @Description("The primary IP configuration's private address (Azure's `privateIPAddress`).") @NonNull
                String privateIpAddress,
        @Description("The id of the virtual machine it is attached to, when there is one.") String virtualMachine,
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
