package io.asegraph.topology;

import java.util.List;
import java.util.Objects;

/**
 * A private endpoint ({@code az network private-endpoint list}): the network interface(s) Azure created for it in a
 * subnet and their private addresses (from {@code customDnsConfigs[].ipAddresses} and
 * {@code ipConfigurations[].privateIPAddress}; the addresses of the imported interfaces are added at analysis), and
 * the resources it connects to ({@code privateLinkServiceConnections[].privateLinkServiceId} with their group ids).
 * Whether the subnet's NSGs filter traffic to it is the subnet's {@link PrivateEndpointNetworkPolicies}.
 */
public record PrivateEndpoint(
        ResourceId id,
        String name,
        String location,
        ResourceId subnetId,
        List<ResourceId> nicIds,
        List<Long> privateIps,
        List<String> targets)
        implements Resource {
    public PrivateEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subnetId, "subnetId");
        location = location == null ? "" : location;
        nicIds = List.copyOf(nicIds);
        privateIps = List.copyOf(privateIps);
        targets = List.copyOf(targets);
    }
}
