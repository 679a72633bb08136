package io.asegraph.policy;

import java.util.Locale;

public enum Direction {
    INBOUND,
    OUTBOUND;

    public static Direction parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "inbound":
                    return INBOUND;
                case "outbound":
                    return OUTBOUND;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a direction (Inbound, Outbound)");
    }

    public String azureName() {
        return this == INBOUND ? "Inbound" : "Outbound";
    }
}
