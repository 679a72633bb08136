package io.asegraph.api.read;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("GatewayType")
@Description("A virtual network gateway's type (Azure's `gatewayType`: Vpn, ExpressRoute).")
public enum GatewayType {
    @Description("A VPN gateway (Azure: Vpn).")
    VPN,
    @Description("An ExpressRoute gateway (Azure: ExpressRoute).")
    EXPRESS_ROUTE
}
