package io.asegraph.topology;

import io.asegraph.net.Cidr;
import java.util.List;
import java.util.Optional;

/** A public service or host outside any VNet (Azure SQL, Storage, a partner API), by its addresses. */
public record Endpoint(ResourceId id, String name, String location, List<Cidr> addresses, Optional<String> serviceTag)
        implements Resource {
    public Endpoint {
        addresses = List.copyOf(addresses);
        location = location == null ? "" : location;
    }
}
