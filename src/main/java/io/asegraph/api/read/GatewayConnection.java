package io.asegraph.api.read;

import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A gateway connection (IPsec to a local network gateway, Vnet2Vnet to another gateway, or ExpressRoute).")
public record GatewayConnection(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("IPSEC (site-to-site), VNET2VNET or EXPRESS_ROUTE (Azure's `connectionType`: IPsec, Vnet2Vnet,"
                        + " ExpressRoute).")
                @NonNull
                ConnectionType connectionType,
        @NonNull @Description("The virtual network gateway's id") String gateway,
        @NonNull @Description("The local network gateway's or remote gateway's id") String peer,
        @Ignore String key)
        implements Resource {
    static GatewayConnection from(Map<String, Object> r) {
        return new GatewayConnection(
                Row.str(r, "id"),
                Row.str(r, "name"),
                AzureSpelling.parse(ConnectionType.class, Row.str(r, "type", "IPsec")),
                Row.str(r, "gateway"),
                Row.str(r, "peer"),
                Row.key(r));
    }
}
