package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Enum;

@Enum("NextHopType")
public enum NextHopType {
    INTERNET,
    VIRTUAL_APPLIANCE,
    VIRTUAL_NETWORK_GATEWAY,
    VNET_LOCAL,
    VNET_PEERING,
    VIRTUAL_NETWORK_SERVICE_ENDPOINT,
    NONE
}
