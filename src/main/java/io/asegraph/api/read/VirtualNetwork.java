package io.asegraph.api.read;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A virtual network and its address space.")
public record VirtualNetwork(
        @NonNull String id,
        @NonNull String name,
        String location,
        @NonNull List<@NonNull String> addressPrefixes,
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
