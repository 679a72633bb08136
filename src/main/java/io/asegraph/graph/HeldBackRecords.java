package io.asegraph.graph;

import io.asegraph.estate.Estate;
import io.asegraph.importing.ParsedDocument;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.ResourceType;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored records of the resources a snapshot holds back for a placeholder (a network interface in a subnet never
 * imported, an app on such an ASE, …; {@link io.asegraph.estate.Unresolved}) that a document names again. The snapshot
 * leaves them out, so without these an import would take each for new; with them it compares the document's record
 * with the stored one, as for any other resource: equal is unchanged, different is updated ({@link ImportDiff}), and
 * the history records the stored one as the state before ({@link ResourceHistory}).
 */
final class HeldBackRecords {
    static final HeldBackRecords NONE = new HeldBackRecords(new EnumMap<>(ResourceKind.class));

    private final Map<ResourceKind, Map<ResourceId, Object>> byKind;

    private HeldBackRecords(Map<ResourceKind, Map<ResourceId, Object>> byKind) {
        this.byKind = byKind;
    }

    /**
     * The held-back resources of {@code estate} that {@code doc} names, read from {@code store} in one read transaction
     * (none read when the document names none, the common case).
     */
    static HeldBackRecords read(GraphStore store, Estate estate, ParsedDocument doc) {
        Map<ResourceId, ResourceKind> heldBack = estate.unresolved().heldBack();
        if (heldBack.isEmpty()) {
            return NONE;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (ResourceType<?> type : EstateLoader.HELD_BACK_KINDS) {
            for (Object r : doc.of(type)) {
                ResourceId id = ((Resource) r).id();
                if (heldBack.get(id) == type.kind()) {
                    keys.add(id.key());
                }
            }
        }
        if (keys.isEmpty()) {
            return NONE;
        }
        Map<ResourceKind, Map<ResourceId, Object>> out = new EnumMap<>(ResourceKind.class);
        store.read(tx -> {
            EstateLoader.readHeldBack(tx, keys, new EstateLoader.Sink() {
                @Override
                public <T> void add(ResourceType<T> type, T record) {
                    out.computeIfAbsent(type.kind(), k -> new HashMap<>()).put(((Resource) record).id(), record);
                }
            });
            return null;
        });
        return new HeldBackRecords(out);
    }

    /** The stored record of the held-back resource {@code id} of {@code type}'s kind, if the document named it. */
    <T> Optional<T> get(ResourceType<T> type, ResourceId id) {
        return Optional.ofNullable(byKind.getOrDefault(type.kind(), Map.of()).get(id))
                .filter(type.type()::isInstance)
                .map(type.type()::cast);
    }

    /** As {@link #get(ResourceType, ResourceId)} by kind. */
    Optional<?> get(ResourceKind kind, ResourceId id) {
        return Optional.ofNullable(byKind.getOrDefault(kind, Map.of()).get(id));
    }

    boolean isEmpty() {
        return byKind.isEmpty();
    }
}
