package io.asegraph.analysis.audit;

import io.asegraph.analysis.FirewallEvaluator;
import io.asegraph.analysis.PathEngine.Question;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.EffectiveRoute;
import io.asegraph.topology.EffectiveRoutes.RoutedRange;
import io.asegraph.topology.NextHopType;
import io.asegraph.topology.RouteOrigin;
import io.asegraph.topology.TopologyIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks one route row of the requirements table: the destinations must be routed straight to the Internet (or to the
 * service over a service endpoint of the subnet) from the ASE subnet (longest prefix, user over BGP over system routes; routes toward the VNet topology are not the question).
 * Forced tunnelling (to a virtual network gateway, from a user route or learned over BGP, or to an appliance) is the
 * row's failure outcome, naming the routes and the fix; an unresolved service-tag route that may override the answer
 * is a WARN.
 */
final class RouteRequirementCheck {
    private final Parties parties;
    /** decide(0.0.0.0/0) per route table in use: subnets of one VNet sharing a route table share one answer. */
    private final ConcurrentHashMap<String, List<RoutedRange>> everywhere = new ConcurrentHashMap<>();

    private final FirewallEvaluator firewalls;
    private final TopologyIndex index;

    RouteRequirementCheck(Parties parties, FirewallEvaluator firewalls, TopologyIndex index) {
        this.parties = Objects.requireNonNull(parties, "parties");
        this.firewalls = Objects.requireNonNull(firewalls, "firewalls");
        this.index = Objects.requireNonNull(index, "index");
    }

    HealthCheck check(HealthRequirement.Route r, HealthSubject subject) {
        Party destinations = parties.resolve(r.destination(), subject);
        String requirement = HealthSentences.routeRequirement(r, destinations);
        String key = subject.subnet().vnetId().key() + "|"
                + subject.subnet().routeTableId().map(id -> id.key()).orElse("") + "|"
                + subject.subnet().serviceEndpoints();
        List<RoutedRange> parts =
                everywhere.computeIfAbsent(key, k -> subject.routes().decide(Cidr.ALL));
        AddressSet connected = subject.routes().virtualNetworkTopology();
        Set<String> direct = new LinkedHashSet<>();
        Set<String> elsewhere = new LinkedHashSet<>();
        Set<String> open = new LinkedHashSet<>();
        AddressSet misrouted = AddressSet.EMPTY;
        Map<AzureFirewall, AddressSet> viaFirewall = new LinkedHashMap<>();
        Set<String> tunnels = new LinkedHashSet<>();
        for (RoutedRange part : parts) {
            AddressSet outside = part.addresses().minus(connected);
            if (!outside.overlaps(destinations.addresses())) {
                continue;
            }
            if (!part.nextHop().isDetermined()) {
                part.nextHop().unresolvedRoutes().forEach(u -> open.add(HealthSentences.unresolvedRoute(u)));
            }
            // A service endpoint takes the call straight to the service over the backbone (the service then sees the
            // subnet's private addresses and needs a VNet rule for it), not through a tunnel or an appliance.
            if (part.nextHop().type() == NextHopType.INTERNET
                    || part.nextHop().type() == NextHopType.VIRTUAL_NETWORK_SERVICE_ENDPOINT) {
                direct.add(part.nextHop().describeRoute());
            } else if (!r.firewallPorts().isEmpty() && firewallOf(part).isPresent()) {
                viaFirewall.merge(
                        firewallOf(part).get(), outside.intersect(destinations.addresses()), AddressSet::union);
                tunnels.add(part.nextHop().describeRoute());
            } else {
                elsewhere.add(part.nextHop().describeRoute());
                misrouted = misrouted.union(outside.intersect(destinations.addresses()));
            }
        }
        List<String> decidedBy = new ArrayList<>(elsewhere);
        decidedBy.addAll(tunnels);
        decidedBy.addAll(direct);
        if (elsewhere.isEmpty() && !viaFirewall.isEmpty()) {
            return throughFirewalls(r, subject, requirement, viaFirewall, decidedBy, open);
        }
        if (!elsewhere.isEmpty()) {
            String fix = HealthSentences.forcedTunnellingFix(subject.subnet(), userDefaultToInternet(subject));
            return new HealthCheck(
                    r.name(),
                    r.onFailure(),
                    requirement,
                    HealthSentences.misrouted(subject.subnet(), misrouted, destinations, elsewhere, r.onFailure(), fix),
                    decidedBy);
        }
        if (!open.isEmpty()) {
            return new HealthCheck(
                    r.name(), CheckStatus.WARN, requirement, HealthSentences.routedButOpen(direct, open), decidedBy);
        }
        return new HealthCheck(
                r.name(), CheckStatus.PASS, requirement, HealthSentences.routedStraight(direct), decidedBy);
    }

    /** The Azure Firewall a part is routed to: an appliance next hop at an imported firewall's private address. */
    private Optional<AzureFirewall> firewallOf(RoutedRange part) {
        return part.nextHop().type() == NextHopType.VIRTUAL_APPLIANCE
                ? part.nextHop().nextHopIp().flatMap(index::firewallAt)
                : Optional.empty();
    }

    /**
     * Forced tunnelling to Azure Firewalls: the row holds when each firewall admits the whole ASE subnet to the
     * dependencies it receives on every port of the row (TCP). A port some source is denied on is the row's failure
     * outcome naming the rule or the implicit deny; one the firewall may or may not admit is a WARN naming why.
     */
    private HealthCheck throughFirewalls(
            HealthRequirement.Route r,
            HealthSubject subject,
            String requirement,
            Map<AzureFirewall, AddressSet> viaFirewall,
            List<String> decidedBy,
            Set<String> open) {
        AddressSet sources = subject.subnet().addresses();
        List<String> verdicts = new ArrayList<>();
        List<String> rules = new ArrayList<>(decidedBy);
        boolean denied = false;
        boolean undetermined = !open.isEmpty();
        for (Map.Entry<AzureFirewall, AddressSet> e : viaFirewall.entrySet()) {
            for (PortRange port : r.firewallPorts()) {
                FirewallEvaluator.Decision d = firewalls.evaluate(
                        e.getKey(),
                        sources,
                        e.getValue(),
                        new Question(NsgRequirementCheck.CLIENT_PORTS, PortSet.of(List.of(port)), Protocol.TCP),
                        List.of());
                denied |= !d.denied().isEmpty();
                undetermined |= !d.undetermined().isEmpty();
                verdicts.add(HealthSentences.firewallPort(e.getKey().name(), port, d));
                d.matches().forEach(m -> {
                    String rule = e.getKey().name() + " " + m.describe();
                    if (!rules.contains(rule)) {
                        rules.add(rule);
                    }
                });
            }
        }
        CheckStatus status = denied ? r.onFailure() : undetermined ? CheckStatus.WARN : CheckStatus.PASS;
        return new HealthCheck(
                r.name(),
                status,
                requirement,
                HealthSentences.forcedToFirewall(viaFirewall.keySet(), verdicts, open),
                rules);
    }

    /** The name of the subnet's active 0.0.0.0/0 → Internet user route, if it has one. */
    private static Optional<String> userDefaultToInternet(HealthSubject subject) {
        return subject.routes().activeRoutes().stream()
                .filter(route -> route.origin() == RouteOrigin.USER
                        && route.nextHopType() == NextHopType.INTERNET
                        && route.prefixes().contains(Cidr.ALL))
                .findFirst()
                .map(EffectiveRoute::name);
    }
}
