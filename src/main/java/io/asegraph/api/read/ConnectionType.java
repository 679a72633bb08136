package io.asegraph.api.read;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ConnectionType")
@Description("A gateway connection's type (Azure's `connectionType`: IPsec, Vnet2Vnet, ExpressRoute).")
public enum ConnectionType {
    @Description("Site-to-site IPsec to a local network gateway (Azure: IPsec).")
    IPSEC,
    @Description("To another virtual network gateway (Azure: Vnet2Vnet).")
    VNET2VNET,
    @Description("To an ExpressRoute circuit (Azure: ExpressRoute).")
    EXPRESS_ROUTE
}
