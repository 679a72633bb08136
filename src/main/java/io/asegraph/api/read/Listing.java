package io.asegraph.api.read;

import io.asegraph.api.ApiConfig;
import io.asegraph.api.InvalidArgumentException;
import io.asegraph.estate.Estate;
import io.asegraph.graph.EstateCache;
import io.asegraph.graph.GraphReader;
import io.asegraph.graph.ListQuery;
import io.asegraph.net.Cidr;
import io.asegraph.net.InvalidAddressException;
import io.asegraph.net.Ipv4;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Turns validated listing arguments into a {@link ListQuery}, runs it and shapes lists and Relay connections. */
@ApplicationScoped
public class Listing {
    private final GraphReader reader;
    private final EstateCache estates;
    private final ApiConfig config;

    public Listing(GraphReader reader, EstateCache estates, ApiConfig config) {
        this.reader = reader;
        this.estates = estates;
        this.config = config;
    }

    public <T> List<T> list(
            ListQuery.Source source,
            ResourceWhere where,
            List<ResourceSort> sort,
            Integer limit,
            Integer offset,
            Function<Map<String, Object>, T> mapper) {
        int size = pageSize(limit, "limit");
        long skip = offset == null ? 0 : offset;
        if (skip < 0) {
            throw new InvalidArgumentException("offset must not be negative (got " + offset + ")");
        }
        return reader.page(query(source, where, sort, skip, size)).rows().stream()
                .map(mapper)
                .toList();
    }

    public <T> Connection<T> connection(
            ListQuery.Source source,
            ResourceWhere where,
            List<ResourceSort> sort,
            Integer first,
            String after,
            Function<Map<String, Object>, T> mapper) {
        int size = pageSize(first, "first");
        long skip = after == null ? 0 : decode(after) + 1;
        GraphReader.Page page = reader.page(query(source, where, sort, skip, size));
        return connection(page.rows().stream().map(mapper).toList(), skip, page.totalCount());
    }

    /**
     * A page of {@code matched}, resources of the estate snapshot that passed a filter evaluated in memory: sorted
     * and paged here (as the Cypher listing sorts: by the sort keys, absent values last ascending, then by id), the
     * page's rows read by key.
     */
    public <D extends io.asegraph.topology.Resource, T> List<T> list(
            ListQuery.Source source,
            List<D> matched,
            List<ResourceSort> sort,
            Integer limit,
            Integer offset,
            Function<D, String> kind,
            Function<Map<String, Object>, T> mapper) {
        int size = pageSize(limit, "limit");
        long skip = offset == null ? 0 : offset;
        if (skip < 0) {
            throw new InvalidArgumentException("offset must not be negative (got " + offset + ")");
        }
        return rows(source, window(matched, sort, kind, source, skip, size)).stream()
                .map(mapper)
                .toList();
    }

    /** The connection form of {@link #list(ListQuery.Source, List, List, Integer, Integer, Function, Function)}. */
    public <D extends io.asegraph.topology.Resource, T> Connection<T> connection(
            ListQuery.Source source,
            List<D> matched,
            List<ResourceSort> sort,
            Integer first,
            String after,
            Function<D, String> kind,
            Function<Map<String, Object>, T> mapper) {
        int size = pageSize(first, "first");
        long skip = after == null ? 0 : decode(after) + 1;
        List<Map<String, Object>> rows = rows(source, window(matched, sort, kind, source, skip, size));
        return connection(rows.stream().map(mapper).toList(), skip, matched.size());
    }

    /** Shapes one page of a connection: its edges with offset cursors, page info and the total count. */
    static <T> Connection<T> connection(List<T> page, long skip, long totalCount) {
        List<Edge<T>> edges = new ArrayList<>();
        long i = skip;
        for (T node : page) {
            edges.add(new Edge<>(node, encode(i++)));
        }
        boolean hasNext = skip + edges.size() < totalCount;
        return new Connection<>(
                edges,
                new PageInfo(
                        hasNext,
                        skip > 0,
                        edges.isEmpty() ? null : edges.get(0).cursor(),
                        edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
                totalCount);
    }

    private <D extends io.asegraph.topology.Resource> List<String> window(
            List<D> matched,
            List<ResourceSort> sort,
            Function<D, String> kind,
            ListQuery.Source source,
            long skip,
            int size) {
        Comparator<D> order = (a, b) -> 0;
        List<ResourceSort> keys = sort == null ? List.of(ResourceSort.BY_NAME) : sort;
        for (ResourceSort s : keys) {
            if (s == null || s.field == null) {
                throw new InvalidArgumentException("sort entries need a field (NAME, LOCATION, KIND or ID)");
            }
            if (s.field == ResourceSort.SortField.KIND && source != ListQuery.Source.ENVIRONMENTS) {
                throw new InvalidArgumentException("sort by KIND applies only to environments");
            }
            Function<D, String> value =
                    switch (s.field) {
                        case NAME -> d -> d.name().toLowerCase(Locale.ROOT);
                        case LOCATION -> d -> d.location().isEmpty() ? null : d.location();
                        case KIND -> kind;
                        case ID -> d -> d.id().key();
                    };
            Comparator<String> nullsLast = Comparator.nullsLast(Comparator.<String>naturalOrder());
            Comparator<D> c = Comparator.comparing(
                    value, s.direction == ResourceSort.SortDirection.DESC ? nullsLast.reversed() : nullsLast);
            order = order.thenComparing(c);
        }
        order = order.thenComparing(d -> d.id().key());
        return matched.stream()
                .sorted(order)
                .skip(skip)
                .limit(size)
                .map(d -> d.id().key())
                .toList();
    }

    /** The graph rows of {@code keys}, in that order (a row deleted since the snapshot was taken is left out). */
    private List<Map<String, Object>> rows(ListQuery.Source source, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        ListQuery q = new ListQuery(source, 0, keys.size()).keyIn(keys);
        q.sortBy(ListQuery.SortField.ID, false);
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        for (Map<String, Object> row : reader.page(q).rows()) {
            byKey.put(Row.key(row), row);
        }
        return keys.stream().map(byKey::get).filter(Objects::nonNull).toList();
    }

    int pageSize(Integer requested, String argument) {
        if (requested == null) {
            return config.defaultPageSize();
        }
        if (requested < 0) {
            throw new InvalidArgumentException(argument + " must not be negative (got " + requested + ")");
        }
        if (requested > config.maxPageSize()) {
            throw new InvalidArgumentException(argument + " is " + requested + " but a page holds at most "
                    + config.maxPageSize() + " items; page with offset or after");
        }
        return requested;
    }

    private ListQuery query(
            ListQuery.Source source, ResourceWhere where, List<ResourceSort> sort, long skip, int size) {
        ListQuery q = new ListQuery(source, skip, size);
        if (where != null) {
            if (where.name != null) {
                applyName(q, where.name);
            }
            if (where.location != null) {
                q.locationIn(values(where.location, "location"));
            }
            if (where.kind != null) {
                if (source != ListQuery.Source.ENVIRONMENTS) {
                    throw new InvalidArgumentException("where.kind applies only to environments");
                }
                q.kindIn(values(where.kind, "kind"));
            }
            if (where.containsAddress != null) {
                q.keyIn(containing(source, where.containsAddress));
            }
        }
        if (sort != null) {
            for (ResourceSort s : sort) {
                if (s == null || s.field == null) {
                    throw new InvalidArgumentException("sort entries need a field (NAME, LOCATION, KIND or ID)");
                }
                if (s.field == ResourceSort.SortField.KIND && source != ListQuery.Source.ENVIRONMENTS) {
                    throw new InvalidArgumentException("sort by KIND applies only to environments");
                }
                q.sortBy(ListQuery.SortField.valueOf(s.field.name()), s.direction == ResourceSort.SortDirection.DESC);
            }
        } else {
            q.sortBy(ListQuery.SortField.NAME, false);
        }
        return q;
    }

    private static void applyName(ListQuery q, StringFilter f) {
        if (f.eq != null) {
            q.nameEquals(f.eq);
        }
        if (f.in != null) {
            q.nameIn(f.in);
        }
        if (f.contains != null) {
            q.nameContains(f.contains);
        }
        if (f.startsWith != null) {
            q.nameStartsWith(f.startsWith);
        }
        if (f.endsWith != null) {
            q.nameEndsWith(f.endsWith);
        }
    }

    private static List<String> values(StringFilter f, String field) {
        if (f.contains != null || f.startsWith != null || f.endsWith != null) {
            throw new InvalidArgumentException("where." + field + " takes eq or in only");
        }
        List<String> out = new ArrayList<>();
        if (f.eq != null) {
            out.add(f.eq);
        }
        if (f.in != null) {
            out.addAll(f.in);
        }
        return out;
    }

    private List<String> containing(ListQuery.Source source, String addressText) {
        long address;
        try {
            address = Ipv4.parse(addressText);
        } catch (InvalidAddressException e) {
            throw new InvalidArgumentException("where.containsAddress: " + e.getMessage());
        }
        Estate estate = estates.current();
        return switch (source) {
            case SUBNETS -> estate.topology().subnets().stream()
                    .filter(s -> s.contains(address))
                    .map(s -> s.id().key())
                    .toList();
            case VIRTUAL_NETWORKS -> estate.topology().vnets().stream()
                    .filter(v -> v.addressSpace().stream().anyMatch(c -> c.contains(address)))
                    .map(v -> v.id().key())
                    .toList();
            case ENDPOINTS -> estate.topology().endpoints().stream()
                    .filter(e -> e.addresses().stream().anyMatch((Cidr c) -> c.contains(address)))
                    .map(e -> e.id().key())
                    .toList();
            default -> throw new InvalidArgumentException(
                    "where.containsAddress applies to subnets, virtual networks and endpoints");
        };
    }

    static String encode(long offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (s.startsWith("offset:")) {
                long v = Long.parseLong(s.substring(7));
                if (v >= 0) {
                    return v;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new InvalidArgumentException("'" + cursor + "' is not a cursor returned by this API");
    }
}
