package io.asegraph.api.path;

import io.asegraph.analysis.FirewallEvaluator;
import io.asegraph.analysis.FlowResult;
import io.asegraph.analysis.NsgDecisionResult;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.policy.RuleDecision;
import io.asegraph.topology.FirewallRuleCollection;
import io.asegraph.topology.NextHop;
import io.asegraph.topology.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Explicit mappings from domain results to the contract's types. */
public final class PathMapping {
    private PathMapping() {}

    public static CallSource callSource(io.asegraph.analysis.CallSource c) {
        return new CallSource(
                SourceKind.valueOf(c.kind().name()),
                c.address().map(Ipv4::format).orElse(null),
                c.addressRange().map(Cidr::toString).orElse(null),
                c.reason(),
                hops(c.trace()),
                addresses(c));
    }

    /**
     * What the destination may see: a translated source (VIP, NAT gateway, firewall or instance public IPs) address by
     * address, as /32 blocks to allow one by one; a private range as its CIDR blocks.
     */
    static List<String> addresses(io.asegraph.analysis.CallSource c) {
        return switch (c.kind()) {
            case PUBLIC_VIP, NAT_GATEWAY, AZURE_FIREWALL, PUBLIC_IP -> {
                List<String> out = new ArrayList<>();
                for (Cidr block : c.sources().toCidrs()) {
                    for (long a = block.first(); a <= block.last(); a++) {
                        out.add(Cidr.host(a).toString());
                    }
                }
                yield out;
            }
            default -> c.sources().toCidrStrings();
        };
    }

    public static List<Hop> hops(List<io.asegraph.analysis.Hop> hops) {
        return hops.stream()
                .map(h -> new Hop(
                        h.node(),
                        h.kind().label(),
                        h.steps().stream()
                                .map(s -> new Step(s.type().name(), s.detail()))
                                .toList()))
                .toList();
    }

    public static NextHopType nextHopType(io.asegraph.topology.NextHopType t) {
        return NextHopType.valueOf(t.name());
    }

    public static NextHopResult nextHop(NextHop n) {
        return new NextHopResult(
                nextHopType(n.type()),
                n.nextHopIp().map(Ipv4::format).orElse(null),
                n.routeTableId(),
                n.matchedPrefix().toString(),
                RouteOrigin.of(n.route().origin()));
    }

    public static EffectiveRoute effectiveRoute(io.asegraph.topology.EffectiveRoute r) {
        return new EffectiveRoute(
                RouteOrigin.of(r.origin()),
                RouteState.of(r.state()),
                r.addressPrefix(),
                nextHopType(r.nextHopType()),
                r.nextHopIp().map(Ipv4::format).orElse(null),
                r.name().isEmpty() ? null : r.name(),
                r.routeTableIdOrSystem(),
                r.unresolved().orElse(null));
    }

    public static FlowAnalysis flow(FlowResult r) {
        List<NsgDecision> decisions =
                r.decisions().stream().map(PathMapping::decision).toList();
        List<NsgDecision> blockers =
                r.blockers().stream().map(PathMapping::decision).toList();
        List<String> warnings = new ArrayList<>(r.warnings());
        return new FlowAnalysis(
                Verdict.valueOf(r.verdict().name()),
                callSource(r.callSource()),
                r.destination().orElse(null),
                decisions,
                blockers,
                hops(r.trace()),
                r.allowedSources().toCidrStrings(),
                r.deniedSources().toCidrStrings(),
                warnings,
                r.reason(),
                r.undeterminedSources().toCidrStrings(),
                r.causes(),
                r.firewalls().stream().map(PathMapping::firewall).toList());
    }

    public static FirewallDecision firewall(FirewallEvaluator.Decision d) {
        return new FirewallDecision(
                d.firewall().id().value(),
                Verdict.valueOf(d.verdict().name()),
                d.matches().stream()
                        .map(m -> new FirewallRuleMatch(
                                m.collection(),
                                m.rule(),
                                m.priority(),
                                m.action() == FirewallRuleCollection.Action.ALLOW ? Access.ALLOW : Access.DENY,
                                m.sources().toCidrStrings()))
                        .toList(),
                d.causes());
    }

    public static NsgDecision decision(NsgDecisionResult d) {
        return new NsgDecision(
                d.nsg().value(),
                d.appliedTo().value(),
                NsgLevel.valueOf(d.level().name()),
                Direction.valueOf(d.direction().name()),
                Verdict.valueOf(d.verdict().name()),
                d.matches().stream().map(PathMapping::match).toList(),
                d.warnings());
    }

    public static RuleMatch match(RuleDecision m) {
        AddressSet ranges = m.sources().union(m.undeterminedSources());
        return new RuleMatch(
                m.ruleName(),
                m.rule().priority(),
                Access.valueOf(m.access().name()),
                ranges.toCidrStrings(),
                m.undeterminedCause().orElse(null));
    }

    public static EffectiveSecurityRule effectiveRule(
            io.asegraph.policy.EffectiveSecurityRule r, Optional<ResourceId> subnetNsg) {
        List<String> sources = new ArrayList<>(r.sourceAddressPrefixes());
        r.sourceApplicationSecurityGroups().forEach(a -> sources.add(a.value()));
        List<String> destinations = new ArrayList<>(r.destinationAddressPrefixes());
        r.destinationApplicationSecurityGroups().forEach(a -> destinations.add(a.value()));
        List<String> unresolved = new ArrayList<>(r.expandedSource().unresolved());
        unresolved.addAll(r.expandedDestination().unresolved());
        return new EffectiveSecurityRule(
                r.name(),
                r.nsg().value(),
                Direction.valueOf(r.direction().name()),
                Access.valueOf(r.access().name()),
                r.priority(),
                Protocol.valueOf(r.protocol().name()),
                sources,
                r.expandedSourceAddressPrefixes(),
                r.sourcePortRanges(),
                destinations,
                r.expandedDestinationAddressPrefixes(),
                r.destinationPortRanges(),
                subnetNsg.filter(r.nsg()::equals).isPresent() ? NsgLevel.SUBNET : NsgLevel.NETWORK_INTERFACE,
                unresolved.isEmpty() ? null : String.join("; ", unresolved));
    }
}
