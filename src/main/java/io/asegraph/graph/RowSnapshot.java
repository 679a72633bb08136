package io.asegraph.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.neo4j.driver.TransactionContext;

/**
 * Every listed row of the graph and every relationship the read API traverses, at one store version, read in one
 * read transaction with the very queries the Cypher path runs ({@link ListQuery.Source}'s pattern and projection,
 * {@link Relation#whole}), so that a listing answered from here is the Cypher answer: the same row maps, filtered
 * with Cypher's null semantics, sorted as {@code ORDER BY} sorts (absent values last ascending, first descending,
 * then by key), paged and counted the same way. Immutable once loaded; the sorted orders of unfiltered listings are
 * computed once per sort and kept.
 */
final class RowSnapshot {
    private final long version;
    private final Map<ListQuery.Source, List<Map<String, Object>>> rows;
    private final Map<ListQuery.Source, Map<String, Map<String, Object>>> byKey;
    private final Map<Relation, Map<String, List<Map<String, Object>>>> related;
    private final Map<String, List<Map<String, Object>>> sorted = new ConcurrentHashMap<>();
    /** Related rows mapped to API objects, kept with this version ({@link #relatedMapped}). */
    private final Map<List<Object>, List<?>> mapped = new ConcurrentHashMap<>();

    private RowSnapshot(
            long version,
            Map<ListQuery.Source, List<Map<String, Object>>> rows,
            Map<Relation, Map<String, List<Map<String, Object>>>> related) {
        this.version = version;
        this.rows = rows;
        this.related = related;
        this.byKey = new EnumMap<>(ListQuery.Source.class);
        rows.forEach((source, list) -> {
            Map<String, Map<String, Object>> m = new HashMap<>();
            for (Map<String, Object> r : list) {
                m.putIfAbsent((String) r.get("key"), r);
            }
            byKey.put(source, m);
        });
    }

    /** Reads the snapshot in {@code tx}: the store version, every listing's rows and every relation. */
    static RowSnapshot load(TransactionContext tx) {
        long version = EstateLoader.version(tx);
        // One map per node (or relationship) shared by the listings and the relations that return it.
        Map<String, Map<String, Object>> canonical = new HashMap<>();
        Map<ListQuery.Source, List<Map<String, Object>>> rows = new EnumMap<>(ListQuery.Source.class);
        for (ListQuery.Source source : ListQuery.Source.values()) {
            ListQuery all = new ListQuery(source, 0, 0);
            List<Map<String, Object>> list = new ArrayList<>();
            tx.run("MATCH " + all.pattern() + all.whereClause() + " RETURN " + all.projection() + " AS n")
                    .forEachRemaining(
                            r -> list.add(canonical(canonical, r.get("n").asMap())));
            rows.put(source, List.copyOf(list));
        }
        Map<Relation, Map<String, List<Map<String, Object>>>> related = new EnumMap<>(Relation.class);
        for (Relation relation : Relation.values()) {
            Map<String, List<Map<String, Object>>> byParent = new HashMap<>();
            tx.run(relation.whole())
                    .forEachRemaining(r -> byParent.computeIfAbsent(r.get("k").asString(), k -> new ArrayList<>())
                            .add(canonical(canonical, r.get("n").asMap())));
            byParent.replaceAll((k, l) -> List.copyOf(l));
            related.put(relation, byParent);
        }
        return new RowSnapshot(version, rows, related);
    }

    private static Map<String, Object> canonical(Map<String, Map<String, Object>> seen, Map<String, Object> row) {
        Object key = row.get("key");
        if (!(key instanceof String k)) {
            return row;
        }
        Map<String, Object> held = seen.putIfAbsent(k, row);
        return held != null && held.equals(row) ? held : row;
    }

    long version() {
        return version;
    }

    /** The page {@code q} asks for and the count of all rows that match it, as {@link GraphReader#page} answers. */
    GraphReader.Page page(ListQuery q) {
        List<Map<String, Object>> matched;
        if (q.tests().isEmpty()) {
            matched = sorted.computeIfAbsent(q.source() + " " + q.sort(), s -> sort(rows.get(q.source()), q.sort()));
        } else {
            List<Map<String, Object>> candidates = candidates(q);
            List<Map<String, Object>> kept = new ArrayList<>();
            for (Map<String, Object> r : candidates) {
                if (q.tests().stream().allMatch(t -> t.test(r))) {
                    kept.add(r);
                }
            }
            matched = sort(kept, q.sort());
        }
        long from = Math.min(q.skip(), matched.size());
        long to = Math.min(from + q.limit(), matched.size());
        return new GraphReader.Page(matched.subList((int) from, (int) to), matched.size());
    }

    /** The rows a query can match: those of its smallest key set when it has one, else all of its source. */
    private List<Map<String, Object>> candidates(ListQuery q) {
        Set<String> smallest = null;
        for (Set<String> keys : q.keySets()) {
            if (smallest == null || keys.size() < smallest.size()) {
                smallest = keys;
            }
        }
        if (smallest == null) {
            return rows.get(q.source());
        }
        Map<String, Map<String, Object>> index = byKey.get(q.source());
        List<Map<String, Object>> out = new ArrayList<>();
        for (String k : new LinkedHashSet<>(smallest)) {
            Map<String, Object> r = index.get(k);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** {@link GraphReader#related}, from the snapshot. */
    /**
     * For each key, its related rows mapped by {@code mapper} (given the row and the parent's key), each mapped list
     * made once per version and kept: {@code mapper} must be a constant, as it is part of the key kept under.
     */
    @SuppressWarnings("unchecked")
    <C> Map<String, List<C>> relatedMapped(
            Relation relation, Collection<String> keys, BiFunction<Map<String, Object>, String, C> mapper) {
        Map<String, List<Map<String, Object>>> byParent = related.get(relation);
        Map<String, List<C>> out = new HashMap<>();
        for (String k : keys) {
            out.computeIfAbsent(k, key -> (List<C>) mapped.computeIfAbsent(List.of(relation, mapper, key), x -> {
                List<Map<String, Object>> rows = byParent.getOrDefault(key, List.of());
                List<C> list = new ArrayList<>(rows.size());
                for (Map<String, Object> r : rows) {
                    list.add(mapper.apply(r, key));
                }
                return List.copyOf(list);
            }));
        }
        return out;
    }

    Map<String, List<Map<String, Object>>> related(Relation relation, Collection<String> keys) {
        Map<String, List<Map<String, Object>>> all = related.get(relation);
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String k : keys) {
            out.put(k, all.getOrDefault(k, List.of()));
        }
        return out;
    }

    private static List<Map<String, Object>> sort(List<Map<String, Object>> rows, List<ListQuery.Sort> keys) {
        Comparator<Map<String, Object>> order = (a, b) -> 0;
        for (ListQuery.Sort s : keys) {
            String property = s.field().expression.substring(2); // "n.nameKey" -> "nameKey"
            Comparator<Map<String, Object>> c = (a, b) -> compare(a.get(property), b.get(property));
            order = order.thenComparing(s.descending() ? c.reversed() : c);
        }
        order = order.thenComparing((a, b) -> compare(a.get("key"), b.get("key")));
        List<Map<String, Object>> out = new ArrayList<>(rows);
        out.sort(order);
        return List.copyOf(out);
    }

    /**
     * Cypher's ascending order of two property values: null after everything, numbers by value, strings by code point
     * (reversed, for DESC, nulls come first, as in Cypher).
     */
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof String x && b instanceof String y) {
            return codePoints(x, y);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return x instanceof Double || y instanceof Double
                    ? Double.compare(x.doubleValue(), y.doubleValue())
                    : Long.compare(x.longValue(), y.longValue());
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        return codePoints(a.toString(), b.toString());
    }

    private static int codePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }
}
