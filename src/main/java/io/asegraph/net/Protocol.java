package io.asegraph.net;

import java.util.Locale;

/**
 * NSG rule and flow protocols. {@code ANY} is Azure's {@code *} (shown as {@code All} in effective rules):
 * it matches TCP, UDP and ICMP; whether it also matches ESP and AH is undocumented, and we take it to match
 * every protocol (the README states this choice).
 */
public enum Protocol {
    TCP,
    UDP,
    ICMP,
    ESP,
    AH,
    ANY;

    /** Parses Azure's spellings: Tcp, Udp, Icmp, Esp, Ah, *, Any, All (case-insensitive). */
    public static Protocol parse(String text) {
        if (text == null) {
            throw new InvalidAddressException("a protocol is required (Tcp, Udp, Icmp, Esp, Ah or *)");
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "tcp" -> TCP;
            case "udp" -> UDP;
            case "icmp" -> ICMP;
            case "esp" -> ESP;
            case "ah" -> AH;
            case "*", "any", "all" -> ANY;
            default -> throw new InvalidAddressException(
                    "'" + text + "' is not a protocol (Tcp, Udp, Icmp, Esp, Ah or *)");
        };
    }

    /**
     * Whether flows of this protocol have ports: TCP and UDP do, ICMP, ESP and AH do not (they are evaluated over
     * every port), and {@code ANY}, which includes TCP and UDP, does.
     */
    public boolean hasPorts() {
        return this != ICMP && this != ESP && this != AH;
    }

    /** Whether a rule with this protocol matches a flow of protocol {@code flow}. */
    public boolean matches(Protocol flow) {
        return this == ANY || this == flow;
    }

    /** The ARM wire form. */
    public String azureName() {
        return switch (this) {
            case TCP -> "Tcp";
            case UDP -> "Udp";
            case ICMP -> "Icmp";
            case ESP -> "Esp";
            case AH -> "Ah";
            case ANY -> "*";
        };
    }
}
