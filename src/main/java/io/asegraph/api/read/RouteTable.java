package io.asegraph.api.read;

import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A route table of user-defined routes.")
public record RouteTable(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("The Azure region (Azure's `location`, e.g. westeurope).") String location,
        @NonNull @Description("True: routes learned by VPN/ExpressRoute gateways are not propagated to its subnets")
                Boolean disableBgpRoutePropagation,
        @Ignore String key)
        implements Resource {
    static RouteTable from(Map<String, Object> r) {
        return new RouteTable(
                Row.str(r, "id"),
                Row.str(r, "name"),
                Row.str(r, "location"),
                Row.bool(r, "disableBgpRoutePropagation"),
                Row.key(r));
    }
}
