package io.asegraph.api.read;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An on-premises site: the address space behind a gateway connection.")
public record LocalNetworkGateway(
        @NonNull String id,
        @NonNull String name,
        String location,
        @NonNull List<@NonNull String> addressPrefixes,
        String gatewayIpAddress,
        @Ignore String key)
        implements Resource {
    static LocalNetworkGateway from(Map<String, Object> r) {
        return new LocalNetworkGateway(
                Row.str(r, "id"),
                Row.str(r, "name"),
                Row.str(r, "location"),
                Row.list(r, "addressPrefixes"),
                Row.str(r, "gatewayIpAddress"),
                Row.key(r));
    }
}
