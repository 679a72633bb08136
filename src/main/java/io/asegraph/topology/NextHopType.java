package io.asegraph.topology;

import java.util.Locale;

/** Route next hop types, with the aliases Azure uses across API versions, tools and classic names. */
public enum NextHopType {
    INTERNET,
    VIRTUAL_APPLIANCE,
    VIRTUAL_NETWORK_GATEWAY,
    VNET_LOCAL,
    VNET_PEERING,
    /** A service endpoint's route to its service's prefixes (system route; never a user route's next hop). */
    VIRTUAL_NETWORK_SERVICE_ENDPOINT,
    NONE;

    public static NextHopType parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a next hop type is required");
        }
        return switch (text.trim().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "")) {
            case "internet" -> INTERNET;
            case "virtualappliance" -> VIRTUAL_APPLIANCE;
            case "virtualnetworkgateway", "vpngateway" -> VIRTUAL_NETWORK_GATEWAY;
            case "vnetlocal", "virtualnetwork" -> VNET_LOCAL;
            case "vnetpeering", "virtualnetworkpeering" -> VNET_PEERING;
            case "none", "null" -> NONE;
            default -> throw new IllegalArgumentException("'" + text
                    + "' is not a next hop type (Internet, VirtualAppliance, VirtualNetworkGateway, VnetLocal, None)");
        };
    }

    /** The ARM wire form. */
    public String azureName() {
        return switch (this) {
            case INTERNET -> "Internet";
            case VIRTUAL_APPLIANCE -> "VirtualAppliance";
            case VIRTUAL_NETWORK_GATEWAY -> "VirtualNetworkGateway";
            case VIRTUAL_NETWORK_SERVICE_ENDPOINT -> "VirtualNetworkServiceEndpoint";
            case VNET_LOCAL -> "VnetLocal";
            case VNET_PEERING -> "VNetPeering";
            case NONE -> "None";
        };
    }
}
