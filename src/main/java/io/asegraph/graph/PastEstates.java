package io.asegraph.graph;

import io.asegraph.estate.Estate;
import io.asegraph.history.ResourceRecords;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.ResourceSet;
import io.asegraph.topology.ResourceType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The estate at a past (or, when the snapshot lags, a later) version, rebuilt in memory from the snapshot and the
 * change log ({@link EstateHistory#statesAt}): every resource changed in between is put back as it was at that
 * version (its recorded state turned back into its record, {@link ResourceRecords}), every one created since is taken
 * out, through the same overlay a what-if uses ({@link EstatePatch#overlay}). Nothing is guessed: where the version
 * cannot be rebuilt exactly it refuses with {@link NotRebuilt}, naming the cause.
 */
@ApplicationScoped
public class PastEstates {
    private final EstateHistory history;

    public PastEstates(EstateHistory history) {
        this.history = history;
    }

    /** A version the snapshot and the change log cannot tell exactly; the message names the cause. */
    public static final class NotRebuilt extends RuntimeException {
        NotRebuilt(String message) {
            super(message);
        }
    }

    /**
     * The estate at {@code version}, from {@code snapshot} (returned as it is when it is that version).
     *
     * @throws NotRebuilt when the states in between are not kept, a Service Tag changed in between, a recorded state
     *     does not come back exactly, or the overlay cannot be exact (placeholders, a reference left dangling)
     */
    public Estate at(Estate snapshot, long version) {
        long s = snapshot.version();
        if (version == s) {
            return snapshot;
        }
        String at = "the estate at version " + version + " cannot be rebuilt exactly: ";
        EstateHistory.Range range = history.range();
        if (Math.min(version, s) < range.from() || Math.max(version, s) > range.current()) {
            throw new NotRebuilt(at + "the resource states between it and the snapshot (version " + s
                    + ") are not all kept; the retained history spans versions " + range.from() + " to "
                    + range.current());
        }
        ImportBatch.Builder batch = new ImportBatch.Builder();
        ResourceSet.Builder removed = ResourceSet.builder();
        for (Map.Entry<String, EstateHistory.PastState> e :
                history.statesAt(version, s).entrySet()) {
            EstateHistory.PastState p = e.getValue();
            if (p.kind() == ResourceKind.SERVICE_TAGS) {
                throw new NotRebuilt(at + "the Service Tags changed between versions " + Math.min(version, s) + " and "
                        + Math.max(version, s) + " (" + p.id() + "), and a tag's earlier prefixes are not put back");
            }
            ResourceType<?> type = type(p.kind());
            if (p.state().isPresent()) {
                try {
                    upsert(batch, type, ResourceRecords.record(p.state().get()));
                } catch (ResourceRecords.NotRebuildable x) {
                    throw new NotRebuilt(at + x.getMessage());
                }
            } else {
                Optional<?> current = ResourceHistory.stored(snapshot, p.kind(), p.id());
                if (current.isPresent()) {
                    batch.remove(p.kind(), ResourceId.of(p.id()));
                    add(removed, type, current.get());
                }
            }
        }
        if (EstatePatch.touchesPlaceholders(snapshot.unresolved(), removed.build())) {
            throw new NotRebuilt(at + "a resource created since refers to a placeholder (a resource referenced but"
                    + " not imported), which moves resources in or out of the snapshot");
        }
        try {
            Estate e = EstatePatch.overlay(snapshot, batch.build());
            return new Estate(e.topology(), e.policies(), version, e.unresolved());
        } catch (EstatePatch.NotExact x) {
            throw new NotRebuilt(at + x.getMessage());
        }
    }

    private static ResourceType<?> type(ResourceKind kind) {
        return Stream.concat(NetworkTypes.ALL.stream(), PolicyTypes.ALL.stream())
                .filter(t -> t.kind() == kind)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no resource type for " + kind));
    }

    @SuppressWarnings("unchecked")
    private static <T> void upsert(ImportBatch.Builder batch, ResourceType<T> type, Object record) {
        batch.upsert(type, (T) record);
    }

    @SuppressWarnings("unchecked")
    private static <T> void add(ResourceSet.Builder set, ResourceType<T> type, Object record) {
        set.add(type, (T) record);
    }
}
