package io.asegraph.analysis;

import java.util.List;
import java.util.Objects;

/**
 * One place a walk passes, Batfish style: {@code node} is a resource id, or an address for places outside the
 * model (an Internet host, an appliance); {@code kind} says what it is ({@link HopKind}); {@code steps} what
 * happened there.
 */
public record Hop(String node, HopKind kind, List<Step> steps) {
    public Hop {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(kind, "kind");
        steps = List.copyOf(steps);
    }

    /** The types of this hop's steps, in order (handy in tests and logs). */
    public List<StepType> stepTypes() {
        return steps.stream().map(Step::type).toList();
    }
}
