package io.asegraph.graph;

import io.asegraph.estate.Estate;
import io.asegraph.importing.ParsedDocument;
import io.asegraph.importing.StatePart;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.NatGateway;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.Peering;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.ResourceType;
import io.asegraph.topology.Route;
import io.asegraph.topology.RouteTable;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Compares a valid document with the snapshot it was validated against and keeps what must be written: every
 * resource of the document is created (new id), updated (differs) or unchanged (equal), and the subnets and peerings
 * of the document's VNets that the document no longer lists are removed.
 *
 * <p>Comparison is on the domain records, normalised as the loader reads them back: rules by priority then name,
 * routes by name, NIC and NAT gateway references as sets. An NSG's incoming {@code etag} is ignored: the service owns
 * etags and gives an NSG a new {@code W/"<uuid>"} whenever it is created or changes; an unchanged NSG keeps its etag.
 * An ASE given without {@code addresses} keeps the addresses stored for it (its public VIP, outbound and internal
 * addresses): {@code az appservice ase show} does not print them, and an export of it must not wipe what
 * {@code az appservice ase list-addresses} told earlier. Absent is not empty in general: an NSG without
 * {@code securityRules} keeps its stored rules, a route table without {@code routes} its routes, a VNet without
 * {@code subnets} its subnets ({@link ParsedDocument#unstated}), and a resource listed without any properties
 * ({@code az resource list}) is counted unchanged and not written at all. Service tags are upserted by name; tags the
 * graph has and the document does not are kept.
 *
 * <p>A resource the snapshot holds back for a placeholder (a network interface in a subnet never imported, …) is
 * compared with its stored record ({@link HeldBackRecords}), as any other: the same is unchanged, not created again.
 */
final class ImportDiff {
    /** The batch to write and what it amounts to. */
    record Result(ImportBatch batch, int created, int updated, int unchanged, int removed, List<String> notes) {}

    private final Estate estate;
    private final HeldBackRecords heldBack;
    private final Supplier<String> etags;
    private final ImportBatch.Builder batch = new ImportBatch.Builder();
    private final List<String> notes = new ArrayList<>();
    private int created;
    private int updated;
    private int unchanged;

    private ImportDiff(Estate estate, HeldBackRecords heldBack, Supplier<String> etags) {
        this.estate = estate;
        this.heldBack = heldBack;
        this.etags = etags;
    }

    /** A new NSG etag as Azure writes them: a weak ETag around a UUID. */
    static String newEtag() {
        return "W/\"" + UUID.randomUUID() + "\"";
    }

    /** As below, held-back resources taken for new (for plans that never read the store: what-if). */
    static Result of(ParsedDocument doc, Estate estate) {
        return of(doc, estate, HeldBackRecords.NONE);
    }

    /** {@code doc} against {@code estate}, held-back resources compared with {@code heldBack}'s records. */
    static Result of(ParsedDocument doc, Estate estate, HeldBackRecords heldBack) {
        return of(doc, estate, heldBack, ImportDiff::newEtag);
    }

    static Result of(ParsedDocument doc, Estate estate, Supplier<String> etags) {
        return of(doc, estate, HeldBackRecords.NONE, etags);
    }

    static Result of(ParsedDocument doc, Estate estate, HeldBackRecords heldBack, Supplier<String> etags) {
        if (!doc.isValid()) {
            throw new IllegalArgumentException("a document with problems is never written");
        }
        return new ImportDiff(estate, heldBack, etags).run(doc);
    }

    private Result run(ParsedDocument doc) {
        Topology t = estate.topology();
        PolicySet p = estate.policies();
        compare(NetworkTypes.VIRTUAL_NETWORK, doc.of(NetworkTypes.VIRTUAL_NETWORK), t::vnet, UnaryOperator.identity());
        compare(NetworkTypes.SUBNET, keepSubnetPolicies(doc), t::subnet, UnaryOperator.identity());
        compare(NetworkTypes.PEERING, doc.of(NetworkTypes.PEERING), t::peering, UnaryOperator.identity());
        nsgs(doc, p);
        compare(NetworkTypes.ROUTE_TABLE, keepRoutes(doc), t::routeTable, ImportDiff::normalise);
        compare(NetworkTypes.NETWORK_INTERFACE, doc.of(NetworkTypes.NETWORK_INTERFACE), t::nic, ImportDiff::normalise);
        compare(
                PolicyTypes.APPLICATION_SECURITY_GROUP,
                doc.of(PolicyTypes.APPLICATION_SECURITY_GROUP),
                p::asg,
                UnaryOperator.identity());
        compare(NetworkTypes.NAT_GATEWAY, doc.of(NetworkTypes.NAT_GATEWAY), t::natGateway, ImportDiff::normalise);
        compare(
                NetworkTypes.PUBLIC_IP_ADDRESS,
                doc.of(NetworkTypes.PUBLIC_IP_ADDRESS),
                t::publicIp,
                UnaryOperator.identity());
        compare(
                NetworkTypes.VIRTUAL_NETWORK_GATEWAY,
                doc.of(NetworkTypes.VIRTUAL_NETWORK_GATEWAY),
                t::gateway,
                UnaryOperator.identity());
        compare(
                NetworkTypes.LOCAL_NETWORK_GATEWAY,
                doc.of(NetworkTypes.LOCAL_NETWORK_GATEWAY),
                t::localGateway,
                UnaryOperator.identity());
        compare(NetworkTypes.CONNECTION, doc.of(NetworkTypes.CONNECTION), t::connection, UnaryOperator.identity());
        compare(NetworkTypes.APP_SERVICE_ENVIRONMENT, keepAddresses(doc), t::environment, UnaryOperator.identity());
        compare(NetworkTypes.APP, doc.of(NetworkTypes.APP), t::app, UnaryOperator.identity());
        compare(NetworkTypes.ENDPOINT, doc.of(NetworkTypes.ENDPOINT), t::endpoint, UnaryOperator.identity());
        compare(NetworkTypes.AZURE_FIREWALL, keepFirewallRules(doc), t::firewall, UnaryOperator.identity());
        compare(
                NetworkTypes.FIREWALL_POLICY,
                doc.of(NetworkTypes.FIREWALL_POLICY),
                t::firewallPolicy,
                UnaryOperator.identity());
        compare(NetworkTypes.IP_GROUP, doc.of(NetworkTypes.IP_GROUP), t::ipGroup, UnaryOperator.identity());
        compare(
                NetworkTypes.PRIVATE_ENDPOINT,
                doc.of(NetworkTypes.PRIVATE_ENDPOINT),
                t::privateEndpoint,
                UnaryOperator.identity());
        compare(
                NetworkTypes.RULE_COLLECTION_GROUP,
                doc.of(NetworkTypes.RULE_COLLECTION_GROUP),
                t::ruleCollectionGroup,
                UnaryOperator.identity());
        serviceTags(doc.of(PolicyTypes.SERVICE_TAGS), p);
        unchanged += doc.listed().size();
        removals(doc, t);
        placeholders(doc);
        ImportBatch b = batch.build();
        return new Result(b, created, updated, unchanged, b.removalCount(), notes);
    }

    /**
     * The document's placeholders that the graph does not hold yet go into the batch; a resource of the document that
     * the graph holds only as a placeholder (or holds back for one) is written over its node, not created beside it.
     */
    private void placeholders(ParsedDocument doc) {
        doc.placeholders().stream()
                .filter(p -> !estate.unresolved().inGraphOnly(p.id()))
                .forEach(batch.placeholders::add);
        batch.created.removeIf(id -> estate.unresolved().inGraphOnly(id));
    }

    private <T extends Resource> void compare(
            ResourceType<T> type,
            List<T> incoming,
            Function<ResourceId, Optional<T>> stored,
            UnaryOperator<T> normalise) {
        for (T r : incoming) {
            Optional<T> old = stored.apply(r.id()).or(() -> heldBack.get(type, r.id()));
            if (old.isEmpty()) {
                created++;
                batch.created.add(r.id());
                batch.upsert(type, r);
            } else if (normalise.apply(old.get()).equals(normalise.apply(r))) {
                unchanged++;
            } else {
                updated++;
                batch.upsert(type, r);
            }
        }
    }

    private void nsgs(ParsedDocument doc, PolicySet p) {
        for (NetworkSecurityGroup n : doc.of(PolicyTypes.NETWORK_SECURITY_GROUP)) {
            Optional<NetworkSecurityGroup> old = p.nsg(n.id());
            if (old.isPresent() && doc.unstated(n.id(), StatePart.RULES)) {
                n = new NetworkSecurityGroup(
                        n.id(), n.name(), n.location(), n.etag(), old.get().rules());
                notes.add("network security group '" + n.name() + "' came without securityRules: kept its "
                        + old.get().rules().size() + " stored rules");
            }
            if (old.isPresent() && normalise(old.get()).equals(normalise(n))) {
                unchanged++;
                continue;
            }
            if (old.isEmpty()) {
                created++;
                batch.created.add(n.id());
            } else {
                updated++;
            }
            batch.upsert(
                    PolicyTypes.NETWORK_SECURITY_GROUP,
                    new NetworkSecurityGroup(n.id(), n.name(), n.location(), etags.get(), n.rules()));
        }
    }

    /**
     * The document's subnets, each with its stored {@code privateEndpointNetworkPolicies} where it states none (a new
     * subnet without the key has Azure's default, Disabled).
     */
    private List<Subnet> keepSubnetPolicies(ParsedDocument doc) {
        List<Subnet> out = new ArrayList<>(doc.of(NetworkTypes.SUBNET).size());
        for (Subnet s : doc.of(NetworkTypes.SUBNET)) {
            Optional<Subnet> old = doc.unstated(s.id(), StatePart.PRIVATE_ENDPOINT_NETWORK_POLICIES)
                    ? estate.topology().subnet(s.id())
                    : Optional.empty();
            out.add(old.map(o -> s.with(o.privateEndpointNetworkPolicies())).orElse(s));
        }
        return out;
    }

    /** The document's firewalls, each with its stored rule collections where it states none. */
    private List<AzureFirewall> keepFirewallRules(ParsedDocument doc) {
        List<AzureFirewall> out = new ArrayList<>();
        for (AzureFirewall f : doc.of(NetworkTypes.AZURE_FIREWALL)) {
            Optional<AzureFirewall> old =
                    estate.topology().firewall(f.id()).or(() -> heldBack.get(NetworkTypes.AZURE_FIREWALL, f.id()));
            if (old.isPresent() && doc.unstated(f.id(), StatePart.FIREWALL_RULES)) {
                notes.add("Azure Firewall '" + f.name() + "' came without rule collections: kept its "
                        + old.get().ruleCollections().size() + " stored rule collections");
                out.add(f.withRules(old.get().ruleCollections(), old.get().policyId()));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    /** The document's route tables, each with its stored routes and BGP setting where it states none. */
    private List<RouteTable> keepRoutes(ParsedDocument doc) {
        List<RouteTable> out = new ArrayList<>(doc.of(NetworkTypes.ROUTE_TABLE).size());
        for (RouteTable r : doc.of(NetworkTypes.ROUTE_TABLE)) {
            Optional<RouteTable> old = estate.topology().routeTable(r.id());
            if (old.isEmpty()) {
                out.add(r);
                continue;
            }
            boolean keepRoutes = doc.unstated(r.id(), StatePart.ROUTES);
            boolean keepBgp = doc.unstated(r.id(), StatePart.BGP_ROUTE_PROPAGATION);
            out.add(new RouteTable(
                    r.id(),
                    r.name(),
                    r.location(),
                    keepBgp ? old.get().disableBgpRoutePropagation() : r.disableBgpRoutePropagation(),
                    keepRoutes ? old.get().routes() : r.routes()));
            if (keepRoutes) {
                notes.add("route table '" + r.name() + "' came without routes: kept its "
                        + old.get().routes().size() + " stored routes");
            }
        }
        return out;
    }

    private List<AppServiceEnvironment> keepAddresses(ParsedDocument doc) {
        List<AppServiceEnvironment> out =
                new ArrayList<>(doc.of(NetworkTypes.APP_SERVICE_ENVIRONMENT).size());
        for (AppServiceEnvironment e : doc.of(NetworkTypes.APP_SERVICE_ENVIRONMENT)) {
            Optional<AppServiceEnvironment> old = doc.unstated(e.id(), StatePart.ADDRESSES)
                    ? estate.topology()
                            .environment(e.id())
                            .or(() -> heldBack.get(NetworkTypes.APP_SERVICE_ENVIRONMENT, e.id()))
                    : Optional.empty();
            if (old.isPresent()) {
                AppServiceEnvironment o = old.get();
                out.add(new AppServiceEnvironment(
                        e.id(),
                        e.name(),
                        e.location(),
                        e.kind(),
                        e.internalLoadBalancingMode(),
                        e.subnetId(),
                        o.publicVip(),
                        o.outboundAddresses(),
                        o.internalAddress(),
                        o.windowsOutboundAddresses(),
                        o.linuxOutboundAddresses()));
                if (o.publicVip().isPresent()
                        || !o.outboundAddresses().isEmpty()
                        || o.internalAddress().isPresent()) {
                    notes.add(
                            "App Service Environment '" + e.name() + "' came without addresses: kept the stored ones");
                }
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private void serviceTags(List<ServiceTag> incoming, PolicySet p) {
        for (ServiceTag tag : incoming) {
            Optional<ServiceTag> old = p.serviceTag(tag.name());
            if (old.isEmpty()) {
                created++;
                batch.upsert(PolicyTypes.SERVICE_TAGS, tag);
            } else if (old.get().equals(tag)) {
                unchanged++;
            } else {
                updated++;
                batch.upsert(PolicyTypes.SERVICE_TAGS, tag);
            }
        }
    }

    /**
     * Subnets and peerings of the document's VNets that the graph has and the document no longer lists. A VNet that
     * states no {@code subnets} (or no {@code virtualNetworkPeerings}) keeps all of them; a subnet or peering the
     * document lists without properties is kept too.
     */
    private void removals(ParsedDocument doc, Topology t) {
        if (doc.of(NetworkTypes.VIRTUAL_NETWORK).isEmpty()) {
            return;
        }
        Set<ResourceId> subnetLists = new HashSet<>();
        Set<ResourceId> peeringLists = new HashSet<>();
        for (var v : doc.of(NetworkTypes.VIRTUAL_NETWORK)) {
            if (!doc.unstated(v.id(), StatePart.SUBNETS)) {
                subnetLists.add(v.id());
            } else if (t.vnet(v.id()).isPresent()) {
                long stored = t.subnets().stream()
                        .filter(s -> s.vnetId().equals(v.id()))
                        .count();
                notes.add("virtual network '" + v.name() + "' came without subnets: kept its " + stored
                        + " stored subnets");
            }
            if (!doc.unstated(v.id(), StatePart.PEERINGS)) {
                peeringLists.add(v.id());
            }
        }
        Set<ResourceId> kept = new HashSet<>();
        doc.of(NetworkTypes.SUBNET).forEach(s -> kept.add(s.id()));
        doc.of(NetworkTypes.PEERING).forEach(s -> kept.add(s.id()));
        doc.listed().forEach(l -> kept.add(l.id()));
        for (Subnet s : t.subnets()) {
            if (subnetLists.contains(s.vnetId()) && !kept.contains(s.id())) {
                batch.remove(ResourceKind.SUBNET, s.id());
            }
        }
        for (Peering x : t.peerings()) {
            if (peeringLists.contains(x.localVnetId()) && !kept.contains(x.id())) {
                batch.remove(ResourceKind.PEERING, x.id());
            }
        }
    }

    // ---- normal forms, as the loader reads records back ------------------------------------------------------

    static NetworkSecurityGroup normalise(NetworkSecurityGroup n) {
        return new NetworkSecurityGroup(
                n.id(),
                n.name(),
                n.location(),
                "",
                n.rules().stream()
                        .sorted(Comparator.comparingInt(SecurityRule::priority).thenComparing(SecurityRule::name))
                        .toList());
    }

    static RouteTable normalise(RouteTable t) {
        return new RouteTable(
                t.id(),
                t.name(),
                t.location(),
                t.disableBgpRoutePropagation(),
                t.routes().stream().sorted(Comparator.comparing(Route::name)).toList());
    }

    static NetworkInterface normalise(NetworkInterface n) {
        return new NetworkInterface(
                n.id(),
                n.name(),
                n.location(),
                n.subnetId(),
                n.privateIp(),
                n.nsgId(),
                sorted(n.asgIds()),
                sorted(n.publicIpIds()),
                n.virtualMachine());
    }

    static NatGateway normalise(NatGateway n) {
        return new NatGateway(n.id(), n.name(), n.location(), sorted(n.publicIpIds()));
    }

    private static List<ResourceId> sorted(List<ResourceId> ids) {
        return ids.stream()
                .distinct()
                .sorted(Comparator.comparing(ResourceId::key))
                .toList();
    }
}
