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
    /** The caller's hop: its route lookup, then what follows it (the source translation, or a drop). */
    private final List<Step> route = new ArrayList<>();

    private final List<Step> exit = new ArrayList<>();

    PartBuilder(Routing routing, Caller caller, Target target, NextHop hop, String destText, AddressSet addresses) {
        this.routing = routing;
        this.topology = routing.topology();
        this.caller = caller;
        this.target = target;
        this.hop = hop;
        this.destText = destText;
        this.addresses = addresses;
    }

    /** A route lookup step at the caller. */
    void route(String detail) {
        route.add(new Step(StepType.ROUTE, detail));
    }

    /** The caller's source translation, as decided (or found undecidable) after the route. */
    void sourceNat(String detail) {
        exit.add(new Step(StepType.SOURCE_NAT, detail));
    }

    /** The call dropped at the caller. */
    void drop(String detail) {
        exit.add(new Step(StepType.DROP, detail));
    }

    WalkPart unreachable(String reason) {
        return unreachable(reason, List.of());
    }

    /** Unreachable after {@code middle} (an Azure Firewall that passed the call on to a route that drops it). */
    WalkPart unreachable(String reason, List<WalkTrace.Leg> middle) {
        return new WalkPart(
                SourceKind.UNREACHABLE,
                AddressSet.EMPTY,
                reason,
                new WalkTrace(origin(), middle, Optional.empty()),
                hop,
                Optional.empty(),
                Optional.empty(),
                addresses,
                Optional.empty());
    }

    WalkPart undetermined(String reason, List<WalkTrace.Leg> middle) {
        boolean connected = routing.effectiveRoutes(caller.subnet())
                .virtualNetworkTopology()
                .contains(hop.destination());
        WalkTrace trace = new WalkTrace(
                origin(),
                middle,
                Optional.of(arrival(
                        Optional.of(connected ? HopKind.ADDRESS : HopKind.INTERNET),
                        "Arrives, if it is let through, from an address decided outside the model.")));
        return new WalkPart(
                SourceKind.UNDETERMINED,
                AddressSet.EMPTY,
                reason,
                trace,
                hop,
                target.subnet(),
                target.nic(),
                addresses,
                Optional.empty());
    }

    WalkPart inside(
            String routeClause,
            List<WalkTrace.Leg> middle,
            Optional<ResourceId> subnet,
            Optional<ResourceId> nic,
            Optional<HopKind> addressKind) {
        AddressSet sources = caller.privateSources();
        String seen = WalkPhrases.insideSource(caller);
        sourceNat("No translation: the source is " + seen + ".");
        String in = subnet.flatMap(topology::subnet).map(s -> " in " + s.name()).orElse("");
        WalkTrace trace = new WalkTrace(
                origin(),
                middle,
                Optional.of(arrival(addressKind, "Arrives at " + destText + in + " from " + seen + ".")));
        SourceKind kind = caller.ase().isPresent() ? SourceKind.SUBNET_RANGE : SourceKind.PRIVATE_ADDRESS;
        String advice = kind == SourceKind.SUBNET_RANGE ? "; allow that whole range" : "";
        String reason =
                WalkPhrases.sentence(target.lead(), routeClause + ", so it arrives from " + seen + advice + ".");
        return new WalkPart(kind, sources, reason, trace, hop, subnet, nic, addresses, Optional.empty());
    }

    WalkPart translated(SourceKind kind, List<Long> seen, String reason, WalkTrace.Leg natHop) {
        AddressSet sources = AddressSet.EMPTY;
        for (long a : seen) {
            sources = sources.union(AddressSet.host(a));
        }
        WalkTrace trace = new WalkTrace(
                origin(),
                natHop == null ? List.of() : List.of(natHop),
                Optional.of(arrival(
                        Optional.of(HopKind.INTERNET),
                        "Arrives at " + destText + " from " + WalkPhrases.list(seen) + ".")));
        return new WalkPart(
                kind, sources, reason, trace, hop, target.subnet(), target.nic(), addresses, Optional.empty());
    }

    private WalkTrace.Leg origin() {
        return new WalkTrace.Leg(caller.node(), caller.kind(), route, exit);
    }

    /** The arrival at the target resource, or at the address with {@code addressKind} (Internet, Subnet ...). */
    private WalkTrace.Arrival arrival(Optional<HopKind> addressKind, String detail) {
        HopKind kind = target.kind() != HopKind.ADDRESS ? target.kind() : addressKind.orElse(HopKind.ADDRESS);
        return new WalkTrace.Arrival(target.node(), kind, detail);
    }
}
