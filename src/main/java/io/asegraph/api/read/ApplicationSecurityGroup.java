package io.asegraph.api.read;

import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An application security group: rules naming it apply only to its member network interfaces.")
public record ApplicationSecurityGroup(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("The Azure region (Azure's `location`, e.g. westeurope).") String location,
        @Ignore String key)
        implements Resource {
    static ApplicationSecurityGroup from(Map<String, Object> r) {
        return new ApplicationSecurityGroup(Row.str(r, "id"), Row.str(r, "name"), Row.str(r, "location"), Row.key(r));
    }
}
