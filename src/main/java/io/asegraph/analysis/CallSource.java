package io.asegraph.analysis;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a call appears from at its destination, with the walk that decided it. The first five components are the
 * contract's {@code CallSource}; the other three are the sets the flow's answer is stated over. Where the walk goes
 * (its subnets, route and firewall) is the {@link Walk}'s, which holds this.
 *
 * @param kind           which kind of source the destination sees
 * @param address        the one address the destination sees, when there is exactly one
 * @param addressRange   what the destination must allow, as one CIDR block (a /32, or the whole ASE subnet), when the
 *                       seen addresses form one block
 * @param reason         one sentence naming the route that decided
 * @param trace          the hops of the walk
 * @param sources        every address the destination may see the call from (empty when UNDETERMINED or UNREACHABLE)
 * @param privateSources the source before translation, as outbound NSGs see it (the ASE subnet, or the NIC's private
 *                       address)
 * @param destination    the addresses the call was routed toward (a VIP, an ILB or NIC address, an endpoint's blocks)
 */
public record CallSource(
        SourceKind kind,
        Optional<Long> address,
        Optional<Cidr> addressRange,
        String reason,
        List<Hop> trace,
        AddressSet sources,
        AddressSet privateSources,
        AddressSet destination) {
    public CallSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(privateSources, "privateSources");
        Objects.requireNonNull(destination, "destination");
        trace = List.copyOf(trace);
        if ((kind == SourceKind.UNDETERMINED || kind == SourceKind.UNREACHABLE) && !sources.isEmpty()) {
            throw new IllegalArgumentException(kind + " has no source addresses");
        }
    }

    /** The trace's hop nodes in order (handy in tests). */
    public List<String> hopNodes() {
        return trace.stream().map(Hop::node).toList();
    }
}
