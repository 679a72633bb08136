package io.asegraph.topology;

import java.util.Locale;

public enum GatewayType {
    VPN,
    EXPRESS_ROUTE;

    public static GatewayType parse(String text) {
        if (text == null) {
            return VPN;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "vpn" -> VPN;
            case "expressroute" -> EXPRESS_ROUTE;
            default -> throw new IllegalArgumentException("'" + text + "' is not a gateway type (Vpn, ExpressRoute)");
        };
    }

    public String azureName() {
        return this == VPN ? "Vpn" : "ExpressRoute";
    }
}
