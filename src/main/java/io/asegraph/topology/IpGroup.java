package io.asegraph.topology;

import java.util.List;
import java.util.Objects;

/**
 * An IP group ({@code az network ip-group list}): a named list of addresses, prefixes and ranges
 * ({@code ipAddresses}) that Azure Firewall rules name as sources or destinations.
 */
public record IpGroup(ResourceId id, String name, String location, List<String> ipAddresses) implements Resource {
    public IpGroup {
        Objects.requireNonNull(id, "id");
        location = location == null ? "" : location;
        ipAddresses = List.copyOf(ipAddresses);
    }
}
