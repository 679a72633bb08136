package io.asegraph.topology;

import io.asegraph.net.Cidr;
import java.util.List;

/** A virtual network and its address space. Subnets and peerings are separate records that name it. */
public record VirtualNetwork(ResourceId id, String name, String location, List<Cidr> addressSpace) implements Resource {
    public VirtualNetwork {
        addressSpace = List.copyOf(addressSpace);
        location = location == null ? "" : location;
    }
}
