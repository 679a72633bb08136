package io.asegraph.api.read.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A compiled filter over rows of type {@code T}. Filters are compiled once per request from the GraphQL input, with
 * every value validated first (a malformed value fails the whole request with INVALID_ARGUMENT naming its field),
 * then evaluated over the rows of the in-memory estate snapshot.
 */
@FunctionalInterface
public interface Pred<T> {
    Tri test(T row);

    static <T> Pred<T> always() {
        return r -> Tri.TRUE;
    }

    static <T> Pred<T> all(List<Pred<T>> parts) {
        if (parts.isEmpty()) {
            return always();
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<Pred<T>> copy = List.copyOf(parts);
        return r -> {
            Tri out = Tri.TRUE;
            for (Pred<T> p : copy) {
                out = out.and(p.test(r));
                if (out == Tri.FALSE) {
                    return out;
                }
            }
            return out;
        };
    }

    static <T> Pred<T> any(List<Pred<T>> parts) {
        List<Pred<T>> copy = List.copyOf(parts);
        return r -> {
            Tri out = Tri.FALSE;
            for (Pred<T> p : copy) {
                out = out.or(p.test(r));
                if (out == Tri.TRUE) {
                    return out;
                }
            }
            return out;
        };
    }

    default Pred<T> negate() {
        return r -> test(r).not();
    }

    /** This filter applied to a related row; an absent one fails it (a condition on nothing never holds). */
    default <P> Pred<P> on(Function<P, T> related) {
        return p -> {
            T t = related.apply(p);
            return t == null ? Tri.FALSE : test(t);
        };
    }

    /**
     * This filter on a related row that may be unknown: a null stands for a reference to something not in the
     * snapshot (an unresolved placeholder), on which every condition is UNKNOWN.
     */
    default Tri testOrUnknown(T row) {
        return row == null ? Tri.UNKNOWN : test(row);
    }

    /** {@code some}: at least one related row passes (a null related row: unknown). */
    default <P> Pred<P> some(Function<P, ? extends Collection<T>> related) {
        return p -> {
            Tri out = Tri.FALSE;
            for (T t : related.apply(p)) {
                out = out.or(testOrUnknown(t));
                if (out == Tri.TRUE) {
                    break;
                }
            }
            return out;
        };
    }

    /** {@code all}: every related row passes (true when there are none, as in the Neo4j GraphQL Library). */
    default <P> Pred<P> every(Function<P, ? extends Collection<T>> related) {
        return p -> {
            Tri out = Tri.TRUE;
            for (T t : related.apply(p)) {
                out = out.and(testOrUnknown(t));
                if (out == Tri.FALSE) {
                    break;
                }
            }
            return out;
        };
    }

    /** {@code single}: exactly one related row passes. */
    default <P> Pred<P> single(Function<P, ? extends Collection<T>> related) {
        return p -> {
            int yes = 0;
            int maybe = 0;
            for (T t : related.apply(p)) {
                switch (testOrUnknown(t)) {
                    case TRUE -> yes++;
                    case UNKNOWN -> maybe++;
                    default -> {}
                }
            }
            if (yes > 1) {
                return Tri.FALSE;
            }
            if (maybe == 0) {
                return Tri.of(yes == 1);
            }
            return Tri.UNKNOWN;
        };
    }

    /** Collects the parts, skipping nulls. */
    static <T> List<Pred<T>> parts() {
        return new ArrayList<>();
    }
}
