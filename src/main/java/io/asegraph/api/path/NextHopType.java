package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("NextHopType")
@Description("Where a route sends a packet (Azure's `nextHopType`).")
public enum NextHopType {
    @Description("To the Internet (Azure: Internet).")
    INTERNET,
    @Description("To a network virtual appliance or Azure Firewall at nextHopIpAddress (Azure: VirtualAppliance).")
    VIRTUAL_APPLIANCE,
    @Description("To the VPN or ExpressRoute gateway (Azure: VirtualNetworkGateway).")
    VIRTUAL_NETWORK_GATEWAY,
    @Description("Within the virtual network (Azure: VnetLocal).")
    VNET_LOCAL,
    @Description("Into a peered virtual network (Azure: VNetPeering).")
    VNET_PEERING,
    @Description("To an Azure service over a service endpoint of the subnet (Azure: VirtualNetworkServiceEndpoint).")
    VIRTUAL_NETWORK_SERVICE_ENDPOINT,
    @Description("Dropped: a blackhole route (Azure: None).")
    NONE
}
