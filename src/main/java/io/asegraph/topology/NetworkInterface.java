package io.asegraph.topology;

import java.util.List;
import java.util.Optional;

/** A network interface (its primary IP configuration) in a subnet. */
public record NetworkInterface(
        ResourceId id,
        String name,
        String location,
        ResourceId subnetId,
        long privateIp,
        Optional<ResourceId> nsgId,
        List<ResourceId> asgIds,
        List<ResourceId> publicIpIds,
        String virtualMachine)
        implements Resource {
    public NetworkInterface {
        asgIds = List.copyOf(asgIds);
        publicIpIds = List.copyOf(publicIpIds);
        location = location == null ? "" : location;
        virtualMachine = virtualMachine == null ? "" : virtualMachine;
    }
}
