package io.asegraph.analysis.audit;

import io.asegraph.net.Protocol;
import io.asegraph.topology.ResourceId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a proposed change does to the estate-wide audits, each computed by the same audit code on the estate before
 * and after it: the ASE health checks whose status flips, the Internet exposures on the default ports (TCP) added or
 * removed, and the shadowed user rules added or removed. An exposure or shadowed rule that changes (other sources
 * admitted, another rule covering it) is one removed and one added.
 */
public record AuditChanges(
        List<HealthFlip> health,
        List<Exposure> exposuresAdded,
        List<Exposure> exposuresRemoved,
        List<ShadowedRule> shadowedAdded,
        List<ShadowedRule> shadowedRemoved) {

    /**
     * One health check of one ASE whose status differs; a status is empty where the ASE (or the check) does not exist
     * on that side. {@code detail} is the check's detail after the change (before it, when the ASE is gone).
     */
    public record HealthFlip(
            ResourceId environment,
            String name,
            String check,
            Optional<CheckStatus> before,
            Optional<CheckStatus> after,
            String detail) {}

    public static AuditChanges of(Audits before, Audits after) {
        List<Exposure> exposuresBefore = before.exposures(ExposureAudit.DEFAULT_PORTS, Protocol.TCP);
        List<Exposure> exposuresAfter = after.exposures(ExposureAudit.DEFAULT_PORTS, Protocol.TCP);
        List<ShadowedRule> shadowsBefore = before.shadowedRules(false);
        List<ShadowedRule> shadowsAfter = after.shadowedRules(false);
        return new AuditChanges(
                health(before.environmentsHealth(), after.environmentsHealth()),
                missing(exposuresAfter, exposuresBefore, AuditChanges::exposureKey, AuditChanges::exposurePlace),
                missing(exposuresBefore, exposuresAfter, AuditChanges::exposureKey, AuditChanges::exposurePlace),
                missing(shadowsAfter, shadowsBefore, Function.identity(), AuditChanges::shadowPlace),
                missing(shadowsBefore, shadowsAfter, Function.identity(), AuditChanges::shadowPlace));
    }

    static List<HealthFlip> health(List<EnvironmentHealth> before, List<EnvironmentHealth> after) {
        Map<ResourceId, EnvironmentHealth> was = byId(before);
        Map<ResourceId, EnvironmentHealth> is = byId(after);
        Set<ResourceId> ids = new LinkedHashSet<>(is.keySet());
        ids.addAll(was.keySet());
        List<HealthFlip> out = new ArrayList<>();
        for (ResourceId id : ids) {
            Map<String, HealthCheck> b = checks(was.get(id));
            Map<String, HealthCheck> a = checks(is.get(id));
            Set<String> names = new LinkedHashSet<>(a.keySet());
            names.addAll(b.keySet());
            String name = (is.containsKey(id) ? is.get(id) : was.get(id)).name();
            for (String check : names) {
                Optional<CheckStatus> sb = Optional.ofNullable(b.get(check)).map(HealthCheck::status);
                Optional<CheckStatus> sa = Optional.ofNullable(a.get(check)).map(HealthCheck::status);
                if (!sb.equals(sa)) {
                    HealthCheck shown = a.containsKey(check) ? a.get(check) : b.get(check);
                    out.add(new HealthFlip(id, name, check, sb, sa, shown.detail()));
                }
            }
        }
        return out;
    }

    private static Map<ResourceId, EnvironmentHealth> byId(List<EnvironmentHealth> all) {
        Map<ResourceId, EnvironmentHealth> m = new LinkedHashMap<>();
        all.forEach(h -> m.put(h.environment(), h));
        return m;
    }

    private static Map<String, HealthCheck> checks(EnvironmentHealth h) {
        Map<String, HealthCheck> m = new LinkedHashMap<>();
        if (h != null) {
            h.checks().forEach(c -> m.put(c.name(), c));
        }
        return m;
    }

    /** What an exposure is, for the comparison: where, which port, what is admitted and by which rules. */
    static List<Object> exposureKey(Exposure e) {
        return List.of(
                e.target(),
                e.port(),
                e.protocol(),
                e.verdict(),
                e.exposedSources(),
                e.undeterminedSources(),
                e.admittedBy(),
                e.publicAddress(),
                e.dnat().isPresent());
    }

    /** Where an exposure is (implied by its key: equal keys, equal places). */
    private static List<Object> exposurePlace(Exposure e) {
        return List.of(e.target(), e.port());
    }

    /** Where a shadowed rule is (implied by its equality). */
    private static List<Object> shadowPlace(ShadowedRule r) {
        return List.of(r.nsg(), r.direction(), r.rule().priority());
    }

    /** The items of {@code from} whose key is not among {@code other}'s, in {@code from}'s order. */
    static <T> List<T> missing(List<T> from, List<T> other, Function<T, ?> key) {
        Set<Object> keys = new LinkedHashSet<>();
        other.forEach(o -> keys.add(key.apply(o)));
        return from.stream().filter(x -> !keys.contains(key.apply(x))).toList();
    }

    /**
     * The same, cheaply when the lists share most of their items (the audits of a what-if derived from the snapshot's
     * share every part the change leaves alone): an item of {@code from} that is itself in {@code other} is not
     * missing; any other item's key is compared with the keys of the items of {@code other} at the same {@code place}
     * only ({@code place} must be implied by {@code key}: equal keys have equal places). The same answer as
     * {@link #missing(List, List, Function)}.
     */
    static <T> List<T> missing(List<T> from, List<T> other, Function<T, ?> key, Function<T, ?> place) {
        Set<T> shared = Collections.newSetFromMap(new IdentityHashMap<>());
        shared.addAll(other);
        Map<Object, List<T>> byPlace = null;
        List<T> out = new ArrayList<>();
        for (T x : from) {
            if (shared.contains(x)) {
                continue;
            }
            if (byPlace == null) {
                byPlace = new HashMap<>();
                for (T o : other) {
                    byPlace.computeIfAbsent(place.apply(o), k -> new ArrayList<>())
                            .add(o);
                }
            }
            Object k = key.apply(x);
            if (byPlace.getOrDefault(place.apply(x), List.of()).stream().noneMatch(o -> k.equals(key.apply(o)))) {
                out.add(x);
            }
        }
        return List.copyOf(out);
    }
}
