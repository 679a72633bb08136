package io.asegraph.api.read.filter;

import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;

/**
 * An imported service tag as a listing row: its key is its lower-case name, as in the graph; it has no location (a
 * regional tag has a {@code region}).
 */
public record ServiceTagRow(ServiceTag tag, ResourceId id) implements Resource {
    public static ServiceTagRow of(ServiceTag tag) {
        return new ServiceTagRow(tag, ResourceId.of(tag.name()));
    }

    @Override
    public String name() {
        return tag.name();
    }
}
