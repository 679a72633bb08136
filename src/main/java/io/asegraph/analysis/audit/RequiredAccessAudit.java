package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.CallSource;
import io.asegraph.analysis.FirewallEvaluator;
import io.asegraph.analysis.FlowAnalyzer;
import io.asegraph.analysis.FlowResult;
import io.asegraph.analysis.NsgDecisionResult;
import io.asegraph.analysis.Reference;
import io.asegraph.analysis.SourceKind;
import io.asegraph.estate.Estate;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.RuleDecision;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.FirewallRuleCollection;
import io.asegraph.topology.ResourceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * "What must the destination admit, does it, and if not, which rule do I add?" — the seed document's advice computed
 * by the path engine:
 * <ol>
 * <li>The call-source walk says what the destination sees: the ASE's VIP (or NAT gateway address) as a /32 for calls
 * that leave to the Internet — calls to other ASEs included —, the ASE's whole subnet for calls inside the VNet
 * topology, a NIC's private address
 * (<a href="https://learn.microsoft.com/azure/app-service/environment/app-service-app-service-environment-network-architecture-overview">
 * ASE network architecture</a>).</li>
 * <li>The flow analysis says whether every one of those addresses is allowed by every NSG on the way.</li>
 * <li>For each NSG that denies part of it, or holds a rule it cannot resolve that may decide it, one Allow rule:
 * exactly the call's sources (on the destination side the addresses it sees, on the source side the private ones),
 * its destination as that NSG sees it, its port and protocol, at the <em>largest free priority that still wins over
 * every blocking rule</em> (so every rule that already came first keeps its place; 4096 at most; Azure forbids two
 * rules of one direction at the same priority). When no priority is free above the blocking rule, the fix says so
 * instead of guessing.</li>
 * <li>For each Azure Firewall on the path that denies part of it (a deny rule collection, or its implicit deny), one
 * network rule admitting exactly the private sources it denies (what reaches it, before its SNAT) to the destination
 * it sees, on the call's port and protocol, placed by {@link FirewallFixPlanner}: a new network rule collection of a
 * classic firewall, or a new rule collection group of the firewall's policy. What a firewall cannot decide (an FQDN
 * rule for a destination given by address, a policy not in the snapshot ...) gets no rule: the reason says so and
 * why.</li>
 * <li>The fixes are then checked by the same engine: the flow is analysed again with them applied to the estate in
 * memory, NSG rules and firewall rules alike (which also shows a blocker that an earlier deny hid: nothing reached
 * it), and any blocker left is fixed in turn.</li>
 * </ol>
 * An UNDETERMINED source (forced tunnelling, an appliance) has no range to admit, and an UNREACHABLE call no rule
 * that would help: both are reported with the reason, without fixes.
 */
public final class RequiredAccessAudit {
    /** Lowest and highest priority of a user rule. */
    static final int LOWEST = 100;

    static final int HIGHEST = 4096;
    private static final int MAX_NAME = 80;
    private static final int MAX_DESCRIPTION = 140;
    /**
     * Each round can show the next blocker: the caller's NIC and subnet NSGs, a firewall, the destination's subnet and
     * NIC NSGs.
     */
    private static final int MAX_ROUNDS = 5;

    private final AnalysisContext context;
    private final FlowAnalyzer flows;

    public RequiredAccessAudit(AnalysisContext context, FlowAnalyzer flows) {
        this.context = Objects.requireNonNull(context, "context");
        this.flows = Objects.requireNonNull(flows, "flows");
    }

    /**
     * The access a call from {@code from} to {@code to} requires, with references as the API takes them.
     *
     * @throws io.asegraph.analysis.AnalysisException UNKNOWN_REFERENCE, AMBIGUOUS_REFERENCE or INVALID_ARGUMENT
     */
    public RequiredAccess required(String from, String to, int port, Protocol protocol) {
        Reference caller = context.resolver().resolveCaller(from);
        Reference target = context.resolver().resolveDestination(to);
        return required(caller, target, port, protocol);
    }

    /** The access a call between resolved references requires. */
    public RequiredAccess required(Reference caller, Reference target, int port, Protocol protocol) {
        FlowResult flow = flows.analyze(caller, target, port, protocol);
        CallSource cs = flow.callSource();
        if (cs.kind() == SourceKind.UNREACHABLE) {
            return RequiredAccess.withoutFixes(
                    flow, AddressSet.EMPTY, false, "Unreachable, so no rule would help: " + cs.reason());
        }
        if (cs.kind() == SourceKind.UNDETERMINED) {
            return RequiredAccess.withoutFixes(
                    flow,
                    AddressSet.EMPTY,
                    false,
                    "The source address is not determined, so there is no range to admit: " + cs.reason());
        }
        if (flow.verdict() == Verdict.ALLOWED) {
            return RequiredAccess.withoutFixes(flow, cs.sources(), true, "Satisfied. " + flow.reason());
        }
        String callerName = caller.resource().map(r -> r.name()).orElse(caller.text());
        String targetName = target.resource().map(r -> r.name()).orElse(target.text());
        Naming naming = Naming.of(callerName, targetName, port, protocol);
        // Fix every NSG and firewall that blocks; a deny before a step hides what that step would do (nothing gets
        // there), so the flow is analysed again with the fixes applied and any blocker that then shows is fixed too.
        List<RuleFix> fixes = new ArrayList<>();
        FirewallFixes firewall =
                new FirewallFixes(new FirewallFixPlanner(context.topology()), cs, naming, port, protocol);
        FlowResult current = flow;
        for (int round = 0; round < MAX_ROUNDS && current.verdict() != Verdict.ALLOWED; round++) {
            List<RuleFix> added = new ArrayList<>();
            for (NsgDecisionResult d : current.decisions()) {
                if (!needsFix(d)
                        || fixes.stream().anyMatch(f -> f.nsg().equals(d.nsg()) && f.direction() == d.direction())) {
                    continue;
                }
                // A rule name is unique in its NSG across both directions: the rules proposed for it count too.
                Set<String> proposed = new HashSet<>();
                for (List<RuleFix> list : List.of(fixes, added)) {
                    list.stream()
                            .filter(f -> f.nsg().equals(d.nsg()))
                            .forEach(f -> proposed.add(f.name().toLowerCase(Locale.ROOT)));
                }
                added.add(fix(context.policies(), d, current, current.callSource(), naming, proposed, port, protocol));
            }
            boolean firewallChanged = firewall.add(current.firewalls());
            fixes.addAll(added);
            if (added.isEmpty() && !firewallChanged
                    || added.stream().anyMatch(f -> f.priority().isEmpty())
                    || firewall.fixes().stream().anyMatch(f -> !f.placed())) {
                break;
            }
            current = new FlowAnalyzer(AnalysisContext.of(new Estate(
                            FirewallFixPlanner.patched(context.topology(), firewall.fixes()),
                            patched(context.policies(), fixes),
                            context.estate().version())))
                    .analyze(caller, target, port, protocol);
        }
        List<FirewallRuleFix> firewallFixes = firewall.fixes();
        boolean any = !fixes.isEmpty() || !firewallFixes.isEmpty();
        Optional<Boolean> verified = any
                ? Optional.of(fixes.stream().allMatch(f -> f.priority().isPresent())
                        && firewallFixes.stream().allMatch(FirewallRuleFix::placed)
                        && current.verdict() == Verdict.ALLOWED)
                : Optional.empty();
        // In path order: the source side, the firewall, the destination side; then what the firewall cannot decide.
        List<String> advice = new ArrayList<>(advice(fixes, Direction.OUTBOUND));
        firewallFixes.stream().map(RequiredAccessAudit::advice).forEach(advice::add);
        advice.addAll(advice(fixes, Direction.INBOUND));
        advice.addAll(firewall.undecided());
        return new RequiredAccess(
                flow,
                cs.kind(),
                cs.sources(),
                false,
                fixes,
                firewallFixes,
                verified,
                "Not satisfied. " + flow.reason() + (advice.isEmpty() ? "" : " " + String.join(" ", advice)));
    }

    /**
     * The firewall fixes of one question, built up over the rounds: what each firewall denied (it may see more once an
     * NSG before it is fixed), planned against the estate as it is; and what a firewall could not decide, which gets no
     * rule.
     */
    private static final class FirewallFixes {
        private final FirewallFixPlanner planner;
        private final CallSource cs;
        private final Naming naming;
        private final int port;
        private final Protocol protocol;
        private final Map<ResourceId, AddressSet> denied = new LinkedHashMap<>();
        private final Map<ResourceId, List<FirewallEvaluator.Match>> denying = new LinkedHashMap<>();
        private final Map<ResourceId, String> undecided = new LinkedHashMap<>();
        private List<FirewallRuleFix> fixes = List.of();

        FirewallFixes(FirewallFixPlanner planner, CallSource cs, Naming naming, int port, Protocol protocol) {
            this.planner = planner;
            this.cs = cs;
            this.naming = naming;
            this.port = port;
            this.protocol = protocol;
        }

        /** Takes in one round's firewall decisions; true when some firewall denies sources no fix admits yet. */
        boolean add(List<FirewallEvaluator.Decision> decisions) {
            boolean changed = false;
            for (FirewallEvaluator.Decision d : decisions) {
                ResourceId id = d.firewall().id();
                if (!d.undetermined().isEmpty()) {
                    undecided.putIfAbsent(
                            id,
                            "Azure Firewall " + d.firewall().name() + " cannot decide " + d.undetermined() + " ("
                                    + String.join("; ", d.causes()) + "), so no firewall rule is proposed for it:"
                                    + " whether one is needed cannot be told.");
                }
                AddressSet before = denied.getOrDefault(id, AddressSet.EMPTY);
                if (d.denied().isEmpty() || before.containsAll(d.denied())) {
                    continue;
                }
                denied.put(id, before.union(d.denied()));
                List<FirewallEvaluator.Match> matches = denying.computeIfAbsent(id, k -> new ArrayList<>());
                d.matches().stream()
                        .filter(m -> m.action() == FirewallRuleCollection.Action.DENY && !matches.contains(m))
                        .forEach(matches::add);
                changed = true;
            }
            if (changed) {
                List<FirewallRuleFix> all = new ArrayList<>();
                List<String> destinations = cs.destination().toCidrStrings();
                denied.forEach((id, sources) ->
                        all.addAll(planner.fixes(id, sources, denying.get(id), destinations, naming, port, protocol)));
                fixes = List.copyOf(all);
            }
            return changed;
        }

        List<FirewallRuleFix> fixes() {
            return fixes;
        }

        Collection<String> undecided() {
            return undecided.values();
        }
    }

    /**
     * The name and description of the rules a fix adds: {@code allow-CALLER-PORT} (or {@code -PROTOCOL} without
     * ports), unique where it goes by {@code -2}, {@code -3} ..., and a description saying which call it admits.
     */
    record Naming(String base, String description) {
        static Naming of(String callerName, String targetName, int port, Protocol protocol) {
            boolean portless = !protocol.hasPorts();
            String what = (protocol == Protocol.ANY ? "any protocol" : protocol.name()) + (portless ? "" : " " + port);
            return new Naming(
                    "allow-" + slug(callerName) + "-"
                            + (portless ? protocol.name().toLowerCase(Locale.ROOT) : port),
                    truncate(
                            "Allow " + callerName + " to reach " + targetName + " on " + what
                                    + " (asegraph requiredAccess)",
                            MAX_DESCRIPTION));
        }

        /** The base name, or the first numbered one, not among {@code taken} (lower case). */
        String unique(Set<String> taken) {
            String name = base;
            for (int i = 2; taken.contains(name.toLowerCase(Locale.ROOT)); i++) {
                name = truncate(base, MAX_NAME - 4) + "-" + i;
            }
            return name;
        }
    }

    private static boolean needsFix(NsgDecisionResult d) {
        return !blocking(d).isEmpty() || !d.undeterminedSources().isEmpty();
    }

    /** The advice of the NSG fixes on one side of the call, in evaluation order. */
    private static List<String> advice(List<RuleFix> fixes, Direction side) {
        return fixes.stream()
                .filter(f -> f.direction() == side)
                .map(RequiredAccessAudit::advice)
                .toList();
    }

    private static String advice(RuleFix f) {
        String where = f.nsgName() + " (" + (f.direction() == Direction.INBOUND ? "inbound" : "outbound") + ")";
        return f.priority()
                .map(p -> "Add " + f.name() + " at priority " + p + " to " + where + ".")
                .orElseGet(() ->
                        "No rule can be added to " + where + ": " + f.problem().orElseThrow());
    }

    private static String advice(FirewallRuleFix f) {
        if (!f.placed()) {
            return "No rule can be added to Azure Firewall " + f.firewallName() + " for "
                    + String.join(", ", f.sourceAddresses()) + ": "
                    + f.problem().orElseThrow();
        }
        String rule = "network rule " + f.name() + " (" + String.join(", ", f.sourceAddresses()) + " to "
                + String.join(", ", f.destinationAddresses()) + " " + f.firewallProtocol() + " " + f.destinationPort()
                + ")";
        return f.policy()
                .map(p -> "Add rule collection group " + f.ruleCollectionGroup().orElseThrow() + " at priority "
                        + f.groupPriority().orElseThrow() + " to firewall policy " + p.name() + " of Azure Firewall "
                        + f.firewallName() + ", with " + rule + " in collection " + f.ruleCollection() + ".")
                .orElseGet(() -> "Add " + rule + " in a new network rule collection " + f.ruleCollection()
                        + " at priority " + f.collectionPriority().orElseThrow() + " to Azure Firewall "
                        + f.firewallName() + ".");
    }

    /** The rules of a decision that denied part of the flow, or may have (unresolved), highest priority first. */
    private static List<RuleDecision> blocking(NsgDecisionResult d) {
        return d.matches().stream()
                .filter(m -> m.access() == Access.DENY && !m.sources().isEmpty()
                        || !m.undeterminedSources().isEmpty())
                .toList();
    }

    private RuleFix fix(
            PolicySet policies,
            NsgDecisionResult d,
            FlowResult flow,
            CallSource cs,
            Naming naming,
            Set<String> proposed,
            int port,
            Protocol protocol) {
        boolean inbound = d.direction() == Direction.INBOUND;
        List<String> sources = (inbound ? cs.sources() : cs.privateSources()).toCidrStrings();
        List<String> destinations =
                inbound ? destination(flow) : cs.destination().toCidrStrings();
        String ports = protocol.hasPorts() ? Integer.toString(port) : "*";
        Placement at = placement(d, policies.nsg(d.nsg()), naming, proposed);
        return new RuleFix(
                d.nsg(),
                at.nsgName(),
                d.appliedTo(),
                d.level(),
                d.direction(),
                at.name(),
                at.priority(),
                protocol,
                sources,
                destinations,
                ports,
                at.overrides(),
                naming.description(),
                at.problem());
    }

    /** Where a fix goes in its NSG: the NSG's name, the rule's, its priority and the rules it overrides, or why not. */
    private record Placement(
            String nsgName,
            String name,
            Optional<Integer> priority,
            List<String> overrides,
            Optional<String> problem) {}

    /** @param proposed the names (lower case) of the rules already proposed for the same NSG */
    private static Placement placement(
            NsgDecisionResult d, Optional<NetworkSecurityGroup> nsg, Naming naming, Set<String> proposed) {
        if (nsg.isEmpty()) {
            return new Placement(
                    d.nsg().name(),
                    naming.base(),
                    Optional.empty(),
                    List.of(),
                    Optional.of("NSG " + d.nsg().value() + " is attached to "
                            + d.appliedTo().name()
                            + " but is not in the snapshot, so its free priorities are not known; import it first."));
        }
        List<RuleDecision> blocking = blocking(d);
        List<String> overrides = blocking.stream()
                .map(m -> m.ruleName() + " (priority " + m.rule().priority() + ")")
                .distinct()
                .toList();
        int ceiling = blocking.stream().mapToInt(m -> m.rule().priority()).min().orElse(HIGHEST + 1);
        Set<Integer> used = new HashSet<>();
        Set<String> names = new HashSet<>(proposed);
        for (SecurityRule r : nsg.get().rules()) {
            names.add(r.name().toLowerCase(Locale.ROOT));
            if (r.direction() == d.direction() && !r.isDefault()) {
                used.add(r.priority());
            }
        }
        Optional<Integer> priority = largestFree(LOWEST, Math.min(ceiling - 1, HIGHEST), used);
        Optional<String> problem = priority.isPresent()
                ? Optional.empty()
                : Optional.of("no priority between "
                        + LOWEST + " and " + (ceiling - 1) + " is free to win over " + String.join(", ", overrides)
                        + "; change or remove that rule instead.");
        return new Placement(nsg.get().name(), naming.unique(names), priority, overrides, problem);
    }

    /**
     * The largest priority from {@code highest} down to {@code lowest} that is not {@code used}: the place that wins
     * over every blocking rule while every rule that came first keeps its place.
     */
    static Optional<Integer> largestFree(int lowest, int highest, Set<Integer> used) {
        for (int p = highest; p >= lowest; p--) {
            if (!used.contains(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The destination the inbound NSGs saw (after any translation), as the flow reports it. */
    private static List<String> destination(FlowResult flow) {
        String shown = flow.destination()
                .orElseThrow(
                        () -> new IllegalStateException("a flow with destination-side NSGs names its destination"));
        List<String> out = new ArrayList<>();
        for (String part : shown.split(",\\s*")) {
            out.add(Cidr.parsePrefix(part.trim()).toString());
        }
        return out;
    }

    /** The policy set with every fix added to its NSG. */
    private static PolicySet patched(PolicySet policies, List<RuleFix> fixes) {
        Map<ResourceId, List<SecurityRule>> added = new LinkedHashMap<>();
        for (RuleFix f : fixes) {
            PortRange range = PortRange.parse(f.destinationPorts()); // "*" is every port
            added.computeIfAbsent(f.nsg(), k -> new ArrayList<>())
                    .add(new SecurityRule(
                            f.name(),
                            f.priority().orElseThrow(),
                            f.direction(),
                            Access.ALLOW,
                            f.protocol(),
                            f.sourcePrefixes(),
                            List.of(PortRange.ALL),
                            f.destinationPrefixes(),
                            List.of(range),
                            List.of(),
                            List.of(),
                            f.description(),
                            false));
        }
        List<NetworkSecurityGroup> nsgs = new ArrayList<>();
        for (NetworkSecurityGroup n : policies.nsgs()) {
            List<SecurityRule> extra = added.get(n.id());
            if (extra == null) {
                nsgs.add(n);
            } else {
                List<SecurityRule> rules = new ArrayList<>(n.rules());
                rules.addAll(extra);
                nsgs.add(new NetworkSecurityGroup(n.id(), n.name(), n.location(), n.etag(), rules));
            }
        }
        return new PolicySet(nsgs, policies.asgs(), policies.serviceTags());
    }

    /** A rule-name fragment: word characters, dots and dashes; starts and ends with a word character. */
    static String slug(String text) {
        String s = text.replaceAll("[^A-Za-z0-9_.-]+", "-").replaceAll("-{2,}", "-");
        s = s.replaceAll("^[^A-Za-z0-9_]+", "").replaceAll("[^A-Za-z0-9_]+$", "");
        if (s.isEmpty()) {
            s = "caller";
        }
        return truncate(s, 60);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
