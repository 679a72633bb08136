package io.asegraph.analysis;

import io.asegraph.analysis.WalkEnds.Caller;
import io.asegraph.analysis.WalkEnds.Target;
import io.asegraph.net.AddressSet;
import io.asegraph.topology.NextHop;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Routing;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the hops of one part of a walk and builds its outcome ({@link WalkPart}). */
final class PartBuilder {
    private final Routing routing;
    private final Topology topology;
    final Caller caller;
    final Target target;
    final NextHop hop;
    final String destText;
    final AddressSet addresses;
    final List<Step> origin;

    PartBuilder(
            Routing routing,
            Caller caller,
            Target target,
            NextHop hop,
            String destText,
            AddressSet addresses,
            List<Step> origin) {
        this.routing = routing;
        this.topology = routing.topology();
        this.caller = caller;
        this.target = target;
        this.hop = hop;
        this.destText = destText;
        this.addresses = addresses;
        this.origin = origin;
    }

    WalkPart unreachable(String reason) {
        return new WalkPart(
                SourceKind.UNREACHABLE,
                AddressSet.EMPTY,
                reason,
                List.of(originHop()),
                hop,
                Optional.empty(),
                Optional.empty(),
                addresses,
                Optional.empty());
    }

    WalkPart undetermined(String reason, List<Hop> middle) {
        List<Hop> hops = new ArrayList<>();
        hops.add(originHop());
        hops.addAll(middle);
        boolean connected = routing.effectiveRoutes(caller.subnet())
                .virtualNetworkTopology()
                .contains(hop.destination());
        hops.add(destinationHop(
                Optional.of(connected ? HopKind.ADDRESS : HopKind.INTERNET),
                "Arrives, if it is let through, from an address decided outside the model."));
        return new WalkPart(
                SourceKind.UNDETERMINED,
                AddressSet.EMPTY,
                reason,
                hops,
                hop,
                target.subnet(),
                target.nic(),
                addresses,
                Optional.empty());
    }

    WalkPart inside(
            String routeClause,
            List<Hop> middle,
            Optional<ResourceId> subnet,
            Optional<ResourceId> nic,
            Optional<HopKind> addressKind) {
        AddressSet sources = caller.privateSources();
        String seen = WalkPhrases.insideSource(caller);
        origin.add(new Step(StepType.SOURCE_NAT, "No translation: the source is " + seen + "."));
        List<Hop> hops = new ArrayList<>();
        hops.add(originHop());
        hops.addAll(middle);
        String in = subnet.flatMap(topology::subnet).map(s -> " in " + s.name()).orElse("");
        hops.add(destinationHop(addressKind, "Arrives at " + destText + in + " from " + seen + "."));
        SourceKind kind = caller.ase().isPresent() ? SourceKind.SUBNET_RANGE : SourceKind.PRIVATE_ADDRESS;
        String advice = kind == SourceKind.SUBNET_RANGE ? "; allow that whole range" : "";
        String reason =
                WalkPhrases.sentence(target.lead(), routeClause + ", so it arrives from " + seen + advice + ".");
        return new WalkPart(kind, sources, reason, hops, hop, subnet, nic, addresses, Optional.empty());
    }

    WalkPart translated(SourceKind kind, List<Long> seen, String reason, Hop natHop) {
        AddressSet sources = AddressSet.EMPTY;
        for (long a : seen) {
            sources = sources.union(AddressSet.host(a));
        }
        List<Hop> hops = new ArrayList<>();
        hops.add(originHop());
        if (natHop != null) {
            hops.add(natHop);
        }
        hops.add(destinationHop(
                Optional.of(HopKind.INTERNET), "Arrives at " + destText + " from " + WalkPhrases.list(seen) + "."));
        return new WalkPart(
                kind, sources, reason, hops, hop, target.subnet(), target.nic(), addresses, Optional.empty());
    }

    private Hop originHop() {
        return new Hop(caller.node(), caller.kind(), origin);
    }

    /** The destination hop: the target resource, or the address with {@code addressKind} (Internet, Subnet ...). */
    private Hop destinationHop(Optional<HopKind> addressKind, String detail) {
        Step step = new Step(StepType.DELIVER, detail);
        if (target.kind() != HopKind.ADDRESS) {
            return new Hop(target.node(), target.kind(), List.of(step));
        }
        return new Hop(target.node(), addressKind.orElse(HopKind.ADDRESS), List.of(step));
    }
}
