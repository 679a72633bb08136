package io.asegraph.graph;

import io.asegraph.estate.Estate;
import io.asegraph.policy.ApplicationSecurityGroup;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.SecurityRule;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.Connection;
import io.asegraph.topology.Endpoint;
import io.asegraph.topology.LocalNetworkGateway;
import io.asegraph.topology.NatGateway;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Peering;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.RouteTable;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.VirtualNetwork;
import io.asegraph.topology.VirtualNetworkGateway;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
    private EstatePatch() {
    }

    /** {@code base} with {@code batch} applied at {@code version}, or empty when only a reload can tell. */
    static Optional<Estate> apply(Estate base, ImportBatch batch, long version) {
        if (batch.removalCount() > 0 || version != base.version() + 1) {
            return Optional.empty();
        }
        Topology t = base.topology();
        Topology topology = new Topology(
                merge(t.vnets(), batch.vnets(), VirtualNetwork::id, Function.identity()),
                merge(t.subnets(), batch.subnets(), Subnet::id, Function.identity()),
                merge(t.peerings(), batch.peerings(), Peering::id, Function.identity()),
                merge(t.environments(), batch.environments(), AppServiceEnvironment::id, Function.identity()),
                merge(t.apps(), batch.apps(), App::id, Function.identity()),
                merge(t.nics(), batch.nics(), NetworkInterface::id, ImportDiff::normalise),
                merge(t.endpoints(), batch.endpoints(), Endpoint::id, Function.identity()),
                merge(t.routeTables(), batch.routeTables(), RouteTable::id, ImportDiff::normalise),
                merge(t.gateways(), batch.gateways(), VirtualNetworkGateway::id, Function.identity()),
                merge(t.localGateways(), batch.localGateways(), LocalNetworkGateway::id, Function.identity()),
                merge(t.connections(), batch.connections(), Connection::id, Function.identity()),
                merge(t.natGateways(), batch.natGateways(), NatGateway::id, ImportDiff::normalise),
                merge(t.publicIps(), batch.publicIps(), PublicIpAddress::id, Function.identity()));
        PolicySet p = base.policies();
        PolicySet policies = new PolicySet(
                merge(p.nsgs(), batch.nsgs(), NetworkSecurityGroup::id, EstatePatch::sortedRules),
                merge(p.asgs(), batch.asgs(), ApplicationSecurityGroup::id, Function.identity()),
                merge(p.serviceTags(), batch.serviceTags(), tag -> tag.name().toLowerCase(Locale.ROOT), Function.identity()));
        return Optional.of(new Estate(topology, policies, version));
    }

    /** The stored items with the written ones in their place (new ones after them), in the loader's normal form. */
    private static <T, K> Collection<T> merge(Collection<T> stored, List<T> written, Function<T, K> key, Function<T, T> normalise) {
        if (written.isEmpty()) {
            return stored;
        }
        Map<K, T> all = new LinkedHashMap<>();
        for (T item : stored) {
            all.put(key.apply(item), item);
        }
        for (T item : written) {
            all.put(key.apply(item), normalise.apply(item));
        }
        return all.values();
    }

    /** An NSG as the loader reads it back: its etag kept, its rules by priority then name. */
    private static NetworkSecurityGroup sortedRules(NetworkSecurityGroup n) {
        return new NetworkSecurityGroup(n.id(), n.name(), n.location(), n.etag(), n.rules().stream()
                .sorted(Comparator.comparingInt(SecurityRule::priority).thenComparing(SecurityRule::name)).toList());
    }
}
