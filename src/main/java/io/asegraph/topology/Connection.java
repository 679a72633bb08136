package io.asegraph.topology;

/**
 * A gateway connection: {@code gatewayId} (a VNet gateway) to {@code peerId} (a local network gateway for IPsec,
 * or another VNet gateway for Vnet2Vnet). {@code connectionType} is IPsec, Vnet2Vnet or ExpressRoute.
 */
public record Connection(ResourceId id, String name, String connectionType, ResourceId gatewayId, ResourceId peerId)
        implements Resource {}
