package io.asegraph.api.read;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An on-premises site: the address space behind a gateway connection.")
public record LocalNetworkGateway(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("The Azure region (Azure's `location`, e.g. westeurope).") String location,
        @Description(
                        "The on-premises address space behind the gateway (Azure's `localNetworkAddressSpace.addressPrefixes`).")
                @NonNull
                List<@NonNull String> addressPrefixes,
        @Description("The on-premises VPN device's public address.") String gatewayIpAddress,
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
