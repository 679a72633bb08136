package io.asegraph.topology;

/**
 * Where an effective route comes from, as {@code az network nic show-effective-route-table} prints its
 * {@code source}: a system route ({@code Default}), a user-defined route ({@code User}) or a route a virtual
 * network gateway brought in ({@code VirtualNetworkGateway}: local network gateway prefixes, VNet-to-VNet spaces,
 * BGP-learned routes). See <a href="https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview">
 * Virtual network traffic routing</a>.
 */
public enum RouteOrigin {
    DEFAULT,
    USER,
    VIRTUAL_NETWORK_GATEWAY;

    /** The ARM wire form. */
    public String azureName() {
        return switch (this) {
            case DEFAULT -> "Default";
            case USER -> "User";
            case VIRTUAL_NETWORK_GATEWAY -> "VirtualNetworkGateway";
        };
    }
}
