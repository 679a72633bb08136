package io.asegraph.graph;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Read queries for the API: pages of one label with filters and sorting, and batched relationship lookups (one
 * query per level of a GraphQL selection, never one per row). Rows are property maps of nodes; labels,
 * relationship patterns and sort keys come from the constants in {@link Relation} and {@link ListQuery}, never
 * from input. With {@code asegraph.read.listings=snapshot} (the default) pages and relationship lookups are answered
 * from the {@link RowSnapshot} of the current store version ({@link RowCache}), the same rows in the same order as
 * the Cypher below; with {@code store} every one runs its Cypher query.
 */
@ApplicationScoped
public class GraphReader {
    private final GraphStore store;
    private final RowCache rows;
    private volatile ReadConfig.Listings listings;

    public GraphReader(GraphStore store, RowCache rows, ReadConfig config) {
        this.store = store;
        this.rows = rows;
        this.listings = config.listings();
    }

    /** Where listings come from now. */
    public ReadConfig.Listings listings() {
        return listings;
    }

    /**
     * Switches where listings come from, at once (the setting {@code asegraph.read.listings} chooses at start): the
     * snapshot-versus-store comparison asks both of one running service.
     */
    public void listingsFrom(ReadConfig.Listings source) {
        this.listings = java.util.Objects.requireNonNull(source);
    }

    /** A page of rows and the total count of rows matching the filter. */
    public record Page(List<Map<String, Object>> rows, long totalCount) {}

    public Page page(ListQuery q) {
        if (listings == ReadConfig.Listings.SNAPSHOT) {
            return rows.current().page(q);
        }
        return store.read(tx -> {
            String where = q.whereClause();
            long total = tx.run("MATCH " + q.pattern() + where + " RETURN count(*) AS c", q.parameters())
                    .single()
                    .get("c")
                    .asLong();
            List<Map<String, Object>> rows = new ArrayList<>();
            tx.run(
                            "MATCH " + q.pattern() + where + " RETURN " + q.projection() + " AS n ORDER BY "
                                    + q.orderBy() + " SKIP $skip LIMIT $limit",
                            q.parameters())
                    .forEachRemaining(r -> rows.add(r.get("n").asMap()));
            return new Page(rows, total);
        });
    }

    /** For each source key, the rows related to it through {@code relation}; keys without relations map to an empty list. */
    public Map<String, List<Map<String, Object>>> related(Relation relation, List<String> keys) {
        if (listings == ReadConfig.Listings.SNAPSHOT) {
            return rows.current().related(relation, keys);
        }
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String k : keys) {
            out.put(k, new ArrayList<>());
        }
        if (keys.isEmpty()) {
            return out;
        }
        store.read(tx -> {
            tx.run(relation.cypher(), Map.of("keys", List.copyOf(new LinkedHashSet<>(keys))))
                    .forEachRemaining(r -> {
                        List<Map<String, Object>> l = out.get(r.get("k").asString());
                        if (l != null) {
                            l.add(row(r));
                        }
                    });
            return null;
        });
        return out;
    }

    /**
     * For each source key, its related rows through {@code relation} mapped by {@code mapper} (given the row and the
     * source key). From the snapshot, each key's mapped list is made once per store version and kept with it, so a
     * dashboard's repeated listing maps its rows once; {@code mapper} must be a constant (a static field), since it is
     * part of what the list is kept under. From the store, mapped on every call.
     */
    public <C> Map<String, List<C>> relatedMapped(
            Relation relation,
            List<String> keys,
            java.util.function.BiFunction<Map<String, Object>, String, C> mapper) {
        if (listings == ReadConfig.Listings.SNAPSHOT) {
            return rows.current().relatedMapped(relation, keys, mapper);
        }
        Map<String, List<C>> out = new LinkedHashMap<>();
        related(relation, keys)
                .forEach((k, rows) ->
                        out.put(k, rows.stream().map(r -> mapper.apply(r, k)).toList()));
        return out;
    }

    /** Looks up any resource node (or peering/connection relationship) by normalised id. */
    public Optional<Map<String, Object>> byKey(String key) {
        return store.read(tx -> {
            var result = tx.run(
                            """
                    MATCH (n {key: $key}) WHERE NOT n:%s AND NOT n:Unresolved AND NOT n:ResourceVersion RETURN n {.*, label: labels(n)[0]} AS n LIMIT 1
                    UNION
                    MATCH ()-[p:PEERED_WITH|CONNECTS {key: $key}]->() RETURN p {.*, label: type(p)} AS n LIMIT 1"""
                                    .formatted(Labels.META),
                            Map.of("key", key))
                    .list();
            return result.isEmpty()
                    ? Optional.<Map<String, Object>>empty()
                    : Optional.of(result.get(0).get("n").asMap());
        });
    }

    /** Resources whose lower-case name equals {@code nameKey}: label and id of each. */
    public List<Map<String, Object>> byName(String nameKey) {
        return store.read(tx -> tx.run(
                        """
                MATCH (n) WHERE n.nameKey = $name AND NOT n:SecurityRule AND NOT n:Route
                RETURN n.id AS id, labels(n)[0] AS label ORDER BY n.key""",
                        Map.of("name", nameKey))
                .list(r -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("id", r.get("id").asString());
                    m.put("label", r.get("label").asString());
                    return m;
                }));
    }

    private static Map<String, Object> row(Record r) {
        Value v = r.get("n");
        return v.asMap();
    }
}
