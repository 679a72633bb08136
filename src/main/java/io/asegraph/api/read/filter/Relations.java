package io.asegraph.api.read.filter;

import io.asegraph.api.InvalidArgumentException;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** Relationship filters: a single relation by nesting plus {@code exists}, a list with some/none/all/single. */
public final class Relations {
    private Relations() {}

    /**
     * A single relation: {@code exists: false} holds when there is none; otherwise the related row must exist and
     * pass {@code parts} (no parts and no {@code exists}: no condition).
     */
    public static <P, D> Pred<P> one(Boolean exists, List<Pred<D>> parts, Function<P, D> get) {
        Pred<P> on = parts.isEmpty() ? null : Pred.all(parts).on(get);
        if (exists == null) {
            return on == null ? Pred.always() : on;
        }
        Pred<P> present = p -> Tri.of((get.apply(p) != null) == exists);
        return on == null ? present : Pred.all(List.of(present, on));
    }

    /**
     * {@link #one} over an optional reference: a reference to something not in the snapshot (an unresolved
     * placeholder: referenced, never imported) is UNKNOWN, never taken as "none".
     */
    public static <P, D> Pred<P> one(
            Boolean exists, List<Pred<D>> parts, Function<P, D> get, Function<P, java.util.Optional<?>> reference) {
        Pred<P> known = one(exists, parts, get);
        return p -> reference.apply(p).isPresent() && get.apply(p) == null ? Tri.UNKNOWN : known.test(p);
    }

    /** Like {@link #one} over a list relation read as "has one that": exists false = has none. */
    public static <P, D> Pred<P> anyOf(Boolean exists, List<Pred<D>> parts, Function<P, ? extends Collection<D>> get) {
        Pred<P> some = parts.isEmpty() ? null : Pred.all(parts).some(get);
        if (exists == null) {
            return some == null ? Pred.always() : some;
        }
        Pred<P> present = p -> Tri.of(!get.apply(p).isEmpty() == exists);
        return some == null ? present : Pred.all(List.of(present, some));
    }

    /** {@code some}, {@code none}, {@code all}, {@code single} over a list relation; each given one must hold. */
    public static <P, D, W> void list(
            List<Pred<P>> out,
            W some,
            W none,
            W all,
            W single,
            String path,
            Scalars.Compiler<W, D> compile,
            Function<P, ? extends Collection<D>> get) {
        if (some != null) {
            out.add(compile.compile(some, path + ".some").some(get));
        }
        if (none != null) {
            out.add(compile.compile(none, path + ".none").some(get).negate());
        }
        if (all != null) {
            out.add(compile.compile(all, path + ".all").every(get));
        }
        if (single != null) {
            out.add(compile.compile(single, path + ".single").single(get));
        }
    }

    /** {@code exists} belongs to relationship filters; at the top of a listing's where it is an error. */
    public static void noExists(Boolean exists, String path) {
        if (exists != null) {
            throw new InvalidArgumentException(path + ".exists applies only inside a relationship filter");
        }
    }
}
