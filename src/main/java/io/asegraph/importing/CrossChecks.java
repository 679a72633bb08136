package io.asegraph.importing;

import io.asegraph.importing.Session.AddressCheck;
import io.asegraph.importing.Session.Declared;
import io.asegraph.importing.Session.Placement;
import io.asegraph.importing.Session.Reference;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Subnet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks that need the whole document (and what the graph already holds): references resolve to a resource of
 * the right kind, subnets lie inside their VNet's address space and do not overlap their siblings, and addresses
 * that must lie in a subnet (a NIC's private address, an ASE's internal address) do, and no subnet still in use is
 * removed by a VNet that no longer lists it. The graph is asked in batches:
 * one call per question for the whole document. Overlaps are found by sorting each VNet's subnets once.
 */
final class CrossChecks {
    private CrossChecks() {}

    static void run(Session s) {
        references(s);
        subnetPlacement(s);
        addressesInSubnets(s);
        subnetRemovals(s);
        unknownState(s);
    }

    /**
     * Absent is not empty. A resource listed without properties is a reference: it must exist in the graph (as the
     * same kind), where nothing of it changes (a warning says so); one new to the graph cannot be created, its state
     * being unknown. An NSG or route table that states no {@code securityRules} or {@code routes} keeps the stored
     * ones; one new to the graph is refused likewise. A new VNet that states no subnets or peerings is created
     * without them, with a warning.
     */
    private static void unknownState(Session s) {
        Set<ResourceId> ids = new LinkedHashSet<>();
        s.listed.forEach(l -> ids.add(l.id()));
        // A subnet's private endpoint policies left out need no lookup here: the import keeps the stored setting.
        s.unstated.forEach((id, parts) -> {
            if (!Set.of(StatePart.PRIVATE_ENDPOINT_NETWORK_POLICIES).containsAll(parts)) {
                ids.add(id);
            }
        });
        if (ids.isEmpty()) {
            return;
        }
        Map<ResourceId, ResourceKind> known = s.known.kindsOf(ids);
        for (Session.Listed l : s.listed) {
            ResourceKind stored = known.get(l.id());
            String label = l.kind().noun() + " '" + l.name() + "'";
            if (stored == null) {
                s.problem(
                        l.at(),
                        l.id().value(),
                        label + " is listed without properties (as az resource list prints"
                                + " it) and the graph has no resource with this id: its state is unknown, so it cannot be"
                                + " created; import it with its properties first ("
                                + l.kind().howToExport(l.id().value()) + ")");
            } else if (stored != l.kind()) {
                s.problem(
                        l.at(),
                        l.id().value(),
                        label + " is listed without properties, but the graph has " + stored.withArticle()
                                + " with this id");
            } else {
                s.warn(
                        l.at(),
                        label + " is listed without properties (as az resource list prints it): nothing of it"
                                + " changed; only a document that states its properties replaces them");
            }
        }
        unstated(
                s,
                known,
                s.resources.of(PolicyTypes.NETWORK_SECURITY_GROUP),
                ResourceKind.NETWORK_SECURITY_GROUP,
                StatePart.RULES,
                true);
        unstated(s, known, s.resources.of(NetworkTypes.ROUTE_TABLE), ResourceKind.ROUTE_TABLE, StatePart.ROUTES, true);
        unstated(
                s,
                known,
                s.resources.of(NetworkTypes.AZURE_FIREWALL),
                ResourceKind.AZURE_FIREWALL,
                StatePart.FIREWALL_RULES,
                true);
        unstated(
                s,
                known,
                s.resources.of(NetworkTypes.VIRTUAL_NETWORK),
                ResourceKind.VIRTUAL_NETWORK,
                StatePart.SUBNETS,
                false);
        unstated(
                s,
                known,
                s.resources.of(NetworkTypes.VIRTUAL_NETWORK),
                ResourceKind.VIRTUAL_NETWORK,
                StatePart.PEERINGS,
                false);
    }

    /**
     * For resources new to the graph whose document has no key for {@code part}: a problem when the part decides
     * answers ({@code required}: rules, routes), otherwise a warning that they are created without it.
     */
    private static void unstated(
            Session s,
            Map<ResourceId, ResourceKind> known,
            List<? extends Resource> resources,
            ResourceKind kind,
            StatePart part,
            boolean required) {
        for (Resource r : resources) {
            if (!s.unstated.getOrDefault(r.id(), Set.of()).contains(part) || known.get(r.id()) == kind) {
                continue;
            }
            Declared d = s.declared.get(r.id());
            NodePath at = d != null ? d.at() : NodePath.ROOT;
            String label = kind.noun() + " '" + r.name() + "'";
            if (required) {
                s.problem(
                        at,
                        r.id().value(),
                        label + " has no " + part.field() + " key and the graph has no "
                                + kind.noun() + " with this id: its " + part.noun()
                                + " are unknown, so it cannot be created;"
                                + " give " + part.field() + " ([] when it has none), as "
                                + kind.howToExport(r.id().value())
                                + " prints it");
            } else {
                s.warn(
                        at,
                        label + " has no " + part.field() + " key: it is created without " + part.noun()
                                + "; import them with " + kind.howToExport(r.id().value()));
            }
        }
    }

    private static void references(Session s) {
        Set<ResourceId> outside = new LinkedHashSet<>();
        for (Reference ref : s.references) {
            Declared d = s.declared.get(ref.id());
            if (d == null) {
                outside.add(ref.id());
            } else if (d.kind() != ref.expected()) {
                s.problem(
                        ref.at(),
                        ref.id().value(),
                        ref.field() + " '" + ref.id().value() + "' of " + ref.owner()
                                + " must name " + ref.expected().withArticle() + ", but that id is the "
                                + d.kind().noun() + " at "
                                + d.at());
            }
        }
        if (outside.isEmpty()) {
            return;
        }
        Map<ResourceId, ResourceKind> known = s.known.kindsOf(outside);
        for (Reference ref : s.references) {
            if (s.declared.containsKey(ref.id())) {
                continue;
            }
            ResourceKind kind = known.get(ref.id());
            if (kind == null && placeholder(s, ref)) {
                continue;
            }
            if (kind == ref.expected() && s.known.isPlaceholder(ref.id())) {
                s.warn(
                        ref.at(),
                        ref.field() + " '" + ref.id().value() + "' of " + ref.owner() + " names "
                                + ref.expected().withArticle()
                                + " that is still a placeholder (referenced, never imported): "
                                + ref.expected().howToImport(ref.id().value()));
            }
            if (kind == null) {
                s.problem(
                        ref.at(),
                        ref.id().value(),
                        ref.field() + " '" + ref.id().value() + "' of " + ref.owner() + " names "
                                + ref.expected().withArticle() + " that is neither in this document nor in the graph");
            } else if (kind != ref.expected()) {
                s.problem(
                        ref.at(),
                        ref.id().value(),
                        ref.field() + " '" + ref.id().value() + "' of " + ref.owner()
                                + " must name " + ref.expected().withArticle() + ", but the graph has "
                                + kind.withArticle()
                                + " with that id");
            }
        }
    }

    /**
     * In {@link UnresolvedReferences#PLACEHOLDER} mode, a written reference to a resource in neither the document nor
     * the graph, of a kind {@link UnresolvedReferences#placeholderFor} allows, becomes a placeholder (once per id)
     * with a warning naming it, the resource that references it and how to import it. False when it must stay a
     * problem.
     */
    private static boolean placeholder(Session s, Reference ref) {
        // An ASE names its subnet through virtualNetwork (derived, not an id of its own), and an ASE exported alone is
        // a partial export like a NIC exported alone; so is a gateway, stored in the VNet of its GatewaySubnet. Other
        // derived ids (a subnet's VNet) are never placeholders.
        boolean derivedPlaceholder =
                (ref.ownerKind() == ResourceKind.APP_SERVICE_ENVIRONMENT && ref.expected() == ResourceKind.SUBNET)
                        || (ref.ownerKind() == ResourceKind.VIRTUAL_NETWORK_GATEWAY
                                && ref.expected() == ResourceKind.VIRTUAL_NETWORK);
        if (s.unresolvedMode != UnresolvedReferences.PLACEHOLDER
                || (!ref.written() && !derivedPlaceholder)
                || !UnresolvedReferences.placeholderFor(ref.expected(), ref.ownerKind())) {
            return false;
        }
        ResourceKind inferred = inferredKind(ref.id()).orElse(ref.expected());
        if (inferred != ref.expected()) {
            s.problem(
                    ref.at(),
                    ref.id().value(),
                    ref.field() + " '" + ref.id().value() + "' of " + ref.owner() + " must name "
                            + ref.expected().withArticle() + ", but the id is of " + inferred.withArticle()
                            + " (" + inferred.armType() + ")");
            return true;
        }
        s.placeholders.putIfAbsent(
                ref.id(), new PlaceholderRef(ref.id(), ref.expected(), ref.id().name()));
        s.warn(
                ref.at(),
                ref.expected().noun() + " " + ref.id().value() + " is referenced by " + ref.owner()
                        + " but not imported: "
                        + ref.expected().howToImport(ref.id().value())
                        + "; until then it is an unresolved placeholder and questions that depend on it answer"
                        + " UNDETERMINED");
        return true;
    }

    /**
     * The kind an ARM id names by its type segments ({@code …/providers/Microsoft.Network/virtualNetworks/v/subnets/s}
     * is a subnet); empty when the id has no such segments or names a type asegraph does not model.
     */
    static java.util.Optional<ResourceKind> inferredKind(ResourceId id) {
        String v = id.value();
        int at = v.toLowerCase(java.util.Locale.ROOT).lastIndexOf("/providers/");
        if (at < 0) {
            return java.util.Optional.empty();
        }
        String[] parts = v.substring(at + "/providers/".length()).split("/");
        if (parts.length < 3 || parts.length % 2 == 0) {
            return java.util.Optional.empty();
        }
        StringBuilder type = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i += 2) {
            type.append('/').append(parts[i]);
        }
        return ResourceKind.fromArmType(type.toString());
    }

    /**
     * One prefix of a subnet in an overlap sweep: from the document (with its location and key) or from the graph.
     * {@code all} is the subnet's prefixes, as sentences show them.
     */
    private record Item(ResourceId id, String name, Cidr prefix, String all, NodePath at, String field) {
        boolean inDocument() {
            return at != null;
        }

        String where() {
            return inDocument() ? "at " + at : "in the graph";
        }
    }

    private static void subnetPlacement(Session s) {
        if (s.placements.isEmpty()) {
            return;
        }
        Set<ResourceId> vnets = new LinkedHashSet<>();
        s.placements.forEach(p -> vnets.add(p.vnetId()));
        Set<ResourceId> notInDocument = new LinkedHashSet<>();
        for (ResourceId v : vnets) {
            if (!s.declared.containsKey(v)) {
                notInDocument.add(v);
            }
        }
        Map<ResourceId, List<Cidr>> knownSpaces =
                notInDocument.isEmpty() ? Map.of() : s.known.addressSpaces(notInDocument);
        Map<ResourceId, AddressSet> spaces = new HashMap<>();
        Map<ResourceId, String> spaceText = new HashMap<>();
        for (ResourceId v : vnets) {
            List<Cidr> space = s.vnetSpaces.containsKey(v) ? s.vnetSpaces.get(v).prefixes() : knownSpaces.get(v);
            if (space != null) {
                spaces.put(v, AddressSet.of(space));
                spaceText.put(v, space.toString());
            }
        }
        Map<ResourceId, List<Item>> byVnet = new LinkedHashMap<>();
        for (Placement p : s.placements) {
            AddressSet space = spaces.get(p.vnetId());
            String all = Cidr.join(p.cidrs());
            for (Session.PlacedPrefix pp : p.prefixes()) {
                if (space != null && !space.containsAll(pp.prefix().toSet())) {
                    s.problem(
                            pp.at(),
                            pp.prefix().toString(),
                            pp.field() + " '" + pp.prefix() + "' of subnet '" + p.name()
                                    + "' is outside the address space " + spaceText.get(p.vnetId())
                                    + " of its virtual network '"
                                    + p.vnetId().name() + "'");
                }
                byVnet.computeIfAbsent(p.vnetId(), v -> new ArrayList<>())
                        .add(new Item(p.subnetId(), p.name(), pp.prefix(), all, pp.at(), pp.field()));
            }
        }
        for (Subnet known : s.known.subnetsOf(vnets)) {
            if (!s.declared.containsKey(known.id()) && byVnet.containsKey(known.vnetId())) {
                for (Cidr prefix : known.prefixes()) {
                    byVnet.get(known.vnetId())
                            .add(new Item(known.id(), known.name(), prefix, known.prefixText(), null, null));
                }
            }
        }
        for (List<Item> items : byVnet.values()) {
            items.sort(Comparator.comparingLong((Item i) -> i.prefix().first())
                    .thenComparingInt(i -> i.prefix().length()));
            Item widest = null;
            for (Item item : items) {
                // a subnet's own prefixes are checked against each other where it is read
                if (widest != null
                        && item.prefix().first() <= widest.prefix().last()
                        && !item.id().equals(widest.id())) {
                    Item reportAt = item.inDocument() ? item : widest;
                    Item other = reportAt == item ? widest : item;
                    if (reportAt.inDocument()) {
                        s.problem(
                                reportAt.at(),
                                reportAt.prefix().toString(),
                                reportAt.field() + " '" + reportAt.prefix()
                                        + "' of subnet '" + reportAt.name() + "' overlaps subnet '" + other.name()
                                        + "' ("
                                        + other.all() + ", " + other.where() + ") in the same virtual network");
                    }
                }
                if (widest == null || item.prefix().last() > widest.prefix().last()) {
                    widest = item;
                }
            }
        }
    }

    private static void addressesInSubnets(Session s) {
        if (s.addressChecks.isEmpty()) {
            return;
        }
        Map<ResourceId, Placement> inDocument = new HashMap<>();
        s.placements.forEach(p -> inDocument.put(p.subnetId(), p));
        Set<ResourceId> elsewhere = new LinkedHashSet<>();
        for (AddressCheck c : s.addressChecks) {
            if (!s.declared.containsKey(c.subnetId())) {
                elsewhere.add(c.subnetId());
            }
        }
        Map<ResourceId, List<Cidr>> known = elsewhere.isEmpty() ? Map.of() : s.known.subnetPrefixes(elsewhere);
        for (AddressCheck c : s.addressChecks) {
            Placement p = inDocument.get(c.subnetId());
            List<Cidr> prefixes = p != null ? p.cidrs() : known.get(c.subnetId());
            if (prefixes != null && prefixes.stream().noneMatch(x -> x.contains(c.address()))) {
                s.problem(
                        c.at(),
                        Ipv4.format(c.address()),
                        c.field() + " '" + Ipv4.format(c.address()) + "' of " + c.owner() + " is outside its subnet '"
                                + c.subnetId().name() + "' ("
                                + Cidr.join(prefixes) + ")");
            }
        }
    }

    /**
     * A VNet in the document lists its subnets completely (exact replacement), so a subnet the graph has in it that
     * the document declares nowhere is removed by the import. That is refused while the subnet is in use: when the
     * document itself references it, or when the graph has an ASE or network interface in it that the document does
     * not move elsewhere. Reported at the VNet's {@code subnets} list.
     */
    private static void subnetRemovals(Session s) {
        if (s.vnetSubnetLists.isEmpty()) {
            return;
        }
        Map<ResourceId, Subnet> removed = new LinkedHashMap<>();
        for (Subnet known : s.known.subnetsOf(s.vnetSubnetLists.keySet())) {
            if (s.vnetSubnetLists.containsKey(known.vnetId()) && !s.declared.containsKey(known.id())) {
                removed.put(known.id(), known);
            }
        }
        if (removed.isEmpty()) {
            return;
        }
        for (Reference ref : s.references) {
            Subnet gone = removed.get(ref.id());
            if (gone != null) {
                s.problem(
                        ref.at(),
                        ref.id().value(),
                        ref.field() + " '" + ref.id().value() + "' of " + ref.owner()
                                + " names subnet '" + gone.name() + "', which this import removes: virtual network '"
                                + vnetName(s, gone.vnetId()) + "' no longer lists it");
            }
        }
        for (Map.Entry<ResourceId, List<KnownResources.Resident>> e :
                s.known.residentsOf(removed.keySet()).entrySet()) {
            Subnet gone = removed.get(e.getKey());
            if (gone == null) {
                continue;
            }
            for (KnownResources.Resident resident : e.getValue()) {
                if (s.declared.containsKey(resident.id())) {
                    continue; // the document says where it lives now; a reference to the removed subnet is reported
                    // above
                }
                s.problem(
                        s.vnetSubnetLists.get(gone.vnetId()),
                        gone.id().value(),
                        "subnets of virtual network '"
                                + vnetName(s, gone.vnetId()) + "' no longer list subnet '" + gone.name() + "' ("
                                + gone.prefixText() + "), so this import would remove it, but it still holds the "
                                + resident.kind().noun() + " '"
                                + resident.name() + "' (" + resident.id().value()
                                + "): keep the subnet in the document, or move or"
                                + " delete what it holds first");
            }
        }
    }

    private static String vnetName(Session s, ResourceId vnet) {
        Declared d = s.declared.get(vnet);
        return d != null ? d.name() : vnet.name();
    }
}
