package io.asegraph.topology;

/**
 * A subnet's {@code privateEndpointNetworkPolicies}: whether the network policies (NSGs, route tables) of the subnet
 * apply to the private endpoints in it. Azure's default for a subnet, and the meaning of a missing key on a new
 * subnet, is {@link #DISABLED}: the endpoints' traffic bypasses the subnet's NSGs. See
 * <a href="https://learn.microsoft.com/azure/private-link/disable-private-endpoint-network-policy">Manage network
 * policies for private endpoints</a>.
 */
public enum PrivateEndpointNetworkPolicies {
    /** NSGs and route tables apply. */
    ENABLED("Enabled"),
    /** Neither applies (Azure's default). */
    DISABLED("Disabled"),
    /** NSGs apply, route tables do not. */
    NETWORK_SECURITY_GROUP_ENABLED("NetworkSecurityGroupEnabled"),
    /** Route tables apply, NSGs do not. */
    ROUTE_TABLE_ENABLED("RouteTableEnabled");

    private final String azureName;

    PrivateEndpointNetworkPolicies(String azureName) {
        this.azureName = azureName;
    }

    /** As Azure spells it: {@code NetworkSecurityGroupEnabled}. */
    public String azureName() {
        return azureName;
    }

    /** The NSGs of the subnet (and of the endpoint's interface) filter traffic to a private endpoint in it. */
    public boolean appliesNsgs() {
        return this == ENABLED || this == NETWORK_SECURITY_GROUP_ENABLED;
    }

    /** Parses Azure's spelling, case-insensitively; anything else is rejected. */
    public static PrivateEndpointNetworkPolicies parse(String text) {
        String t = text == null ? "" : text.trim();
        for (PrivateEndpointNetworkPolicies p : values()) {
            if (p.azureName.equalsIgnoreCase(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not one of Enabled, Disabled, NetworkSecurityGroupEnabled, RouteTableEnabled");
    }
}
