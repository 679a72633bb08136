package io.asegraph.api.read;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A virtual network and its address space.")
public record VirtualNetwork(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("The Azure region (Azure's `location`, e.g. westeurope).") String location,
        @Description("The VNet's address space (Azure's `addressSpace.addressPrefixes`).") @NonNull
                List<@NonNull String> addressPrefixes,
        @Ignore String key)
        implements Resource {
    static VirtualNetwork from(Map<String, Object> r) {
        return new VirtualNetwork(
                Row.str(r, "id"),
                Row.str(r, "name"),
                Row.str(r, "location"),
                Row.list(r, "addressPrefixes"),
                Row.key(r));
    }
}
