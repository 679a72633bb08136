package io.asegraph.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * A trace written in order, Batfish style (trace → hop → step): a hop is opened, steps are appended to the open hop,
 * and nothing appended is reopened or rewritten. Not thread-safe; one per trace.
 */
final class TraceBuilder {
    private final List<Hop> hops = new ArrayList<>();
    private String node;
    private HopKind kind;
    private final List<Step> steps = new ArrayList<>();

    /** Closes the open hop, if any, and opens the next one. */
    void hop(String node, HopKind kind) {
        close();
        this.node = node;
        this.kind = kind;
    }

    void step(Step step) {
        if (node == null) {
            throw new IllegalStateException("no hop is open");
        }
        steps.add(step);
    }

    void steps(List<Step> more) {
        more.forEach(this::step);
    }

    /** The hops written so far, the open one closed. */
    List<Hop> hops() {
        close();
        return List.copyOf(hops);
    }

    private void close() {
        if (node != null) {
            hops.add(new Hop(node, kind, steps));
            steps.clear();
            node = null;
        }
    }
}
