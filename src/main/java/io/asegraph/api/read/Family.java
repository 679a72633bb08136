package io.asegraph.api.read;

import io.asegraph.api.read.filter.Pred;
import io.asegraph.api.read.filter.Scope;
import io.asegraph.graph.ListQuery.Source;
import io.asegraph.topology.Resource;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * One listing with a per-type where: its graph source, its rows in the estate snapshot, how its where compiles, its
 * where's {@code exists} (an error at the top), the sort key KIND (environments only) and the mapping of a graph row.
 */
record Family<W, D extends Resource, T>(
        Source source,
        Function<Scope, Collection<D>> rows,
        Compiler<W, D> compile,
        Function<W, Boolean> exists,
        Function<D, String> kind,
        Function<Map<String, Object>, T> mapper) {

    /** A family without the KIND sort key. */
    static <W, D extends Resource, T> Family<W, D, T> of(
            Source source,
            Function<Scope, Collection<D>> rows,
            Compiler<W, D> compile,
            Function<W, Boolean> exists,
            Function<Map<String, Object>, T> mapper) {
        return new Family<>(source, rows, compile, exists, null, mapper);
    }

    /** Compiles a where at a path over a scope. */
    @FunctionalInterface
    interface Compiler<W, D> {
        Pred<D> compile(W where, String path, Scope scope);
    }
}
