package io.asegraph.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An immutable collection of domain records grouped by {@link ResourceKind}: per kind, the records in the order they
 * were added (a document's order), duplicates kept. A kind is read with its typed key, {@code set.of(NetworkTypes.SUBNET)}
 * being a {@code List<Subnet>}; the keys are in {@link NetworkTypes} and, for NSGs, ASGs and service tags, in the policy
 * package's {@code PolicyTypes}. A kind holds records of one type only: adding or reading it under another key fails.
 * Built with {@link #builder()}.
 */
public final class ResourceSet {
    private static final ResourceSet EMPTY = new ResourceSet(new EnumMap<>(ResourceKind.class));

    /** The kinds that have records, in kind order, each with the key its records were added under. */
    private final Map<ResourceKind, Group<?>> groups;

    private final int size;

    private ResourceSet(EnumMap<ResourceKind, Group<?>> groups) {
        this.groups = Collections.unmodifiableMap(groups);
        this.size = groups.values().stream().mapToInt(g -> g.items().size()).sum();
    }

    /** The records of one kind and the key they were added under. */
    private record Group<T>(ResourceType<T> type, List<T> items) {
        /** The records as {@code wanted}'s type; fails when the kind was added under another type. */
        <U> List<U> as(ResourceType<U> wanted) {
            if (!type.equals(wanted)) {
                throw new IllegalArgumentException(
                        wanted.kind() + " holds " + type.type().getSimpleName() + " records, not "
                                + wanted.type().getSimpleName());
            }
            @SuppressWarnings("unchecked") // the same kind and the same (final, non-generic) record class: T is U
            List<U> same = (List<U>) items;
            return same;
        }

        Group<T> frozen() {
            return new Group<>(type, List.copyOf(items));
        }
    }

    public static ResourceSet empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The records of {@code type}'s kind in the order they were added; empty when there are none. Unmodifiable. */
    public <T> List<T> of(ResourceType<T> type) {
        Group<?> g = groups.get(type.kind());
        return g == null ? List.of() : g.as(type);
    }

    /** The number of records of every kind together. */
    public int size() {
        return size;
    }

    /** The number of records of {@code kind}. */
    public int size(ResourceKind kind) {
        Group<?> g = groups.get(kind);
        return g == null ? 0 : g.items().size();
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** How many records of each kind, in kind order; kinds with none are left out. Unmodifiable. */
    public Map<ResourceKind, Integer> counts() {
        Map<ResourceKind, Integer> m = new EnumMap<>(ResourceKind.class);
        groups.forEach((kind, g) -> m.put(kind, g.items().size()));
        return Collections.unmodifiableMap(m);
    }

    /** This set with every record of {@code type} replaced by {@code f} of it, in place. */
    public <T> ResourceSet map(ResourceType<T> type, UnaryOperator<T> f) {
        List<T> items = of(type);
        if (items.isEmpty()) {
            return this;
        }
        EnumMap<ResourceKind, Group<?>> m = new EnumMap<>(ResourceKind.class);
        m.putAll(groups);
        m.put(
                type.kind(),
                new Group<>(type, items.stream().map(f).map(type.type()::cast).toList()).frozen());
        return new ResourceSet(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceSet other && groups.equals(other.groups);
    }

    @Override
    public int hashCode() {
        return groups.hashCode();
    }

    @Override
    public String toString() {
        return "ResourceSet" + counts();
    }

    /** Collects records kind by kind; {@link #build} takes a snapshot, and the builder can go on. */
    public static final class Builder {
        private final EnumMap<ResourceKind, Group<?>> groups = new EnumMap<>(ResourceKind.class);

        private Builder() {}

        /** Adds {@code item} after the records of its kind added so far. */
        public <T> Builder add(ResourceType<T> type, T item) {
            items(type).add(type.type().cast(Objects.requireNonNull(item, "item")));
            return this;
        }

        /** Adds {@code items} in their order after the records of their kind added so far. */
        public <T> Builder addAll(ResourceType<T> type, Collection<? extends T> items) {
            List<T> to = items(type);
            for (T item : items) {
                to.add(type.type().cast(Objects.requireNonNull(item, "item")));
            }
            return this;
        }

        /** Adds every record of {@code set}, kind by kind. */
        public Builder addAll(ResourceSet set) {
            set.groups.values().forEach(this::addGroup);
            return this;
        }

        private <T> void addGroup(Group<T> g) {
            addAll(g.type(), g.items());
        }

        /** What was added of {@code type}'s kind so far: an unmodifiable view. */
        public <T> List<T> of(ResourceType<T> type) {
            Group<?> g = groups.get(type.kind());
            return g == null ? List.of() : Collections.unmodifiableList(g.as(type));
        }

        private <T> List<T> items(ResourceType<T> type) {
            Group<?> g = groups.get(type.kind());
            if (g == null) {
                Group<T> fresh = new Group<>(type, new ArrayList<>());
                groups.put(type.kind(), fresh);
                return fresh.items();
            }
            return g.as(type);
        }

        public ResourceSet build() {
            EnumMap<ResourceKind, Group<?>> frozen = new EnumMap<>(ResourceKind.class);
            groups.forEach((kind, g) -> {
                if (!g.items().isEmpty()) {
                    frozen.put(kind, g.frozen());
                }
            });
            return frozen.isEmpty() ? EMPTY : new ResourceSet(frozen);
        }
    }
}
