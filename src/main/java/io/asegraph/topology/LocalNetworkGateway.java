package io.asegraph.topology;

import io.asegraph.net.Cidr;
import java.util.List;

/** An on-premises site: the address space behind a connection. */
public record LocalNetworkGateway(
        ResourceId id, String name, String location, List<Cidr> addressPrefixes, String gatewayIpAddress)
        implements Resource {
    public LocalNetworkGateway {
        addressPrefixes = List.copyOf(addressPrefixes);
        location = location == null ? "" : location;
        gatewayIpAddress = gatewayIpAddress == null ? "" : gatewayIpAddress;
    }
}
