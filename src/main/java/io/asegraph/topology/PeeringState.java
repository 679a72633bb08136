package io.asegraph.topology;

import java.util.Locale;

/** A VNet peering's state; only CONNECTED peerings carry traffic. */
public enum PeeringState {
    INITIATED,
    CONNECTED,
    DISCONNECTED;

    public static PeeringState parse(String text) {
        if (text == null) {
            return CONNECTED;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "initiated" -> INITIATED;
            case "connected" -> CONNECTED;
            case "disconnected" -> DISCONNECTED;
            default -> throw new IllegalArgumentException(
                    "'" + text + "' is not a peering state (Initiated, Connected, Disconnected)");
        };
    }

    public String azureName() {
        return switch (this) {
            case INITIATED -> "Initiated";
            case CONNECTED -> "Connected";
            case DISCONNECTED -> "Disconnected";
        };
    }
}
