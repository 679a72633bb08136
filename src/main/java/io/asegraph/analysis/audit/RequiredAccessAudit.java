package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.CallSource;
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
import io.asegraph.topology.ResourceId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
 * <li>The fixes are then checked by the same engine: the flow is analysed again with them applied (which also shows a
 * destination-side blocker that a source-side deny hid: nothing reached it), and any blocker left is fixed in turn.</li>
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
    /** Source side, destination subnet, destination NIC: three NSGs at most can block one call. */
    private static final int MAX_ROUNDS = 3;

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
            return new RequiredAccess(
                    flow,
                    cs.kind(),
                    AddressSet.EMPTY,
                    false,
                    List.of(),
                    Optional.empty(),
                    "Unreachable, so no rule would help: " + cs.reason());
        }
        if (cs.kind() == SourceKind.UNDETERMINED) {
            return new RequiredAccess(
                    flow,
                    cs.kind(),
                    AddressSet.EMPTY,
                    false,
                    List.of(),
                    Optional.empty(),
                    "The source address is not determined, so there is no range to admit: " + cs.reason());
        }
        if (flow.verdict() == Verdict.ALLOWED) {
            return new RequiredAccess(
                    flow, cs.kind(), cs.sources(), true, List.of(), Optional.empty(), "Satisfied. " + flow.reason());
        }
        String callerName = caller.resource().map(r -> r.name()).orElse(caller.text());
        String targetName = target.resource().map(r -> r.name()).orElse(target.text());
        // Fix every NSG that blocks; a deny on the source side hides what the destination side would do (nothing gets
        // there), so the flow is analysed again with the fixes applied and any blocker that then shows is fixed too.
        List<RuleFix> fixes = new ArrayList<>();
        FlowResult current = flow;
        PolicySet policies = context.policies();
        for (int round = 0; round < MAX_ROUNDS && current.verdict() != Verdict.ALLOWED; round++) {
            List<RuleFix> added = new ArrayList<>();
            for (NsgDecisionResult d : current.decisions()) {
                if (!needsFix(d)
                        || fixes.stream().anyMatch(f -> f.nsg().equals(d.nsg()) && f.direction() == d.direction())) {
                    continue;
                }
                added.add(fix(policies, d, current, current.callSource(), callerName, targetName, port, protocol));
            }
            if (added.isEmpty() || added.stream().anyMatch(f -> f.priority().isEmpty())) {
                fixes.addAll(added);
                break;
            }
            fixes.addAll(added);
            policies = patched(context.policies(), fixes);
            current = new FlowAnalyzer(AnalysisContext.of(new Estate(
                            context.topology(), policies, context.estate().version())))
                    .analyze(caller, target, port, protocol);
        }
        Optional<Boolean> verified = fixes.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        fixes.stream().allMatch(f -> f.priority().isPresent()) && current.verdict() == Verdict.ALLOWED);
        String advice = fixes.isEmpty()
                ? ""
                : " " + fixes.stream().map(RequiredAccessAudit::advice).collect(Collectors.joining(" "));
        return new RequiredAccess(
                flow, cs.kind(), cs.sources(), false, fixes, verified, "Not satisfied. " + flow.reason() + advice);
    }

    private static boolean needsFix(NsgDecisionResult d) {
        return !blocking(d).isEmpty() || !d.undeterminedSources().isEmpty();
    }

    private static String advice(RuleFix f) {
        String where = f.nsgName() + " (" + (f.direction() == Direction.INBOUND ? "inbound" : "outbound") + ")";
        return f.priority()
                .map(p -> "Add " + f.name() + " at priority " + p + " to " + where + ".")
                .orElseGet(() ->
                        "No rule can be added to " + where + ": " + f.problem().orElseThrow());
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
            String callerName,
            String targetName,
            int port,
            Protocol protocol) {
        boolean inbound = d.direction() == Direction.INBOUND;
        List<String> sources = (inbound ? cs.sources() : cs.privateSources()).toCidrStrings();
        List<String> destinations =
                inbound ? destination(flow) : cs.destination().toCidrStrings();
        boolean portless = !protocol.hasPorts();
        String ports = portless ? "*" : Integer.toString(port);
        String what = (protocol == Protocol.ANY ? "any protocol" : protocol.name()) + (portless ? "" : " " + port);
        String description = truncate(
                "Allow " + callerName + " to reach " + targetName + " on " + what + " (asegraph requiredAccess)",
                MAX_DESCRIPTION);
        Optional<NetworkSecurityGroup> nsg = policies.nsg(d.nsg());
        String baseName =
                "allow-" + slug(callerName) + "-" + (portless ? protocol.name().toLowerCase(Locale.ROOT) : port);
        if (nsg.isEmpty()) {
            return new RuleFix(
                    d.nsg(),
                    d.nsg().name(),
                    d.appliedTo(),
                    d.level(),
                    d.direction(),
                    baseName,
                    Optional.empty(),
                    protocol,
                    sources,
                    destinations,
                    ports,
                    List.of(),
                    description,
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
        Set<String> names = new HashSet<>();
        for (SecurityRule r : nsg.get().rules()) {
            names.add(r.name().toLowerCase(Locale.ROOT));
            if (r.direction() == d.direction() && !r.isDefault()) {
                used.add(r.priority());
            }
        }
        String name = baseName;
        for (int i = 2; names.contains(name.toLowerCase(Locale.ROOT)); i++) {
            name = truncate(baseName, MAX_NAME - 4) + "-" + i;
        }
        Optional<Integer> priority = Optional.empty();
        for (int p = Math.min(ceiling - 1, HIGHEST); p >= LOWEST; p--) {
            if (!used.contains(p)) {
                priority = Optional.of(p);
                break;
            }
        }
        Optional<String> problem = priority.isPresent()
                ? Optional.empty()
                : Optional.of("no priority between "
                        + LOWEST + " and " + (ceiling - 1) + " is free to win over " + String.join(", ", overrides)
                        + "; change or remove that rule instead.");
        return new RuleFix(
                d.nsg(),
                nsg.get().name(),
                d.appliedTo(),
                d.level(),
                d.direction(),
                name,
                priority,
                protocol,
                sources,
                destinations,
                ports,
                overrides,
                description,
                problem);
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
            PortRange range = f.destinationPorts().equals("*") ? PortRange.ALL : PortRange.parse(f.destinationPorts());
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
