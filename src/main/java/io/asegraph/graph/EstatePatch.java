package io.asegraph.graph;

import io.asegraph.estate.Estate;
import io.asegraph.estate.Unresolved;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.policy.SecurityRule;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.Connection;
import io.asegraph.topology.NatGateway;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.Peering;
import io.asegraph.topology.PrivateEndpoint;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.ResourceSet;
import io.asegraph.topology.ResourceType;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.VirtualNetworkGateway;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The estate after a committed write, computed in memory from the estate the write was planned against and the batch
 * it wrote, so that a large import is not followed by a reload of the whole graph (seconds for a large estate, during
 * which the next import and every question wait).
 *
 * <p>It answers only when the result is exactly what {@link EstateLoader} would read back: the batch removes nothing
 * (a removal detaches relationships the loader follows, e.g. a deleted subnet takes its NICs and ASEs out of the
 * estate), and the store version the write bumped to is the one after {@code base} (no other writer came between,
 * e.g. another instance on a shared server). Every upserted resource replaces the stored one whole, as the writer
 * replaces its node, properties and outgoing relationships; lists come in the loader's order: rules by priority then
 * name, routes by name, NIC and NAT gateway references sorted by key without duplicates. The import validated every
 * reference against the document and {@code base}, so every relationship the writer created has its target.
 */
final class EstatePatch {
    private EstatePatch() {}

    /** {@code base} with {@code batch} applied at {@code version}, or empty when only a reload can tell. */
    static Optional<Estate> apply(Estate base, ImportBatch batch, long version) {
        if (batch.removalCount() > 0
                || version != base.version() + 1
                || !batch.placeholders().isEmpty()
                || touchesPlaceholders(base.unresolved(), batch.upserts())) {
            // Placeholders hold resources out of the snapshot (a NIC in a subnet not imported) and come back in when
            // filled, and the resources that refer to them are listed with them: only the loader tells that exactly.
            // A write that neither makes, fills nor refers to one leaves them as they are.
            return Optional.empty();
        }
        ResourceSet written = written(batch);
        // Topology and PolicySet keep the first place of an id (of a tag's name) and its last record: the written ones
        // replace the stored ones in their place, new ones come after them.
        ResourceSet all = ResourceSet.builder()
                .addAll(base.topology().resources())
                .addAll(base.policies().resources())
                .addAll(written)
                .build();
        // A write of NSGs only keeps the snapshot's topology (the same records), so that the engine of the new
        // estate can be derived from the old one's (Engines.derive) instead of built anew.
        Topology topology = policyOnly(batch) ? base.topology() : Topology.of(all);
        return Optional.of(new Estate(topology, PolicySet.of(all), version, base.unresolved()));
    }

    /** The batch's upserts as the loader reads them back. */
    private static ResourceSet written(ImportBatch batch) {
        return batch.upserts()
                .map(NetworkTypes.NETWORK_INTERFACE, ImportDiff::normalise)
                .map(NetworkTypes.ROUTE_TABLE, ImportDiff::normalise)
                .map(NetworkTypes.NAT_GATEWAY, ImportDiff::normalise)
                .map(PolicyTypes.NETWORK_SECURITY_GROUP, EstatePatch::sortedRules);
    }

    /**
     * {@code base} with {@code batch} applied, for a what-if: never written, at {@code base}'s version. The result
     * shares every record the batch leaves alone with {@code base} (new lists of references, no copies of records).
     * Unlike {@link #apply} it takes removals: the removed ids are left out. It is exact only when nothing left
     * refers to a removed resource (a cascade delete plan detaches them, see {@link DeletePlan}) and the batch neither
     * makes, fills nor refers to a placeholder; otherwise only a write and a reload could tell, and it refuses with
     * {@link NotExact} naming the cause.
     */
    static Estate overlay(Estate base, ImportBatch batch) {
        Set<ResourceId> removed = new HashSet<>();
        batch.removals().values().forEach(removed::addAll);
        if (!batch.placeholders().isEmpty()
                || touchesPlaceholders(base.unresolved(), batch.upserts())
                || removed.stream()
                        .anyMatch(id -> base.unresolved().placeholder(id).isPresent())) {
            throw new NotExact("the change makes, fills or refers to a placeholder (a resource referenced but not"
                    + " imported), which moves resources in or out of the snapshot: import the referenced resources"
                    + " first");
        }
        // A change of policy records only (NSGs, ASGs, service tags) leaves the network records as they are: the
        // snapshot's topology is kept, with the indexes it has built (Topology.of over the same records is equal).
        boolean policyOnly = policyOnly(batch);
        ResourceSet.Builder all = ResourceSet.builder();
        if (!policyOnly) {
            keep(all, base.topology().resources(), removed);
        }
        keep(all, base.policies().resources(), removed);
        ResourceSet result = all.addAll(written(batch)).build();
        Topology topology = policyOnly ? base.topology() : Topology.of(result);
        PolicySet policies = PolicySet.of(result);
        if (!removed.isEmpty()) {
            // On the records kept (a written record replaces the stored one of its id).
            dangling(topology.resources(), policies.resources(), removed).ifPresent(d -> {
                throw new NotExact(d);
            });
        }
        return new Estate(topology, policies, base.version(), base.unresolved());
    }

    /** True when {@code batch} writes and removes policy records only (NSGs, ASGs, service tags). */
    static boolean policyOnly(ImportBatch batch) {
        for (ResourceType<? extends Resource> type : NetworkTypes.ALL) {
            if (!batch.of(type).isEmpty()) {
                return false;
            }
        }
        return batch.removals().keySet().stream().allMatch(EstatePatch::isPolicyKind);
    }

    private static boolean isPolicyKind(ResourceKind kind) {
        return kind == ResourceKind.NETWORK_SECURITY_GROUP
                || kind == ResourceKind.APPLICATION_SECURITY_GROUP
                || kind == ResourceKind.SERVICE_TAGS;
    }

    /** A what-if the in-memory overlay cannot evaluate exactly; the message names why. */
    static final class NotExact extends RuntimeException {
        NotExact(String message) {
            super(message);
        }
    }

    private static void keep(ResourceSet.Builder to, ResourceSet from, Set<ResourceId> removed) {
        if (removed.isEmpty()) {
            to.addAll(from);
            return;
        }
        for (ResourceType<? extends Resource> type : NetworkTypes.ALL) {
            keepOf(to, from, type, removed);
        }
        keepOf(to, from, PolicyTypes.NETWORK_SECURITY_GROUP, removed);
        keepOf(to, from, PolicyTypes.APPLICATION_SECURITY_GROUP, removed);
        to.addAll(PolicyTypes.SERVICE_TAGS, from.of(PolicyTypes.SERVICE_TAGS));
    }

    private static <T extends Resource> void keepOf(
            ResourceSet.Builder to, ResourceSet from, ResourceType<T> type, Set<ResourceId> removed) {
        for (T r : from.of(type)) {
            if (!removed.contains(r.id())) {
                to.add(type, r);
            }
        }
    }

    /** The first resource left that still refers to a removed one, as a sentence. */
    private static Optional<String> dangling(ResourceSet network, ResourceSet policy, Set<ResourceId> removed) {
        for (ResourceType<? extends Resource> type : NetworkTypes.ALL) {
            for (Resource r : network.of(type)) {
                for (ResourceId ref : references(r)) {
                    if (removed.contains(ref)) {
                        return Optional.of(danglingSentence(r, ref));
                    }
                }
            }
        }
        for (NetworkSecurityGroup n : policy.of(PolicyTypes.NETWORK_SECURITY_GROUP)) {
            for (SecurityRule rule : n.rules()) {
                Optional<ResourceId> asg = Stream.concat(rule.sourceAsgs().stream(), rule.destinationAsgs().stream())
                        .filter(removed::contains)
                        .findFirst();
                if (asg.isPresent()) {
                    return Optional.of(danglingSentence(n, asg.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static String danglingSentence(Resource r, ResourceId ref) {
        return r.name() + " (" + r.id().value() + ") still refers to " + ref.value()
                + ", which the change removes: the store would drop or detach it on a reload, which the in-memory"
                + " overlay does not model; delete it with cascade, or change it in the same document";
    }

    /**
     * True when a written resource is a placeholder, is held back or refers to one, or refers to a placeholder or to
     * a resource held back (an app on an ASE held back): writing it may change what is held back or who refers to what.
     */
    static boolean touchesPlaceholders(Unresolved unresolved, ResourceSet written) {
        if (unresolved.isEmpty()) {
            return false;
        }
        Set<ResourceId> involved = new HashSet<>();
        for (Unresolved.Placeholder p : unresolved.placeholders()) {
            involved.add(p.id());
            p.referencedBy().forEach(r -> involved.add(r.id()));
            p.hosted().forEach(h -> involved.add(h.id()));
        }
        for (ResourceType<? extends Resource> type : NetworkTypes.ALL) {
            for (Resource r : written.of(type)) {
                if (involved.contains(r.id()) || references(r).stream().anyMatch(involved::contains)) {
                    return true;
                }
            }
        }
        for (NetworkSecurityGroup n : written.of(PolicyTypes.NETWORK_SECURITY_GROUP)) {
            if (involved.contains(n.id())
                    || n.rules().stream()
                            .flatMap(r -> Stream.concat(r.sourceAsgs().stream(), r.destinationAsgs().stream()))
                            .anyMatch(involved::contains)) {
                return true;
            }
        }
        return written.of(PolicyTypes.APPLICATION_SECURITY_GROUP).stream().anyMatch(a -> involved.contains(a.id()));
    }

    /** The resources a network record refers to, as the writer links them. */
    private static List<ResourceId> references(Resource r) {
        List<ResourceId> out = new ArrayList<>();
        if (r instanceof Subnet s) {
            out.add(s.vnetId());
            s.nsgId().ifPresent(out::add);
            s.routeTableId().ifPresent(out::add);
            s.natGatewayId().ifPresent(out::add);
        } else if (r instanceof NetworkInterface n) {
            out.add(n.subnetId());
            n.nsgId().ifPresent(out::add);
            out.addAll(n.asgIds());
            out.addAll(n.publicIpIds());
        } else if (r instanceof NatGateway g) {
            out.addAll(g.publicIpIds());
        } else if (r instanceof AzureFirewall f) {
            f.subnetId().ifPresent(out::add);
            out.addAll(f.publicIpIds());
        } else if (r instanceof Peering p) {
            out.add(p.localVnetId());
            out.add(p.remoteVnetId());
        } else if (r instanceof Connection c) {
            out.add(c.gatewayId());
            out.add(c.peerId());
        } else if (r instanceof AppServiceEnvironment a) {
            out.add(a.subnetId());
        } else if (r instanceof App a) {
            out.add(a.aseId());
        } else if (r instanceof PrivateEndpoint p) {
            out.add(p.subnetId());
        } else if (r instanceof VirtualNetworkGateway g) {
            out.add(g.vnetId());
            out.add(g.subnetId());
            g.defaultSite().ifPresent(out::add);
        }
        return out;
    }

    /** An NSG as the loader reads it back: its etag kept, its rules by priority then name. */
    private static NetworkSecurityGroup sortedRules(NetworkSecurityGroup n) {
        return new NetworkSecurityGroup(
                n.id(),
                n.name(),
                n.location(),
                n.etag(),
                n.rules().stream()
                        .sorted(Comparator.comparingInt(SecurityRule::priority).thenComparing(SecurityRule::name))
                        .toList());
    }
}
