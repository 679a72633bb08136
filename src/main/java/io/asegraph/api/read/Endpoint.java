package io.asegraph.api.read;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A public service or host outside any VNet (Azure SQL, Storage, a partner API).")
public record Endpoint(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("The Azure region (Azure's `location`, e.g. westeurope).") String location,
        @Description("The endpoint's addresses, as CIDR blocks.") @NonNull List<@NonNull String> addresses,
        @Description("The service tag its addresses belong to, if any (e.g. Sql.WestUS)") String serviceTag,
        @Ignore String key)
        implements Resource {
    static Endpoint from(Map<String, Object> r) {
        return new Endpoint(
                Row.str(r, "id"),
                Row.str(r, "name"),
                Row.str(r, "location"),
                Row.list(r, "addresses"),
                Row.str(r, "serviceTag"),
                Row.key(r));
    }
}
