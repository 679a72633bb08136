package io.asegraph.api.read;

import io.asegraph.api.read.filter.Pred;
import io.asegraph.api.read.filter.Relations;
import io.asegraph.api.read.filter.Scope;
import io.asegraph.api.read.filter.Tri;
import io.asegraph.topology.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A listing with a per-type where: one that uses only the original fields (name, location, kind, containsAddress)
 * runs in Cypher as before; any other is evaluated over the estate snapshot, then sorted and paged there (see
 * {@link Listing}).
 */
@ApplicationScoped
public class FilteredListing {
    private final Listing listing;
    private final Scopes scopes;

    public FilteredListing(Listing listing, Scopes scopes) {
        this.listing = listing;
        this.scopes = scopes;
    }

    <W, D extends Resource, T> List<T> list(
            Family<W, D, T> family, W where, List<ResourceSort> sort, Integer limit, Integer offset) {
        ResourceWhere legacy = Legacy.of(where);
        if (where == null || legacy != null) {
            return listing.list(family.source(), legacy, sort, limit, offset, family.mapper());
        }
        return listing.list(
                family.source(), split(family, where).matched(), sort, limit, offset, family.kind(), family.mapper());
    }

    <W, D extends Resource, T> Connection<T> connection(
            Family<W, D, T> family, W where, List<ResourceSort> sort, Integer first, String after) {
        ResourceWhere legacy = Legacy.of(where);
        if (where == null || legacy != null) {
            return listing.connection(family.source(), legacy, sort, first, after, family.mapper());
        }
        Split<D> split = split(family, where);
        Connection<T> page = listing.connection(
                family.source(), split.matched(), sort, first, after, family.kind(), family.mapper());
        return new Connection<>(page.edges(), page.pageInfo(), page.totalCount(), split.undetermined());
    }

    /**
     * The rows the filter holds for (TRUE), and the ids of those it cannot decide (UNKNOWN): an undetermined condition
     * never silently matches, and the connection form names those rows.
     */
    private record Split<D>(List<D> matched, List<String> undetermined) {}

    private <W, D extends Resource> Split<D> split(Family<W, D, ?> family, W where) {
        Relations.noExists(family.exists().apply(where), "where");
        Scope s = scopes.current();
        Pred<D> filter = family.compile().compile(where, "where", s);
        Collection<D> rows = family.rows().apply(s);
        List<D> matched = new ArrayList<>();
        List<String> undetermined = new ArrayList<>();
        for (D r : rows) {
            Tri t = filter.test(r);
            if (t == Tri.TRUE) {
                matched.add(r);
            } else if (t == Tri.UNKNOWN) {
                undetermined.add(r.id().value());
            }
        }
        return new Split<>(matched, undetermined);
    }
}
