package io.asegraph.graph;

import io.asegraph.analysis.Estate;
import io.asegraph.importing.ParsedDocument;
import io.asegraph.importing.ResourceKind;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.NatGateway;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Peering;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
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
 * {@code az appservice ase list-addresses} told earlier. Service tags are upserted by name; tags the graph has and
 * the document does not are kept.
 */
final class ImportDiff {
    /** The batch to write and what it amounts to. */
    record Result(ImportBatch batch, int created, int updated, int unchanged, int removed, List<String> notes) {
    }

    private final Estate estate;
    private final Supplier<String> etags;
    private final ImportBatch.Builder batch = new ImportBatch.Builder();
    private final List<String> notes = new ArrayList<>();
    private int created;
    private int updated;
    private int unchanged;

    private ImportDiff(Estate estate, Supplier<String> etags) {
        this.estate = estate;
        this.etags = etags;
    }

    /** A new NSG etag as Azure writes them: a weak ETag around a UUID. */
    static String newEtag() {
        return "W/\"" + UUID.randomUUID() + "\"";
    }

    static Result of(ParsedDocument doc, Estate estate) {
        return of(doc, estate, ImportDiff::newEtag);
    }

    static Result of(ParsedDocument doc, Estate estate, Supplier<String> etags) {
        if (!doc.isValid()) {
            throw new IllegalArgumentException("a document with problems is never written");
        }
        return new ImportDiff(estate, etags).run(doc);
    }

    private Result run(ParsedDocument doc) {
        Topology t = estate.topology();
        PolicySet p = estate.policies();
        compare(doc.virtualNetworks(), t::vnet, UnaryOperator.identity(), batch.vnets);
        compare(doc.subnets(), t::subnet, UnaryOperator.identity(), batch.subnets);
        compare(doc.peerings(), t::peering, UnaryOperator.identity(), batch.peerings);
        nsgs(doc.networkSecurityGroups(), p);
        compare(doc.routeTables(), t::routeTable, ImportDiff::normalise, batch.routeTables);
        compare(doc.networkInterfaces(), t::nic, ImportDiff::normalise, batch.nics);
        compare(doc.applicationSecurityGroups(), p::asg, UnaryOperator.identity(), batch.asgs);
        compare(doc.natGateways(), t::natGateway, ImportDiff::normalise, batch.natGateways);
        compare(doc.publicIpAddresses(), t::publicIp, UnaryOperator.identity(), batch.publicIps);
        compare(doc.virtualNetworkGateways(), t::gateway, UnaryOperator.identity(), batch.gateways);
        compare(doc.localNetworkGateways(), t::localGateway, UnaryOperator.identity(), batch.localGateways);
        compare(doc.connections(), t::connection, UnaryOperator.identity(), batch.connections);
        compare(keepAddresses(doc), t::environment, UnaryOperator.identity(), batch.environments);
        compare(doc.apps(), t::app, UnaryOperator.identity(), batch.apps);
        compare(doc.endpoints(), t::endpoint, UnaryOperator.identity(), batch.endpoints);
        serviceTags(doc.serviceTags(), p);
        removals(doc, t);
        ImportBatch b = batch.build();
        return new Result(b, created, updated, unchanged, b.removalCount(), notes);
    }

    private <T extends Resource> void compare(List<T> incoming, Function<ResourceId, Optional<T>> stored, UnaryOperator<T> normalise,
            List<T> out) {
        for (T r : incoming) {
            Optional<T> old = stored.apply(r.id());
            if (old.isEmpty()) {
                created++;
                batch.created.add(r.id());
                out.add(r);
            } else if (normalise.apply(old.get()).equals(normalise.apply(r))) {
                unchanged++;
            } else {
                updated++;
                out.add(r);
            }
        }
    }

    private void nsgs(List<NetworkSecurityGroup> incoming, PolicySet p) {
        for (NetworkSecurityGroup n : incoming) {
            Optional<NetworkSecurityGroup> old = p.nsg(n.id());
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
            batch.nsgs.add(new NetworkSecurityGroup(n.id(), n.name(), n.location(), etags.get(), n.rules()));
        }
    }

    private List<AppServiceEnvironment> keepAddresses(ParsedDocument doc) {
        List<AppServiceEnvironment> out = new ArrayList<>(doc.appServiceEnvironments().size());
        for (AppServiceEnvironment e : doc.appServiceEnvironments()) {
            Optional<AppServiceEnvironment> old = doc.environmentsWithoutAddresses().contains(e.id())
                    ? estate.topology().environment(e.id()) : Optional.empty();
            if (old.isPresent()) {
                AppServiceEnvironment o = old.get();
                out.add(new AppServiceEnvironment(e.id(), e.name(), e.location(), e.kind(), e.internalLoadBalancingMode(),
                        e.subnetId(), o.publicVip(), o.outboundAddresses(), o.internalAddress()));
                if (o.publicVip().isPresent() || !o.outboundAddresses().isEmpty() || o.internalAddress().isPresent()) {
                    notes.add("App Service Environment '" + e.name() + "' came without addresses: kept the stored ones");
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
                batch.serviceTags.add(tag);
            } else if (old.get().equals(tag)) {
                unchanged++;
            } else {
                updated++;
                batch.serviceTags.add(tag);
            }
        }
    }

    /** Subnets and peerings of the document's VNets that the graph has and the document no longer lists. */
    private void removals(ParsedDocument doc, Topology t) {
        if (doc.virtualNetworks().isEmpty()) {
            return;
        }
        Set<ResourceId> vnets = new HashSet<>();
        doc.virtualNetworks().forEach(v -> vnets.add(v.id()));
        Set<ResourceId> subnets = new HashSet<>();
        doc.subnets().forEach(s -> subnets.add(s.id()));
        Set<ResourceId> peerings = new HashSet<>();
        doc.peerings().forEach(s -> peerings.add(s.id()));
        for (Subnet s : t.subnets()) {
            if (vnets.contains(s.vnetId()) && !subnets.contains(s.id())) {
                batch.remove(ResourceKind.SUBNET, s.id());
            }
        }
        for (Peering x : t.peerings()) {
            if (vnets.contains(x.localVnetId()) && !peerings.contains(x.id())) {
                batch.remove(ResourceKind.PEERING, x.id());
            }
        }
    }

    // ---- normal forms, as the loader reads records back ------------------------------------------------------

    static NetworkSecurityGroup normalise(NetworkSecurityGroup n) {
        return new NetworkSecurityGroup(n.id(), n.name(), n.location(), "", n.rules().stream()
                .sorted(Comparator.comparingInt(SecurityRule::priority).thenComparing(SecurityRule::name)).toList());
    }

    static RouteTable normalise(RouteTable t) {
        return new RouteTable(t.id(), t.name(), t.location(), t.disableBgpRoutePropagation(),
                t.routes().stream().sorted(Comparator.comparing(Route::name)).toList());
    }

    static NetworkInterface normalise(NetworkInterface n) {
        return new NetworkInterface(n.id(), n.name(), n.location(), n.subnetId(), n.privateIp(), n.nsgId(), sorted(n.asgIds()),
                sorted(n.publicIpIds()), n.virtualMachine());
    }

    static NatGateway normalise(NatGateway n) {
        return new NatGateway(n.id(), n.name(), n.location(), sorted(n.publicIpIds()));
    }

    private static List<ResourceId> sorted(List<ResourceId> ids) {
        return ids.stream().distinct().sorted(Comparator.comparing(ResourceId::key)).toList();
    }
}
