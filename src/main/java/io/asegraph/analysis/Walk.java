package io.asegraph.analysis;

import io.asegraph.topology.NextHop;
import io.asegraph.topology.ResourceId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link CallSourceWalker walk} of one call decided, as the {@link PathEngine} takes it: the call source (the
 * contract's answer, with its trace), the walk's hops cut where the path's later steps go, and where the call goes:
 * the subnet it leaves from, the subnet and network interface it is delivered to when inside the model (for an ASE
 * reached at its VIP: that ASE's subnet, where its workers take the call), the route decision (the first one, for a
 * destination split across routes), the Azure Firewall the route sends it through, whose rules the path applies, and
 * the destination translation step: where the call is delivered, as the destination side sees it
 * ({@link DestinationTranslation}).
 */
public record Walk(
        CallSource callSource,
        WalkTrace trace,
        Optional<ResourceId> sourceSubnet,
        Optional<ResourceId> destinationSubnet,
        Optional<ResourceId> destinationNic,
        Optional<NextHop> nextHop,
        Optional<ResourceId> firewall,
        Destination delivery) {
    public Walk {
        Objects.requireNonNull(callSource, "callSource");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(sourceSubnet, "sourceSubnet");
        Objects.requireNonNull(destinationSubnet, "destinationSubnet");
        Objects.requireNonNull(destinationNic, "destinationNic");
        Objects.requireNonNull(nextHop, "nextHop");
        Objects.requireNonNull(firewall, "firewall");
        Objects.requireNonNull(delivery, "delivery");
    }

    public SourceKind kind() {
        return callSource.kind();
    }
}
