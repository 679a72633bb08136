package io.asegraph.estate;

import io.asegraph.policy.PolicySet;
import io.asegraph.topology.Topology;

/** One consistent, immutable snapshot of the whole graph: the network and its policies, at a store version. */
public record Estate(Topology topology, PolicySet policies, long version) {
    public static Estate empty() {
        return new Estate(Topology.empty(), PolicySet.empty(), 0);
    }
}
