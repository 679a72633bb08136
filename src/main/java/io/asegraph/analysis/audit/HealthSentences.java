package io.asegraph.analysis.audit;

import io.asegraph.analysis.FirewallEvaluator;
import io.asegraph.net.AddressSet;
import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Direction;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.EffectiveRoute;
import io.asegraph.topology.FirewallRuleCollection.Action;
import io.asegraph.topology.Subnet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sentences of the environment-health audit: each requirement as Azure states it and what the checks found, worded
 * for a network engineer. The checkers decide; this class only words their findings.
 */
final class HealthSentences {
    static final String SUBNET_IN_SNAPSHOT = "The ASE's subnet is in the snapshot.";
    private static final int SHOWN_OCCUPANTS = 5;

    private HealthSentences() {}

    // ---------------------------------------------------------------- the ASE's subnet

    static String subnetMissing(AppServiceEnvironment ase) {
        return ase.name() + " names subnet " + ase.subnetId().value()
                + ", which is not in the snapshot: nothing can be " + "checked.";
    }

    // ---------------------------------------------------------------- NSG requirements

    /** {@code Why: TCP 454-455 from A to B must be allowed inbound (notes).} */
    static String nsgRequirement(HealthRequirement.Nsg r, Party sources, Party destinations) {
        String protocolText = r.protocols().stream().map(Protocol::name).collect(Collectors.joining("/"));
        List<PortRange> ports = r.ports();
        String portText = ports.size() == 1 && ports.get(0).isAll() ? "every port" : Describe.ports(ports);
        return cap(r.why()) + ": " + protocolText + " " + portText + " from " + sources.description() + " to "
                + destinations.description() + " must be allowed "
                + (r.direction() == Direction.INBOUND ? "inbound" : "outbound") + notes(sources, destinations) + ".";
    }

    static String noNsg(Subnet subnet) {
        return "No NSG on " + subnet.name() + ": nothing filters this traffic.";
    }

    static String nsgNotInSnapshot(String nsgId, Subnet subnet) {
        return "NSG " + nsgId + " is associated with " + subnet.name()
                + " but is not in the snapshot, so what it allows " + "is unknown.";
    }

    static String nsgAllows(String nsgName, boolean exact) {
        return nsgName + " allows it" + (exact ? "." : " for the whole superset checked, which covers it.");
    }

    static String undeterminedCause(String nsgName, String cause) {
        return nsgName + " " + cause;
    }

    static String nsgUndetermined(String nsgName, List<String> causes) {
        return nsgName + " cannot be fully evaluated: " + String.join("; ", causes) + ".";
    }

    /** Ports with nothing allowed over some protocols of the requirement only: {@code 53 over UDP}. */
    static String overProtocols(String ports, List<Protocol> protocols) {
        return ports + " over " + protocols.stream().map(Protocol::name).collect(Collectors.joining("/"));
    }

    /** One denied port of a requirement, with the rules that deny it. */
    static String deniedPort(PortRange port, List<String> denying) {
        return port + (denying.isEmpty() ? "" : " by " + String.join(", ", denying));
    }

    /**
     * What an NSG denies of a requirement: all of it, or part of it (by source or subnet part, per port when several);
     * over a superset, the ports where nothing is allowed, and, when not certain, why it cannot be told.
     */
    static String nsgDenies(
            String nsgName,
            HealthRequirement.Nsg r,
            NsgOutcome total,
            List<String> perPort,
            List<String> noneAllowed,
            boolean certain,
            Party sources,
            Party destinations) {
        boolean exact = sources.exact() && destinations.exact();
        String detail;
        if (!total.anyAllowed()) {
            detail = nsgName + " allows none of it: " + String.join(", ", total.denying()) + ".";
        } else {
            String where = r.direction() == Direction.INBOUND
                    ? "from " + Describe.addresses(total.deniedSources())
                    : "for " + Describe.addresses(total.deniedSources()) + " of the subnet";
            detail = nsgName + " denies part of it " + where
                    + (perPort.isEmpty()
                            ? ": " + String.join(", ", total.denying())
                            : ": port " + String.join("; port ", perPort))
                    + ".";
            if (!exact && !noneAllowed.isEmpty()) {
                detail = detail + " Nothing of " + destinations.description() + " is allowed on port "
                        + String.join(", ", noneAllowed) + ".";
            }
        }
        if (!certain) {
            detail = detail + " Whether that touches " + destinations.description() + " cannot be told: "
                    + sources.because().or(destinations::because).orElse("the set is not known exactly") + ".";
        }
        return detail;
    }

    // ---------------------------------------------------------------- route requirements

    /** {@code Why (notes).} */
    static String routeRequirement(HealthRequirement.Route r, Party destinations) {
        return cap(r.why()) + notes(destinations) + ".";
    }

    static String unresolvedRoute(EffectiveRoute route) {
        return route.describeUnresolved();
    }

    static String misrouted(
            Subnet subnet,
            AddressSet misrouted,
            Party destinations,
            Collection<String> routes,
            CheckStatus onFailure,
            String fix) {
        return "From " + subnet.name() + ", " + Describe.addresses(misrouted) + " of " + destinations.description()
                + " is routed by " + String.join("; ", routes) + ", not to the Internet"
                + (onFailure == CheckStatus.FAIL ? ": the calls would not leave from the ASE's VIP. " : ". ") + fix;
    }

    /**
     * The fix for forced tunnelling: add a 0.0.0.0/0 → Internet user route, or, when {@code userDefault} names one in
     * place, beat the more specific routes that win over it.
     */
    static String forcedTunnellingFix(Subnet subnet, Optional<String> userDefault) {
        String table = subnet.routeTableId()
                .map(id -> "route table " + id.name())
                .orElse("a route table attached to " + subnet.name());
        if (userDefault.isEmpty()) {
            return "Add a user route 0.0.0.0/0 → Internet to " + table
                    + " (it takes precedence over a forced-tunnelling " + "default route of the same prefix).";
        }
        return "The user route " + userDefault.get() + " (0.0.0.0/0 → Internet) is in place, but more specific "
                + "routes win over it: add user routes to Internet for those prefixes, or stop advertising them.";
    }

    static String routedButOpen(Collection<String> direct, Collection<String> open) {
        return "Routed to the Internet by " + String.join("; ", direct) + ", but " + String.join("; ", open)
                + " may be more specific and override it.";
    }

    static String routedStraight(Collection<String> direct) {
        return "Routed straight to the Internet by " + String.join("; ", direct) + ".";
    }

    /** What a firewall does with the ASE subnet's calls to the dependencies on one port. */
    static String firewallPort(String firewall, PortRange port, FirewallEvaluator.Decision d) {
        String ports = "TCP " + port;
        List<String> parts = new ArrayList<>();
        for (FirewallEvaluator.Match m : d.matches()) {
            parts.add(m.sources() + (m.action() == Action.ALLOW ? " admitted by " : " denied by ") + m.describe());
        }
        if (!d.undetermined().isEmpty()) {
            parts.add(d.undetermined() + " undetermined: " + String.join("; ", d.causes()));
        }
        return ports + " " + d.verdict() + " (" + String.join("; ", parts) + ")";
    }

    static String forcedToFirewall(Collection<AzureFirewall> firewalls, List<String> verdicts, Set<String> open) {
        String names = firewalls.stream().map(f -> "Azure Firewall " + f.name()).collect(Collectors.joining(", "));
        return "Forced tunnelling to " + names + ", which Microsoft's lockdown guidance supports when it admits the"
                + " dependencies: " + String.join("; ", verdicts) + "."
                + (open.isEmpty() ? "" : " Unresolved routes may change this: " + String.join("; ", open) + ".");
    }

    // ---------------------------------------------------------------- an exclusive subnet

    static String exclusiveRequirement(HealthRequirement.ExclusiveSubnet r) {
        return cap(r.why()) + ".";
    }

    static String otherAse(AppServiceEnvironment other) {
        return "ASE " + other.name();
    }

    static String otherNic(String nicName) {
        return "network interface " + nicName;
    }

    static String subnetHoldsOnly(Subnet subnet, AppServiceEnvironment ase) {
        return subnet.label() + " holds only " + ase.name() + ".";
    }

    static String subnetAlsoHolds(Subnet subnet, List<String> others) {
        String shown = others.stream().limit(SHOWN_OCCUPANTS).collect(Collectors.joining(", "))
                + (others.size() > SHOWN_OCCUPANTS ? " and " + (others.size() - SHOWN_OCCUPANTS) + " more" : "");
        return subnet.label() + " also holds " + shown + ".";
    }

    // ---------------------------------------------------------------- shared

    private static String notes(Party... parties) {
        List<String> notes = new ArrayList<>();
        for (Party p : parties) {
            p.note().ifPresent(notes::add);
        }
        return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
