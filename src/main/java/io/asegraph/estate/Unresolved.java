package io.asegraph.estate;

import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The placeholders of a snapshot: resources that imported documents reference but that were never imported themselves
 * (a partial export: a NIC whose subnet is in another resource group's export), each with the resources that
 * reference it. A placeholder is not a resource with empty state: it is left out of the topology and the policy set,
 * and so is every resource that cannot be placed without it (a network interface, private endpoint or ASE in a subnet
 * that is a placeholder, and the apps of such an ASE); questions about those answer UNDETERMINED, naming what is
 * missing and how to import it ({@link #explain}).
 */
public record Unresolved(List<Placeholder> placeholders) {
    public static final Unresolved NONE = new Unresolved(List.of());

    public Unresolved {
        placeholders = List.copyOf(placeholders);
    }

    /**
     * A resource that references a placeholder, through {@code field}; {@code heldBack} when it is left out of the
     * snapshot; {@code privateIp} its private address, for an Azure Firewall (routes name it by that address).
     */
    public record Referrer(
            ResourceId id, String name, ResourceKind kind, String field, boolean heldBack, Optional<Long> privateIp) {
        public Referrer(ResourceId id, String name, ResourceKind kind, String field, boolean heldBack) {
            this(id, name, kind, field, heldBack, Optional.empty());
        }
    }

    /**
     * A resource held out of the snapshot because what hosts it is held back for a placeholder (an app on an ASE whose
     * subnet is not imported): its id, name and kind, and the name of its held-back {@code host}.
     */
    public record Hosted(ResourceId id, String name, ResourceKind kind, String host) {}

    /**
     * A referenced resource that is not imported: its id, the kind the references expect, its name (the id's last
     * segment), the resources that reference it, and those held back with a held-back referrer ({@link Hosted}).
     */
    public record Placeholder(
            ResourceId id, ResourceKind kind, String name, List<Referrer> referencedBy, List<Hosted> hosted) {
        public Placeholder {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            referencedBy = List.copyOf(referencedBy);
            hosted = List.copyOf(hosted);
        }

        public Placeholder(ResourceId id, ResourceKind kind, String name, List<Referrer> referencedBy) {
            this(id, kind, name, referencedBy, List.of());
        }

        /** What to import to resolve it: "import its VNet (az network vnet show --ids …)". */
        public String howToImport() {
            return kind.howToImport(id.value());
        }

        /**
         * "subnet …/hub/subnets/app is referenced by lone-nic but not imported: import its VNet (az network vnet show
         * --ids …)".
         */
        public String missing() {
            String by = referencedBy.isEmpty()
                    ? "referenced"
                    : "referenced by "
                            + referencedBy.stream()
                                    .map(Referrer::name)
                                    .distinct()
                                    .collect(Collectors.joining(", "));
            return kind.noun() + " " + id.value() + " is " + by + " but not imported: " + howToImport();
        }
    }

    public boolean isEmpty() {
        return placeholders.isEmpty();
    }

    /** The placeholder with {@code id}, if any. */
    public Optional<Placeholder> placeholder(ResourceId id) {
        return placeholders.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The kind of every placeholder, by id. */
    public Map<ResourceId, ResourceKind> kinds() {
        Map<ResourceId, ResourceKind> out = new LinkedHashMap<>();
        placeholders.forEach(p -> out.put(p.id(), p.kind()));
        return out;
    }

    /** The resources held out of the snapshot for a placeholder (they are in the graph), by id with their kind. */
    public Map<ResourceId, ResourceKind> heldBack() {
        Map<ResourceId, ResourceKind> out = new LinkedHashMap<>();
        heldBackResources().forEach(n -> out.put(n.id(), n.kind()));
        return out;
    }

    /** True when the graph holds a node for {@code id} that the snapshot leaves out: a placeholder or a resource held back. */
    public boolean inGraphOnly(ResourceId id) {
        return placeholder(id).isPresent() || heldBack().containsKey(id);
    }

    /**
     * Why a question about {@code text} (a resource id or name) cannot be answered, when it names a placeholder or a
     * resource held back for one: "network interface lone-nic cannot be placed: subnet … is referenced by lone-nic but
     * not imported: import its VNet (…)". Empty when {@code text} names neither.
     */
    public Optional<String> explain(String text) {
        return named(text).map(Named::why);
    }

    /**
     * A placeholder, or a resource held out of the snapshot for one, as a question names it: its id, name and kind, and
     * why nothing about it can be answered.
     */
    public record Named(ResourceId id, String name, ResourceKind kind, String why) {}

    /** The placeholder or held-back resource {@code text} (a resource id or name) names, if any ({@link #explain}). */
    public Optional<Named> named(String text) {
        if (text == null || text.isBlank() || placeholders.isEmpty()) {
            return Optional.empty();
        }
        String t = text.trim();
        boolean isId = t.startsWith("/");
        ResourceId asId = isId ? ResourceId.of(t) : null;
        String name = t.toLowerCase(Locale.ROOT);
        for (Placeholder p : placeholders) {
            if (isId && p.id().equals(asId)) {
                return Optional.of(new Named(p.id(), p.name(), p.kind(), p.missing()));
            }
        }
        for (Named n : heldBackResources()) {
            if (isId ? n.id().equals(asId) : n.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /**
     * The resources held out of the snapshot for a placeholder (network interfaces, private endpoints and ASEs in a
     * subnet never imported, apps on an ASE never imported), then those held back with them (apps on such an ASE),
     * each once, in the order of their placeholders, with why: what audits list as UNDETERMINED instead of leaving them
     * out.
     */
    public List<Named> heldBackResources() {
        Map<ResourceId, Named> out = new LinkedHashMap<>();
        for (Placeholder p : placeholders) {
            for (Referrer r : p.referencedBy()) {
                if (r.heldBack()) {
                    out.putIfAbsent(r.id(), new Named(r.id(), r.name(), r.kind(), heldBackWhy(r, p)));
                }
            }
        }
        for (Placeholder p : placeholders) {
            for (Hosted h : p.hosted()) {
                out.putIfAbsent(
                        h.id(),
                        new Named(
                                h.id(),
                                h.name(),
                                h.kind(),
                                h.kind().noun() + " " + h.name() + " cannot be placed in the network: it is hosted on "
                                        + h.host() + ", which is held back: " + p.missing()));
            }
        }
        return List.copyOf(out.values());
    }

    private static String heldBackWhy(Referrer r, Placeholder p) {
        return r.kind().noun() + " " + r.name() + " cannot be placed in the network: " + p.missing();
    }
}
