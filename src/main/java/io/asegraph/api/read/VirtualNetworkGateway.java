package io.asegraph.api.read;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A VPN or ExpressRoute gateway of a virtual network.")
public record VirtualNetworkGateway(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("The Azure region (Azure's `location`, e.g. westeurope).") String location,
        @NonNull @Description("VPN or EXPRESS_ROUTE (Azure's `gatewayType`: Vpn, ExpressRoute)")
                GatewayType gatewayType,
        @Description("The local network gateway forced-tunnelled traffic goes to") String defaultSite,
        @NonNull @Description("Prefixes learned over BGP") List<@NonNull String> learnedRoutes,
        @Ignore String key)
        implements Resource {
    static VirtualNetworkGateway from(Map<String, Object> r) {
        return new VirtualNetworkGateway(
                Row.str(r, "id"),
                Row.str(r, "name"),
                Row.str(r, "location"),
                AzureSpelling.parse(GatewayType.class, Row.str(r, "gatewayType", "Vpn")),
                Row.str(r, "defaultSite"),
                Row.list(r, "learnedRoutes"),
                Row.key(r));
    }
}
