package io.asegraph.api.read;

import io.asegraph.graph.GraphReader;
import io.asegraph.graph.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The batched traversal behind the per-type field classes ({@code VirtualNetworkFields}, {@code SubnetFields}, ...).
 * SmallRye hands a {@code @Source List} field method the whole level's parents; this answers all of them with one query
 * ({@code UNWIND $keys}, see {@link GraphReader#related}), never one per row, and lines the answers up with the parents.
 */
final class RelatedRows {
    private final GraphReader reader;

    RelatedRows(GraphReader reader) {
        this.reader = reader;
    }

    /** For each parent, in order, its related nodes through {@code relation} (an empty list when it has none). */
    <P, C> List<List<C>> many(
            List<P> parents, Function<P, String> key, Relation relation, Function<Map<String, Object>, C> mapper) {
        List<String> keys = parents.stream().map(key).toList();
        Map<String, List<Map<String, Object>>> rows = reader.related(relation, keys);
        List<List<C>> out = new ArrayList<>(parents.size());
        for (String k : keys) {
            out.add(rows.getOrDefault(k, List.of()).stream().map(mapper).toList());
        }
        return out;
    }

    /**
     * {@link #many} with a constant {@code mapper} given the row and the parent's key: from the snapshot, each parent's
     * mapped list is made once per store version and kept ({@link GraphReader#relatedMapped}).
     */
    <P, C> List<List<C>> manyKept(
            List<P> parents,
            Function<P, String> key,
            Relation relation,
            java.util.function.BiFunction<Map<String, Object>, String, C> mapper) {
        List<String> keys = parents.stream().map(key).toList();
        Map<String, List<C>> rows = reader.relatedMapped(relation, keys, mapper);
        List<List<C>> out = new ArrayList<>(parents.size());
        for (String k : keys) {
            out.add(rows.getOrDefault(k, List.of()));
        }
        return out;
    }

    /** For each parent, in order, its first related node through {@code relation}, or {@code null} when it has none. */
    <P, C> List<C> one(
            List<P> parents, Function<P, String> key, Relation relation, Function<Map<String, Object>, C> mapper) {
        return many(parents, key, relation, mapper).stream()
                .map(l -> l.isEmpty() ? null : l.get(0))
                .toList();
    }
}
