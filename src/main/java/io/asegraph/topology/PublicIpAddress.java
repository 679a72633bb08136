package io.asegraph.topology;

import java.util.Optional;

/** A public IP address resource; a dynamic one not yet allocated has no address. */
public record PublicIpAddress(ResourceId id, String name, String location, Optional<Long> ipAddress)
        implements Resource {
    public PublicIpAddress {
        location = location == null ? "" : location;
    }
}
