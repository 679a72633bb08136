package io.asegraph.estate;

import io.asegraph.policy.PolicySet;
import io.asegraph.topology.Topology;
import java.util.Objects;

/**
 * One consistent, immutable snapshot of the whole graph: the network and its policies, at a store version, and the
 * placeholders of resources referenced but not imported ({@link Unresolved}), which are in neither.
 */
public record Estate(Topology topology, PolicySet policies, long version, Unresolved unresolved) {
    public Estate {
        unresolved = Objects.requireNonNullElse(unresolved, Unresolved.NONE);
    }

    public Estate(Topology topology, PolicySet policies, long version) {
        this(topology, policies, version, Unresolved.NONE);
    }

    public static Estate empty() {
        return new Estate(Topology.empty(), PolicySet.empty(), 0);
    }
}
