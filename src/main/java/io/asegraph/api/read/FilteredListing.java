package io.asegraph.api.read;

import io.asegraph.api.read.filter.Pred;
import io.asegraph.api.read.filter.Relations;
import io.asegraph.api.read.filter.Scope;
import io.asegraph.api.read.filter.Tri;
import io.asegraph.topology.Resource;
import jakarta.enterprise.context.ApplicationScoped;
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
                family.source(), matched(family, where), sort, limit, offset, family.kind(), family.mapper());
    }

    <W, D extends Resource, T> Connection<T> connection(
            Family<W, D, T> family, W where, List<ResourceSort> sort, Integer first, String after) {
        ResourceWhere legacy = Legacy.of(where);
        if (where == null || legacy != null) {
            return listing.connection(family.source(), legacy, sort, first, after, family.mapper());
        }
        return listing.connection(
                family.source(), matched(family, where), sort, first, after, family.kind(), family.mapper());
    }

    /** The rows the filter holds for (TRUE; an undetermined condition never silently matches). */
    private <W, D extends Resource> List<D> matched(Family<W, D, ?> family, W where) {
        Relations.noExists(family.exists().apply(where), "where");
        Scope s = scopes.current();
        Pred<D> filter = family.compile().compile(where, "where", s);
        Collection<D> rows = family.rows().apply(s);
        return rows.stream().filter(r -> filter.test(r) == Tri.TRUE).toList();
    }
}
