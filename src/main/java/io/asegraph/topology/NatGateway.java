package io.asegraph.topology;

import java.util.List;

/** A NAT gateway and the public IP addresses it translates to. */
public record NatGateway(ResourceId id, String name, String location, List<ResourceId> publicIpIds)
        implements Resource {
    public NatGateway {
        publicIpIds = List.copyOf(publicIpIds);
        location = location == null ? "" : location;
    }
}
