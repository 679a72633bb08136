package io.asegraph.topology;

import java.util.List;

/** A route table with its user routes; {@code disableBgpRoutePropagation} drops gateway routes on its subnets. */
public record RouteTable(
        ResourceId id, String name, String location, boolean disableBgpRoutePropagation, List<Route> routes)
        implements Resource {
    public RouteTable {
        routes = List.copyOf(routes);
        location = location == null ? "" : location;
    }
}
