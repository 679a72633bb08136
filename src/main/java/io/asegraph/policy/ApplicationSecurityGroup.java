package io.asegraph.policy;

import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;

/** An application security group; membership is held on network interfaces. */
public record ApplicationSecurityGroup(ResourceId id, String name, String location) implements Resource {
    public ApplicationSecurityGroup {
        location = location == null ? "" : location;
    }
}
