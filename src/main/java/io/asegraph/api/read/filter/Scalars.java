package io.asegraph.api.read.filter;

import io.asegraph.api.InvalidArgumentException;
import io.asegraph.api.read.StringFilter;
import io.asegraph.net.AddressSet;
import io.asegraph.net.InvalidAddressException;
import io.asegraph.net.Ipv4;
import io.asegraph.net.Port;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.policy.ResolvedAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * One small evaluator per scalar type (strings, numbers, enums, address sets, port sets), each compiled from its
 * filter input after validating every value, so that the per-type {@code Where} inputs only compose them.
 */
public final class Scalars {
    private Scalars() {}

    /**
     * Case-insensitive string conditions. An absent value (null or empty, e.g. a subnet has no location of its own)
     * passes no condition, as in the Cypher listings.
     */
    public static <T> void string(List<Pred<T>> out, StringFilter f, String path, Function<T, String> value) {
        if (f == null) {
            return;
        }
        List<Pred<String>> c = new ArrayList<>();
        if (f.eq != null) {
            String eq = lower(f.eq);
            c.add(s -> Tri.of(s.equals(eq)));
        }
        if (f.in != null) {
            Set<String> in = f.in.stream().map(Scalars::lower).collect(Collectors.toSet());
            c.add(s -> Tri.of(in.contains(s)));
        }
        if (f.contains != null) {
            String x = lower(f.contains);
            c.add(s -> Tri.of(s.contains(x)));
        }
        if (f.startsWith != null) {
            String x = lower(f.startsWith);
            c.add(s -> Tri.of(s.startsWith(x)));
        }
        if (f.endsWith != null) {
            String x = lower(f.endsWith);
            c.add(s -> Tri.of(s.endsWith(x)));
        }
        Pred<String> all = Pred.all(c);
        out.add(r -> {
            String v = value.apply(r);
            return v == null || v.isEmpty() ? Tri.FALSE : all.test(v.toLowerCase(Locale.ROOT));
        });
    }

    /** A string field that takes {@code eq} or {@code in} only (location, kind), case-insensitive. */
    public static <T> void choice(List<Pred<T>> out, StringFilter f, String path, Function<T, String> value) {
        if (f == null) {
            return;
        }
        if (f.contains != null || f.startsWith != null || f.endsWith != null) {
            throw new InvalidArgumentException(path + " takes eq or in only");
        }
        string(out, f, path, value);
    }

    /**
     * A string field with a fixed set of values (a gateway type, a peering state), {@code values} in Azure's spelling
     * as the store keeps them: {@code eq} or {@code in}, each value Azure's spelling or the API's enum value
     * (case-insensitive, underscores ignored: {@code ExpressRoute} or {@code EXPRESS_ROUTE}), anything else
     * INVALID_ARGUMENT naming the field.
     */
    public static <T> void oneOf(
            List<Pred<T>> out, StringFilter f, String path, List<String> values, Function<T, String> value) {
        if (f == null) {
            return;
        }
        StringFilter azure = new StringFilter();
        azure.contains = f.contains;
        azure.startsWith = f.startsWith;
        azure.endsWith = f.endsWith;
        azure.eq = f.eq == null ? null : spelling(f.eq, values, path);
        azure.in = f.in == null
                ? null
                : f.in.stream().map(g -> spelling(g, values, path)).toList();
        choice(out, azure, path, value);
    }

    /** Azure's spelling, among {@code values}, of {@code given} (Azure's spelling or an enum value). */
    private static String spelling(String given, List<String> values, String path) {
        String n = given == null ? null : given.replace("_", "").toLowerCase(Locale.ROOT);
        return values.stream()
                .filter(v -> v.toLowerCase(Locale.ROOT).equals(n))
                .findFirst()
                .orElseThrow(() -> new InvalidArgumentException(
                        path + ": '" + given + "' is not one of " + String.join(", ", values)));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    public static <T> void integer(List<Pred<T>> out, IntFilter f, ToLongFunction<T> value) {
        if (f == null) {
            return;
        }
        long lo = Long.MIN_VALUE;
        long hi = Long.MAX_VALUE;
        if (f.lt != null) {
            hi = Math.min(hi, (long) f.lt - 1);
        }
        if (f.lte != null) {
            hi = Math.min(hi, f.lte);
        }
        if (f.gt != null) {
            lo = Math.max(lo, (long) f.gt + 1);
        }
        if (f.gte != null) {
            lo = Math.max(lo, f.gte);
        }
        long min = lo;
        long max = hi;
        Set<Long> in =
                f.in == null ? null : f.in.stream().map(Integer::longValue).collect(Collectors.toUnmodifiableSet());
        Long eq = f.eq == null ? null : f.eq.longValue();
        out.add(r -> {
            long v = value.applyAsLong(r);
            return Tri.of(v >= min && v <= max && (eq == null || v == eq) && (in == null || in.contains(v)));
        });
    }

    /**
     * {@code eq}/{@code in} on an enum of the API, matched by name against the row's constant of the domain enum
     * {@code domain} (compiled to a mask over its ordinals).
     */
    public static <T, E extends Enum<E>, D extends Enum<D>> void enumeration(
            List<Pred<T>> out, E eq, List<E> in, Class<D> domain, Function<T, D> value) {
        if (eq == null && in == null) {
            return;
        }
        D[] constants = domain.getEnumConstants();
        boolean[] mask = new boolean[constants.length];
        for (D d : constants) {
            boolean ok = (eq == null || eq.name().equals(d.name()))
                    && (in == null || in.stream().anyMatch(e -> e.name().equals(d.name())));
            mask[d.ordinal()] = ok;
        }
        out.add(r -> Tri.of(mask[value.apply(r).ordinal()]));
    }

    /** The original {@code containsAddress}: the row's addresses hold this IPv4 address. */
    public static <T> void containsAddress(List<Pred<T>> out, String text, String path, Function<T, AddressSet> value) {
        if (text == null) {
            return;
        }
        long a;
        try {
            a = Ipv4.parse(text);
        } catch (InvalidAddressException e) {
            throw new InvalidArgumentException(path + ": " + e.getMessage());
        }
        out.add(r -> Tri.of(value.apply(r).contains(a)));
    }

    /** Address conditions over a fully known set (a subnet's prefixes, an address). */
    public static <T> void addresses(
            List<Pred<T>> out, AddressFilter f, String path, Scope scope, Function<T, AddressSet> value) {
        resolvedAddresses(out, f, path, scope, r -> ResolvedAddresses.of(value.apply(r)));
    }

    /**
     * Address conditions over a value a row may lack (a public IP not allocated, a route without a next hop address,
     * a gateway that learned no route): a row without one passes no address condition.
     */
    public static <T> void optionalAddresses(
            List<Pred<T>> out, AddressFilter f, String path, Scope scope, Function<T, Optional<AddressSet>> value) {
        if (f == null) {
            return;
        }
        List<Pred<AddressSet>> a = new ArrayList<>();
        addresses(a, f, path, scope, s -> s);
        Pred<AddressSet> all = Pred.all(a);
        out.add(r -> value.apply(r).map(all::test).orElse(Tri.FALSE));
    }

    /** {@link #optionalAddresses} over a list of prefixes or addresses: an empty list is no value. */
    public static <T> void addressList(
            List<Pred<T>> out, AddressFilter f, String path, Scope scope, Function<T, AddressSet> value) {
        optionalAddresses(out, f, path, scope, r -> {
            AddressSet v = value.apply(r);
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        });
    }

    /** An optional IPv4 address (as a long) as an address set. */
    public static Optional<AddressSet> host(Optional<Long> address) {
        return address.map(AddressSet::host);
    }

    /**
     * Address conditions over a set that may have unresolved parts: decided by the resolved part when it can be
     * (it already holds the address, it already overlaps, it already reaches outside), otherwise UNKNOWN.
     */
    public static <T> void resolvedAddresses(
            List<Pred<T>> out, AddressFilter f, String path, Scope scope, Function<T, ResolvedAddresses> value) {
        if (f == null) {
            return;
        }
        List<Pred<ResolvedAddresses>> c = new ArrayList<>();
        if (f.contains != null) {
            AddressSet x = scope.addressValue(f.contains, path + ".contains");
            c.add(v -> v.addresses().containsAll(x) ? Tri.TRUE : v.isResolved() ? Tri.FALSE : Tri.UNKNOWN);
        }
        if (f.within != null) {
            AddressSet x = scope.addressValue(f.within, path + ".within");
            c.add(v -> !x.containsAll(v.addresses()) ? Tri.FALSE : v.isResolved() ? Tri.TRUE : Tri.UNKNOWN);
        }
        if (f.overlaps != null) {
            AddressSet x = scope.addressValue(f.overlaps, path + ".overlaps");
            c.add(v -> v.addresses().overlaps(x) ? Tri.TRUE : v.isResolved() ? Tri.FALSE : Tri.UNKNOWN);
        }
        Pred<ResolvedAddresses> all = Pred.all(c);
        out.add(r -> all.test(value.apply(r)));
    }

    public static <T> void ports(List<Pred<T>> out, PortFilter f, String path, Function<T, PortSet> value) {
        if (f == null) {
            return;
        }
        List<Pred<PortSet>> c = new ArrayList<>();
        if (f.includes != null) {
            if (!Port.isPort(f.includes)) {
                throw new InvalidArgumentException(Port.problem(path + ".includes", f.includes));
            }
            int p = f.includes;
            c.add(v -> Tri.of(v.contains(p)));
        }
        if (f.overlaps != null) {
            PortSet x = portValue(f.overlaps, path + ".overlaps");
            c.add(v -> Tri.of(!v.intersect(x).isEmpty()));
        }
        if (f.within != null) {
            PortSet x = portValue(f.within, path + ".within");
            c.add(v -> Tri.of(x.containsAll(v)));
        }
        Pred<PortSet> all = Pred.all(c);
        out.add(r -> all.test(value.apply(r)));
    }

    private static PortSet portValue(String text, String path) {
        try {
            return PortSet.of(List.of(PortRange.parse(text)));
        } catch (InvalidAddressException e) {
            throw new InvalidArgumentException(path + ": " + e.getMessage());
        }
    }

    public static <T> void bool(List<Pred<T>> out, Boolean f, Function<T, Tri> value) {
        if (f == null) {
            return;
        }
        boolean want = f;
        out.add(r -> {
            Tri v = value.apply(r);
            return want ? v : v.not();
        });
    }

    /** AND, OR and NOT of nested filters of the same type, compiled with {@code compile}. */
    public static <T, W> void logic(
            List<Pred<T>> out, List<W> and, List<W> or, W not, String path, Compiler<W, T> compile) {
        if (and != null) {
            List<Pred<T>> parts = new ArrayList<>();
            for (int i = 0; i < and.size(); i++) {
                parts.add(compile.compile(and.get(i), path + ".AND[" + i + "]"));
            }
            out.add(Pred.all(parts));
        }
        if (or != null) {
            List<Pred<T>> parts = new ArrayList<>();
            for (int i = 0; i < or.size(); i++) {
                parts.add(compile.compile(or.get(i), path + ".OR[" + i + "]"));
            }
            out.add(Pred.any(parts));
        }
        if (not != null) {
            out.add(compile.compile(not, path + ".NOT").negate());
        }
    }

    /** Compiles one filter input at a path (used for nesting). */
    @FunctionalInterface
    public interface Compiler<W, T> {
        Pred<T> compile(W where, String path);
    }
}
