package io.asegraph.topology;

/** One direction of a VNet peering ({@code virtualNetworkPeerings} of the local VNet). */
public record Peering(
        ResourceId id,
        String name,
        ResourceId localVnetId,
        ResourceId remoteVnetId,
        PeeringState state,
        boolean allowGatewayTransit,
        boolean useRemoteGateways,
        boolean allowForwardedTraffic)
        implements Resource {}
