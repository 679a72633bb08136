package io.asegraph.importing;

/**
 * A part of a resource's state that a document may leave out. Absent is not empty: a resource whose document states
 * the part (even as {@code []}) replaces it; one whose document has no such key (or {@code null}) keeps what the
 * graph holds ({@link ParsedDocument#unstated}). {@code field} is the key as Azure prints it.
 */
public enum StatePart {
    /** An NSG's {@code securityRules}. */
    RULES("securityRules", "rules"),
    /**
     * An Azure Firewall's classic rule collections ({@code networkRuleCollections}, {@code applicationRuleCollections},
     * {@code natRuleCollections}): unstated when none of the three keys is given and no firewall policy either.
     */
    FIREWALL_RULES("networkRuleCollections", "rule collections"),
    /** A route table's {@code routes}. */
    ROUTES("routes", "routes"),
    /** A route table's {@code disableBgpRoutePropagation}. */
    BGP_ROUTE_PROPAGATION("disableBgpRoutePropagation", "gateway route propagation setting"),
    /** A subnet's {@code privateEndpointNetworkPolicies} (Azure's default, {@code Disabled}, for a new subnet). */
    PRIVATE_ENDPOINT_NETWORK_POLICIES("privateEndpointNetworkPolicies", "private endpoint network policies"),
    /** A virtual network's {@code subnets}. */
    SUBNETS("subnets", "subnets"),
    /** A virtual network's {@code virtualNetworkPeerings}. */
    PEERINGS("virtualNetworkPeerings", "peerings"),
    /** An App Service Environment's {@code addresses} (what {@code az appservice ase list-addresses} prints). */
    ADDRESSES("addresses", "addresses");

    private final String field;
    private final String noun;

    StatePart(String field, String noun) {
        this.field = field;
        this.noun = noun;
    }

    /** The key as Azure prints it. */
    public String field() {
        return field;
    }

    /** What a person calls it: "rules". */
    public String noun() {
        return noun;
    }
}
