package io.asegraph.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two states of one resource ({@link ResourceState}; either may be absent) and says, field by field, what
 * changed: a scalar or short list as "field old → new" ("(none)" where absent), a long list as what it gained and
 * lost, a named child (an NSG's rule, a route table's route, a firewall's rule collection and its rules) as "rule
 * allow-sql added", "rule allow-sql removed" or "rule allow-sql destinationPortRanges 1433 → 1433-1434". References
 * are shown by the referenced resource's name (the last segment of its id).
 */
public final class ResourceDiffer {
    /** Lists longer than this are told as what they gained and lost, not whole. */
    static final int WHOLE_LIST = 4;
    /** At most this many items are named per gained or lost part of a long list. */
    static final int NAMED_ITEMS = 5;

    private static final Map<String, String> CHILD_NOUNS =
            Map.of("securityRules", "rule", "routes", "route", "ruleCollections", "ruleCollection", "rules", "rule");

    private ResourceDiffer() {}

    /** What changed from {@code before} to {@code after}; empty when both are absent or equal. */
    public static Optional<ResourceChange> diff(Optional<ResourceState> before, Optional<ResourceState> after) {
        if (before.isEmpty() && after.isEmpty()) {
            return Optional.empty();
        }
        if (before.isEmpty()) {
            ResourceState a = after.get();
            List<String> lines = new ArrayList<>();
            created("", a.properties(), lines);
            return Optional.of(new ResourceChange(a.id(), a.name(), a.kind(), ChangeKind.CREATED, lines));
        }
        ResourceState b = before.get();
        if (after.isEmpty()) {
            return Optional.of(new ResourceChange(b.id(), b.name(), b.kind(), ChangeKind.REMOVED, List.of()));
        }
        ResourceState a = after.get();
        if (b.properties().equals(a.properties())) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        fields("", b.properties(), a.properties(), lines);
        return Optional.of(new ResourceChange(a.id(), a.name(), a.kind(), ChangeKind.UPDATED, lines));
    }

    /**
     * The changes from {@code before} to {@code after}, two sets of states by {@link ResourceState#key}: resources in
     * either, compared; ordered by kind, then name, then id.
     */
    public static List<ResourceChange> diff(Map<String, ResourceState> before, Map<String, ResourceState> after) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<ResourceChange> out = new ArrayList<>();
        for (String k : keys) {
            diff(Optional.ofNullable(before.get(k)), Optional.ofNullable(after.get(k)))
                    .ifPresent(out::add);
        }
        out.sort(ORDER);
        return out;
    }

    /** Changes ordered by kind, then name, then id. */
    public static final Comparator<ResourceChange> ORDER = Comparator.comparing(ResourceChange::kind)
            .thenComparing(ResourceChange::name)
            .thenComparing(ResourceChange::id);

    private static void created(String prefix, Map<String, Object> props, List<String> lines) {
        props.forEach((k, v) -> {
            if (v instanceof Map<?, ?> children) {
                children.keySet().forEach(c -> lines.add(prefix + noun(k) + " " + c + " added"));
            } else {
                lines.add(prefix + k + " " + show(v));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void fields(
            String prefix, Map<String, Object> before, Map<String, Object> after, List<String> lines) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String k : keys) {
            Object b = before.get(k);
            Object a = after.get(k);
            if (java.util.Objects.equals(a, b)) {
                continue;
            }
            if (b instanceof Map<?, ?> || a instanceof Map<?, ?>) {
                children(
                        prefix + noun(k) + " ",
                        b instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
                        a instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
                        lines);
            } else {
                lines.add(prefix + k + " " + change(b, a));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void children(
            String prefix, Map<String, Object> before, Map<String, Object> after, List<String> lines) {
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String n : names) {
            Object b = before.get(n);
            Object a = after.get(n);
            if (b == null) {
                lines.add(prefix + n + " added");
            } else if (a == null) {
                lines.add(prefix + n + " removed");
            } else if (!b.equals(a)) {
                fields(prefix + n + " ", (Map<String, Object>) b, (Map<String, Object>) a, lines);
            }
        }
    }

    private static String change(Object before, Object after) {
        if (before instanceof List<?> b
                && after instanceof List<?> a
                && (b.size() > WHOLE_LIST || a.size() > WHOLE_LIST)) {
            List<Object> gained = new ArrayList<>(a);
            gained.removeAll(b);
            List<Object> lost = new ArrayList<>(b);
            lost.removeAll(a);
            List<String> parts = new ArrayList<>();
            if (!gained.isEmpty()) {
                parts.add(gained.size() + " added (" + some(gained) + ")");
            }
            if (!lost.isEmpty()) {
                parts.add(lost.size() + " removed (" + some(lost) + ")");
            }
            if (parts.isEmpty()) {
                parts.add("reordered");
            }
            return String.join(", ", parts);
        }
        return show(before) + " → " + show(after);
    }

    private static String some(Collection<Object> items) {
        List<String> named =
                items.stream().limit(NAMED_ITEMS).map(ResourceDiffer::show).toList();
        return String.join(", ", named) + (items.size() > NAMED_ITEMS ? ", …" : "");
    }

    private static String show(Object v) {
        if (v == null) {
            return "(none)";
        }
        if (v instanceof List<?> l && l.isEmpty()) {
            return "(empty)";
        }
        if (v instanceof List<?> l) {
            return String.join(", ", l.stream().map(ResourceDiffer::show).toList());
        }
        String s = v.toString();
        return s.startsWith("/") && s.contains("/providers/") ? s.substring(s.lastIndexOf('/') + 1) : s;
    }

    private static String noun(String childList) {
        return CHILD_NOUNS.getOrDefault(childList, childList);
    }
}
