package io.asegraph.graph;

import io.asegraph.importing.PlaceholderRef;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.ResourceSet;
import io.asegraph.topology.ResourceType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one transaction writes: resources to upsert (each replaced exactly: properties, outgoing references, an NSG's
 * rules, a route table's routes) and resources to remove, by kind (subnets and peerings a re-imported VNet no longer
 * lists, or what a delete takes with it). Only what changed belongs in a batch; an empty batch writes nothing.
 * {@code created} names the upserted resources the graph did not hold when the batch was planned: the writer creates
 * them without looking for old state to replace (a concurrent writer that made one meanwhile fails the transaction on
 * the key constraint, whole).
 *
 * <p>{@code placeholders} are unresolved placeholders to create (resources referenced but not imported): the writer
 * makes a node for each that is not in the graph yet, before it links anything to them. An upserted resource that is
 * a placeholder in the graph is not in {@code created}: it fills the placeholder's node in place, keeping every
 * relationship that points at it.
 */
public record ImportBatch(
        ResourceSet upserts,
        Map<ResourceKind, Set<ResourceId>> removals,
        Set<ResourceId> created,
        List<PlaceholderRef> placeholders) {
    public ImportBatch(ResourceSet upserts, Map<ResourceKind, Set<ResourceId>> removals, Set<ResourceId> created) {
        this(upserts, removals, created, List.of());
    }

    public ImportBatch {
        Objects.requireNonNull(upserts, "upserts");
        placeholders = placeholders == null ? List.of() : List.copyOf(placeholders);
        created = Set.copyOf(created);
        Map<ResourceKind, Set<ResourceId>> r = new EnumMap<>(ResourceKind.class);
        removals.forEach((k, v) -> {
            if (!v.isEmpty()) {
                r.put(k, Set.copyOf(v));
            }
        });
        removals = Collections.unmodifiableMap(r);
    }

    /** The resources of {@code type}'s kind to upsert, in the order they were added. */
    public <T> List<T> of(ResourceType<T> type) {
        return upserts.of(type);
    }

    /** Resources to upsert, service tags included. */
    public int size() {
        return upserts.size();
    }

    /** Resources to remove. */
    public int removalCount() {
        return removals.values().stream().mapToInt(Set::size).sum();
    }

    public boolean isEmpty() {
        return size() == 0 && removals.isEmpty() && placeholders.isEmpty();
    }

    /** Collects a batch. */
    public static final class Builder {
        private final ResourceSet.Builder upserts = ResourceSet.builder();
        final Map<ResourceKind, Set<ResourceId>> removals = new EnumMap<>(ResourceKind.class);
        final Set<ResourceId> created = new HashSet<>();
        final List<PlaceholderRef> placeholders = new ArrayList<>();

        /** Adds {@code item} to the resources of its kind to upsert. */
        public <T> Builder upsert(ResourceType<T> type, T item) {
            upserts.add(type, item);
            return this;
        }

        public Builder remove(ResourceKind kind, ResourceId id) {
            removals.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(id);
            return this;
        }

        public ImportBatch build() {
            return new ImportBatch(upserts.build(), removals, created, placeholders);
        }
    }
}
