package io.asegraph.analysis;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.topology.NextHop;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a call appears from at its destination, with the walk that decided it. The first five components are the
 * contract's {@code CallSource}; the rest carry what the flow analysis needs to put NSGs on the same walk.
 *
 * @param kind               which kind of source the destination sees
 * @param address            the one address the destination sees, when there is exactly one
 * @param addressRange       what the destination must allow, as one CIDR block (a /32, or the whole ASE subnet), when
 *                           the seen addresses form one block
 * @param reason             one sentence naming the route that decided
 * @param trace              the hops of the walk
 * @param sources            every address the destination may see the call from (empty when UNDETERMINED or
 *                           UNREACHABLE)
 * @param privateSources     the source before translation, as outbound NSGs see it (the ASE subnet, or the NIC's
 *                           private address)
 * @param sourceSubnet       the subnet the call leaves from
 * @param destination        the addresses the call was routed toward (a VIP, an ILB or NIC address, an endpoint's blocks)
 * @param destinationSubnet  the subnet it is delivered into, when inside the model (for an ASE reached by its VIP:
 *                           that ASE's subnet, where its workers take the call)
 * @param destinationNic     the network interface it is delivered to, when there is one
 * @param nextHop            the route decision (the first one, for a destination split across routes)
 * @param firewall           the Azure Firewall the route sends the call through, whose rules the flow evaluates
 */
public record CallSource(
        SourceKind kind,
        Optional<Long> address,
        Optional<Cidr> addressRange,
        String reason,
        List<Hop> trace,
        AddressSet sources,
        AddressSet privateSources,
        Optional<ResourceId> sourceSubnet,
        AddressSet destination,
        Optional<ResourceId> destinationSubnet,
        Optional<ResourceId> destinationNic,
        Optional<NextHop> nextHop,
        Optional<ResourceId> firewall) {
    public CallSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(privateSources, "privateSources");
        Objects.requireNonNull(destination, "destination");
        trace = List.copyOf(trace);
        Objects.requireNonNull(firewall, "firewall");
        if ((kind == SourceKind.UNDETERMINED || kind == SourceKind.UNREACHABLE) && !sources.isEmpty()) {
            throw new IllegalArgumentException(kind + " has no source addresses");
        }
    }

    /** The trace's hop nodes in order (handy in tests). */
    public List<String> hopNodes() {
        return trace.stream().map(Hop::node).toList();
    }
}
