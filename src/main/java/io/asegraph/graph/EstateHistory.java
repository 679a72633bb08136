package io.asegraph.graph;

import io.asegraph.history.ResourceChange;
import io.asegraph.history.ResourceDiffer;
import io.asegraph.history.ResourceState;
import io.asegraph.topology.ResourceKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Value;

/** Reads the per-version change log of resource states ({@link ResourceHistory}): the retained range and diffs. */
@ApplicationScoped
public class EstateHistory {
    private final GraphStore store;

    public EstateHistory(GraphStore store) {
        this.store = store;
    }

    /**
     * The versions a diff can span: from {@code from} (the oldest version whose later states are all kept; the
     * current version when no write has recorded states yet) to {@code current}, the store's version.
     */
    public record Range(long from, long current) {}

    public Range range() {
        return store.read(tx -> {
            var r = tx.run("OPTIONAL MATCH " + Labels.META_NODE
                            + " RETURN coalesce(m.version, 0) AS v, m.historyFrom AS h")
                    .single();
            long current = r.get("v").asLong();
            return new Range(r.get("h").isNull() ? current : r.get("h").asLong(), current);
        });
    }

    /**
     * The resources changed between versions {@code from} and {@code to} (both in {@link #range}): each resource
     * touched in {@code (from, to]}, its state at {@code from} (the before-state of its first change after it) against
     * its state at {@code to} (the after-state of its last change up to it); one created and removed in between is not
     * listed.
     */
    public List<ResourceChange> diff(long from, long to) {
        Map<String, Object> params = Map.of("from", from, "to", to);
        Map<String, Optional<ResourceState>> before = new LinkedHashMap<>();
        Map<String, Optional<ResourceState>> after = new HashMap<>();
        store.read(tx -> {
            tx.run(
                            "MATCH (v:" + Labels.RESOURCE_VERSION + ") WHERE v.version > $from AND v.version <= $to"
                                    + " RETURN v.resourceKey AS key, v.before AS before, v.after AS after"
                                    + " ORDER BY v.version, elementId(v)",
                            params)
                    .forEachRemaining(r -> {
                        String key = r.get("key").asString();
                        before.putIfAbsent(key, state(r.get("before")));
                        after.put(key, state(r.get("after")));
                    });
            return null;
        });
        Map<String, ResourceState> b = new HashMap<>();
        Map<String, ResourceState> a = new HashMap<>();
        before.forEach((k, s) -> s.ifPresent(x -> b.put(k, x)));
        after.forEach((k, s) -> s.ifPresent(x -> a.put(k, x)));
        return ResourceDiffer.diff(b, a);
    }

    /** A resource's kind and id (a service tag's name), and its state at a version: empty where it did not exist. */
    public record PastState(ResourceKind kind, String id, Optional<ResourceState> state) {}

    /**
     * The state at {@code version} of every resource the log shows changed between it and {@code snapshot} (the
     * version of the estate held in memory), keyed by resource key; empty where the resource did not exist at
     * {@code version}. Going back ({@code version < snapshot}) it is the before-state of the resource's first change
     * after {@code version}; going forward, the after-state of its last change up to {@code version}. Both versions
     * must be in {@link #range}.
     */
    public Map<String, PastState> statesAt(long version, long snapshot) {
        Map<String, PastState> out = new LinkedHashMap<>();
        if (version == snapshot) {
            return out;
        }
        boolean back = version < snapshot;
        Map<String, Object> params = Map.of("lo", Math.min(version, snapshot), "hi", Math.max(version, snapshot));
        store.read(tx -> {
            tx.run(
                            "MATCH (v:" + Labels.RESOURCE_VERSION + ") WHERE v.version > $lo AND v.version <= $hi"
                                    + " RETURN v.resourceKey AS key, v.kind AS kind, v.id AS id, v.before AS before,"
                                    + " v.after AS after ORDER BY v.version, elementId(v)",
                            params)
                    .forEachRemaining(r -> {
                        String key = r.get("key").asString();
                        PastState p = new PastState(
                                ResourceKind.valueOf(r.get("kind").asString()),
                                r.get("id").asString(),
                                state(r.get(back ? "before" : "after")));
                        if (back) {
                            out.putIfAbsent(key, p);
                        } else {
                            out.put(key, p);
                        }
                    });
            return null;
        });
        return out;
    }

    private static Optional<ResourceState> state(Value json) {
        return json.isNull() ? Optional.empty() : Optional.of(ResourceHistory.state(json.asString()));
    }
}
