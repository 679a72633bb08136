package io.asegraph.api.path;

import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.topology.NextHop;
import java.util.List;

/** Explicit mappings from domain results to the contract's types. */
public final class PathMapping {
    private PathMapping() {
    }

    public static CallSource callSource(io.asegraph.analysis.CallSource c) {
        return new CallSource(SourceKind.valueOf(c.kind().name()), c.address().map(Ipv4::format).orElse(null),
                c.addressRange().map(Cidr::toString).orElse(null), c.reason(), hops(c.trace()));
    }

    public static List<Hop> hops(List<io.asegraph.analysis.Hop> hops) {
        return hops.stream().map(h -> new Hop(h.node(), h.kind(),
                h.steps().stream().map(s -> new Step(s.type().name(), s.detail())).toList())).toList();
    }

    public static NextHopType nextHopType(io.asegraph.topology.NextHopType t) {
        return NextHopType.valueOf(t.name());
    }

    public static NextHopResult nextHop(NextHop n) {
        return new NextHopResult(nextHopType(n.type()), n.nextHopIp().map(Ipv4::format).orElse(null), n.routeTableId(),
                n.matchedPrefix().toString(), n.route().origin().azureName());
    }

    public static EffectiveRoute effectiveRoute(io.asegraph.topology.EffectiveRoute r) {
        return new EffectiveRoute(r.origin().azureName(), r.state().azureName(), r.addressPrefix(), nextHopType(r.nextHopType()),
                r.nextHopIp().map(Ipv4::format).orElse(null), r.name().isEmpty() ? null : r.name(), r.routeTableIdOrSystem(),
                r.unresolved().orElse(null));
    }
}
