package io.asegraph.topology;

import io.asegraph.net.Cidr;
import java.util.List;
import java.util.Optional;

/**
 * A VPN or ExpressRoute gateway in a VNet. {@code learnedRoutes} are the prefixes it learned over BGP
 * (as {@code az network vnet-gateway list-learned-routes} prints them); a learned 0.0.0.0/0 is forced tunnelling.
 */
public record VirtualNetworkGateway(
        ResourceId id,
        String name,
        String location,
        ResourceId vnetId,
        GatewayType gatewayType,
        Optional<ResourceId> defaultSite,
        List<Cidr> learnedRoutes)
        implements Resource {
    public VirtualNetworkGateway {
        learnedRoutes = List.copyOf(learnedRoutes);
        location = location == null ? "" : location;
    }

    /** Its subnet: the subnet named GatewaySubnet of its VNet, where Azure requires a gateway to live. */
    public ResourceId subnetId() {
        return ResourceId.of(vnetId.value() + "/subnets/GatewaySubnet");
    }
}
