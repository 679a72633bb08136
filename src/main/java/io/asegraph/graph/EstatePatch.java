package io.asegraph.graph;

import io.asegraph.estate.Estate;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.policy.SecurityRule;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceSet;
import io.asegraph.topology.Topology;
import java.util.Comparator;
import java.util.Optional;

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
                || !base.unresolved().isEmpty()) {
            // Placeholders hold resources out of the snapshot (a NIC in a subnet not imported) and come back in when
            // filled: only the loader tells that exactly.
            return Optional.empty();
        }
        ResourceSet written = batch.upserts()
                .map(NetworkTypes.NETWORK_INTERFACE, ImportDiff::normalise)
                .map(NetworkTypes.ROUTE_TABLE, ImportDiff::normalise)
                .map(NetworkTypes.NAT_GATEWAY, ImportDiff::normalise)
                .map(PolicyTypes.NETWORK_SECURITY_GROUP, EstatePatch::sortedRules);
        // Topology and PolicySet keep the first place of an id (of a tag's name) and its last record: the written ones
        // replace the stored ones in their place, new ones come after them.
        ResourceSet all = ResourceSet.builder()
                .addAll(base.topology().resources())
                .addAll(base.policies().resources())
                .addAll(written)
                .build();
        return Optional.of(new Estate(Topology.of(all), PolicySet.of(all), version));
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
