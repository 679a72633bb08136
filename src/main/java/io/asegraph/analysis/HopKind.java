package io.asegraph.analysis;

/**
 * What a {@link Hop} of a walk is: a resource of the model, or a place outside it (the Internet, an on-premises
 * network, an appliance, a bare address). {@link #label} is the name traces show (the API's {@code Hop.kind}).
 */
public enum HopKind {
    APP("App"),
    APP_SERVICE_ENVIRONMENT("AppServiceEnvironment"),
    NETWORK_INTERFACE("NetworkInterface"),
    SUBNET("Subnet"),
    NAT_GATEWAY("NatGateway"),
    VIRTUAL_NETWORK_GATEWAY("VirtualNetworkGateway"),
    VIRTUAL_APPLIANCE("VirtualAppliance"),
    AZURE_FIREWALL("AzureFirewall"),
    ENDPOINT("Endpoint"),
    PRIVATE_ENDPOINT("PrivateEndpoint"),
    PUBLIC_IP_ADDRESS("PublicIpAddress"),
    INTERNET("Internet"),
    ON_PREMISES("OnPremises"),
    ADDRESS("Address");

    private final String label;

    HopKind(String label) {
        this.label = label;
    }

    /** The name a trace shows: {@code AppServiceEnvironment}, {@code Internet} ... */
    public String label() {
        return label;
    }

    /** As {@link #label}, so traces print as they always did. */
    @Override
    public String toString() {
        return label;
    }
}
