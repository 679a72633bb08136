package io.asegraph.analysis;

import io.asegraph.analysis.PathEngine.Question;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.InvalidAddressException;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.FirewallRule;
import io.asegraph.topology.FirewallRuleCollection;
import io.asegraph.topology.FirewallRuleCollection.Action;
import io.asegraph.topology.FirewallRuleCollection.Kind;
import io.asegraph.topology.IpGroup;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what an Azure Firewall does with a call, over the whole source range, and records why in the same pass
 * (<a href="https://learn.microsoft.com/azure/firewall/rule-processing">rule processing</a>): the network rule
 * collections by priority, then the application rule collections by priority; the first collection with a rule
 * matching a source address decides it (Allow or Deny); a source no rule matches is denied by the firewall's implicit
 * deny. NAT rule collections are for inbound traffic and take no part in an outbound call.
 *
 * <p>A rule that may match but cannot be decided from the question is never a silent allow or deny: the sources it
 * may take are UNDETERMINED, naming the rule and why — a service tag or IP group that is not imported, a network rule
 * by FQDN (the firewall resolves it by DNS), an application rule for a destination given by address only, an FQDN
 * tag, a rule covering only part of the destination or of the ports. An application rule by FQDN decides a call to a
 * destination given by host name (an app) over HTTP/S.
 */
public final class FirewallEvaluator {
    /** The name of the implicit deny in a decision's matches. */
    public static final String NO_RULE_MATCHES = "(no rule matches)";

    /** One rule that decided part of the source range. */
    public record Match(String collection, String rule, int priority, Action action, AddressSet sources) {
        /** {@code collection/rule (priority N)}, or {@code (no rule matches) (the implicit deny)}. */
        public String describe() {
            return rule.equals(NO_RULE_MATCHES)
                    ? NO_RULE_MATCHES + " (the implicit deny)"
                    : collection + "/" + rule + " (priority " + priority + ")";
        }
    }

    /** What the firewall did with each part of the sources, with the rules that decided and the causes of doubt. */
    public record Decision(
            AzureFirewall firewall,
            AddressSet allowed,
            AddressSet denied,
            AddressSet undetermined,
            List<Match> matches,
            List<String> causes) {
        public Verdict verdict() {
            return Verdict.of(allowed, denied, undetermined);
        }

        /** The rules that deny some part, by name: "collection/rule" (or the implicit deny). */
        public List<String> denyingRules() {
            return matches.stream()
                    .filter(m -> m.action() == Action.DENY)
                    .map(m -> m.rule().equals(NO_RULE_MATCHES) ? NO_RULE_MATCHES : m.collection() + "/" + m.rule())
                    .toList();
        }
    }

    private final PolicySet policies;
    private final Topology topology;

    public FirewallEvaluator(PolicySet policies, Topology topology) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.topology = Objects.requireNonNull(topology, "topology");
    }

    /**
     * The firewall's decision for a call from {@code sources} to {@code destination} (before any translation), asked
     * as {@code question}; {@code hostNames} are the destination's host names when it is given by name (an app).
     */
    public Decision evaluate(
            AzureFirewall fw, AddressSet sources, AddressSet destination, Question question, List<String> hostNames) {
        List<Match> matches = new ArrayList<>();
        List<String> causes = new ArrayList<>();
        AddressSet allowed = AddressSet.EMPTY;
        AddressSet denied = AddressSet.EMPTY;
        AddressSet undetermined = AddressSet.EMPTY;
        AddressSet remaining = sources;
        FirewallRules rules = FirewallRules.of(fw, topology);
        if (rules.missing().isPresent()) {
            causes.add(rules.missing().get());
            return new Decision(fw, allowed, denied, remaining, matches, causes);
        }
        for (Kind kind : List.of(Kind.NETWORK, Kind.APPLICATION)) {
            for (FirewallRuleCollection c : rules.ofKind(kind)) {
                for (FirewallRule rule : c.rules()) {
                    if (remaining.isEmpty()) {
                        break;
                    }
                    Outcome o = kind == Kind.NETWORK
                            ? network(rule, destination, question, hostNames)
                            : application(rule, question, hostNames);
                    if (o == Outcome.NO) {
                        continue;
                    }
                    Resolved src = addresses(rule.sourceAddresses(), rule.sourceIpGroups());
                    AddressSet taken = remaining.intersect(src.addresses);
                    AddressSet maybe = src.unresolved.isEmpty() ? AddressSet.EMPTY : remaining.minus(taken);
                    if (o.isUndetermined()) {
                        AddressSet all = taken.union(maybe);
                        if (!all.isEmpty()) {
                            undetermined = undetermined.union(all);
                            remaining = remaining.minus(all);
                            causes.add(describe(c, rule) + " may match " + all + " but " + o.why(rule, hostNames));
                        }
                        continue;
                    }
                    if (!taken.isEmpty()) {
                        matches.add(new Match(c.name(), rule.name(), c.priority(), c.action(), taken));
                        if (c.action() == Action.ALLOW) {
                            allowed = allowed.union(taken);
                        } else {
                            denied = denied.union(taken);
                        }
                        remaining = remaining.minus(taken);
                    }
                    if (!maybe.isEmpty()) {
                        undetermined = undetermined.union(maybe);
                        remaining = remaining.minus(maybe);
                        causes.add(describe(c, rule) + " may match " + maybe + ": its source names "
                                + String.join(", ", src.unresolved));
                    }
                }
            }
        }
        if (!remaining.isEmpty()) {
            matches.add(new Match(NO_RULE_MATCHES, NO_RULE_MATCHES, 65000, Action.DENY, remaining));
            denied = denied.union(remaining);
        }
        return new Decision(fw, allowed, denied, undetermined, matches, causes);
    }

    private static String describe(FirewallRuleCollection c, FirewallRule rule) {
        return "rule " + rule.name() + " of collection " + c.name() + " (priority " + c.priority() + ")";
    }

    /** Whether a rule applies to the question, as far as everything but its source tells. */
    private enum Outcome {
        NO,
        YES,
        PART_OF_DESTINATION,
        PART_OF_PORTS,
        UNRESOLVED_DESTINATION,
        BY_FQDN,
        FQDN_TAG;

        boolean isUndetermined() {
            return this != NO && this != YES;
        }

        String why(FirewallRule rule, List<String> hostNames) {
            return switch (this) {
                case PART_OF_DESTINATION -> "it covers only part of the destination; ask about one address";
                case PART_OF_PORTS -> "it covers only part of the protocols or ports asked about";
                case UNRESOLVED_DESTINATION -> "its destination names " + String.join(", ", rule.destinationAddresses())
                        + (rule.destinationIpGroups().isEmpty()
                                ? ""
                                : " and IP groups "
                                        + rule.destinationIpGroups().stream()
                                                .map(ResourceId::name)
                                                .toList())
                        + ", of which a service tag or IP group is not imported";
                case BY_FQDN -> hostNames.isEmpty()
                        ? "it matches by FQDN (" + String.join(", ", fqdns(rule))
                                + ") and the destination is given by address only, so whether the name resolves to it"
                                + " cannot be told"
                        : "it matches by FQDN (" + String.join(", ", fqdns(rule)) + "), which the firewall resolves"
                                + " by DNS";
                case FQDN_TAG -> "its FQDN tags (" + String.join(", ", rule.fqdnTags())
                        + ") are lists Microsoft keeps, not modelled";
                default -> "";
            };
        }
    }

    private static List<String> fqdns(FirewallRule rule) {
        return rule.destinationFqdns().isEmpty() ? rule.targetFqdns() : rule.destinationFqdns();
    }

    private Outcome network(FirewallRule rule, AddressSet destination, Question q, List<String> hostNames) {
        Outcome p = protocolAndPorts(rule, q);
        if (p != Outcome.YES) {
            return p;
        }
        Resolved dst = addresses(rule.destinationAddresses(), rule.destinationIpGroups());
        if (destination.isEmpty() || dst.addresses.containsAll(destination)) {
            return Outcome.YES;
        }
        if (!rule.destinationFqdns().isEmpty()) {
            return Outcome.BY_FQDN;
        }
        if (!dst.unresolved.isEmpty()) {
            return Outcome.UNRESOLVED_DESTINATION;
        }
        return dst.addresses.overlaps(destination) ? Outcome.PART_OF_DESTINATION : Outcome.NO;
    }

    private static Outcome protocolAndPorts(FirewallRule rule, Question q) {
        boolean any = rule.protocols().contains("ANY");
        boolean named = rule.protocols().stream().anyMatch(p -> !p.equals("ANY") && Protocol.parse(p) == q.protocol());
        if (!any && !named) {
            return q.protocol() == Protocol.ANY ? Outcome.PART_OF_PORTS : Outcome.NO;
        }
        if (!q.protocol().hasPorts() || q.protocol() == Protocol.ANY && !any) {
            return q.protocol() == Protocol.ANY ? Outcome.PART_OF_PORTS : Outcome.YES;
        }
        PortSet ports = ports(rule.destinationPorts());
        if (ports.containsAll(q.destinationPorts())) {
            return Outcome.YES;
        }
        return ports.intersect(q.destinationPorts()).isEmpty() ? Outcome.NO : Outcome.PART_OF_PORTS;
    }

    /** An application rule: HTTP/S or MSSQL on its port, to a target FQDN. */
    private static Outcome application(FirewallRule rule, Question q, List<String> hostNames) {
        if (q.protocol() != Protocol.TCP && q.protocol() != Protocol.ANY) {
            return Outcome.NO;
        }
        PortSet ports = PortSet.EMPTY;
        for (String p : rule.protocols()) {
            ports = ports.union(PortSet.single(Integer.parseInt(p.substring(p.indexOf(':') + 1))));
        }
        if (ports.intersect(q.destinationPorts()).isEmpty()) {
            return Outcome.NO;
        }
        if (!ports.containsAll(q.destinationPorts()) || q.protocol() == Protocol.ANY) {
            return Outcome.PART_OF_PORTS;
        }
        if (rule.targetFqdns().contains("*")) {
            return Outcome.YES;
        }
        if (!hostNames.isEmpty() && !rule.targetFqdns().isEmpty()) {
            boolean all =
                    hostNames.stream().allMatch(h -> rule.targetFqdns().stream().anyMatch(t -> fqdnMatches(t, h)));
            boolean none = hostNames.stream()
                    .noneMatch(h -> rule.targetFqdns().stream().anyMatch(t -> fqdnMatches(t, h)));
            if (all) {
                return Outcome.YES;
            }
            if (none && rule.fqdnTags().isEmpty()) {
                return Outcome.NO;
            }
        }
        if (!rule.fqdnTags().isEmpty() && rule.targetFqdns().isEmpty()) {
            return Outcome.FQDN_TAG;
        }
        return Outcome.BY_FQDN;
    }

    /** {@code *} matches every name, {@code *.contoso.com} every name under contoso.com, otherwise exact. */
    static boolean fqdnMatches(String pattern, String host) {
        String p = pattern.trim().toLowerCase(Locale.ROOT);
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (p.equals("*")) {
            return true;
        }
        if (p.startsWith("*.")) {
            return h.endsWith(p.substring(1));
        }
        return p.equals(h);
    }

    private static PortSet ports(List<String> written) {
        List<PortRange> ranges = new ArrayList<>();
        for (String p : written) {
            ranges.add(p.equals("*") ? PortRange.ALL : PortRange.parse(p));
        }
        return PortSet.of(ranges);
    }

    /** Addresses a rule names, resolved: those known, and what is not (a service tag or IP group not imported). */
    public record Resolved(AddressSet addresses, List<String> unresolved) {}

    /** The sources {@code rule} names (addresses, ranges, {@code *}, service tags, IP groups), resolved as here. */
    public Resolved sources(FirewallRule rule) {
        return addresses(rule.sourceAddresses(), rule.sourceIpGroups());
    }

    private Resolved addresses(List<String> written, List<ResourceId> ipGroups) {
        AddressSet set = AddressSet.EMPTY;
        List<String> unresolved = new ArrayList<>();
        for (String a : written) {
            Optional<AddressSet> resolved = address(a);
            if (resolved.isPresent()) {
                set = set.union(resolved.get());
            } else {
                unresolved.add("service tag '" + a + "' (not imported)");
            }
        }
        for (ResourceId g : ipGroups) {
            Optional<IpGroup> group = topology.ipGroup(g);
            if (group.isEmpty()) {
                unresolved.add("IP group '" + g.name() + "' (not imported)");
                continue;
            }
            set = set.union(ipGroupAddresses(group.get()));
        }
        return new Resolved(set, unresolved);
    }

    /** An imported IP group's addresses (the import admits only addresses, prefixes and ranges there). */
    private AddressSet ipGroupAddresses(IpGroup group) {
        AddressSet set = AddressSet.EMPTY;
        for (String a : group.ipAddresses()) {
            set = set.union(address(a).orElse(AddressSet.EMPTY));
        }
        return set;
    }

    private Optional<AddressSet> address(String a) {
        if (a.equals("*")) {
            return Optional.of(AddressSet.ALL);
        }
        if (!Character.isDigit(a.charAt(0))) {
            return policies.serviceTagAddresses(a);
        }
        try {
            int dash = a.indexOf('-');
            if (dash > 0) {
                return Optional.of(AddressSet.range(
                        Ipv4.parse(a.substring(0, dash).trim()),
                        Ipv4.parse(a.substring(dash + 1).trim())));
            }
            return Optional.of(Cidr.parsePrefix(a.contains("/") ? a : a + "/32").toSet());
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
    }
}
