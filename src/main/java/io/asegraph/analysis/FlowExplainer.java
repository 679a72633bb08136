package io.asegraph.analysis;

import io.asegraph.analysis.PathEngine.Composition;
import io.asegraph.analysis.PathEngine.Path;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.policy.Access;
import io.asegraph.policy.RuleDecision;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.FirewallRuleCollection.Action;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sentences beside the path engine: what a {@link PathEngine} run decided for one call, said as the flow answer
 * ({@link FlowResult}) — its reason, and the source range split by outcome and deciding rules; its trace is the one
 * the run's steps wrote ({@link PathTrace}). It decides nothing: every verdict and set comes from the run.
 */
final class FlowExplainer {
    private FlowExplainer() {}

    // ---------------------------------------------------------------- one caller's result

    /** The flow result of one path after a run with {@link PathEngine.Explain#DECISIONS}. */
    static FlowResult explain(CallSource cs, Path p, Optional<String> note) {
        AddressSet all = cs.privateSources();
        if (cs.kind() == SourceKind.UNREACHABLE) {
            return FlowResult.notWalked(
                    Verdict.UNREACHABLE,
                    cs,
                    all,
                    List.of(new SourceOutcome(all, Verdict.UNREACHABLE, List.of(), List.of(cs.reason()))),
                    List.of(),
                    note.map(List::of).orElse(List.of()));
        }
        Composition c = p.result;
        Set<String> causes = new LinkedHashSet<>(p.out.causes());
        p.firewallDecision().ifPresent(d -> causes.addAll(d.causes()));
        Set<String> warnings = new LinkedHashSet<>(p.out.warnings());
        if (!p.delivers() && !p.passedMiddle.isEmpty()) {
            causes.add(cs.reason());
        }
        causes.addAll(p.in.causes());
        warnings.addAll(p.in.warnings());
        warnings.addAll(p.destination.notes());
        note.ifPresent(warnings::add);
        List<NsgDecisionResult> decisions = new ArrayList<>(p.out.decisions());
        decisions.addAll(p.in.decisions());
        List<NsgDecisionResult> blockers =
                decisions.stream().filter(NsgDecisionResult::blocks).toList();
        List<SourceOutcome> outcomes = outcomes(cs, p, c);
        Optional<String> destination = destinationText(cs, p);
        String reason = reason(cs, p, c, List.copyOf(causes));
        return new FlowResult(
                c.verdict(),
                reason,
                cs,
                destination,
                decisions,
                blockers,
                p.firewallDecision().map(List::of).orElse(List.of()),
                p.trace.hops(),
                c.allowed(),
                c.denied(),
                c.undetermined(),
                AddressSet.EMPTY,
                outcomes,
                List.copyOf(causes),
                List.copyOf(warnings));
    }

    private static Optional<String> destinationText(CallSource cs, Path p) {
        AddressSet d = p.delivers() ? p.destination.translated() : cs.destination();
        return d.isEmpty() ? Optional.empty() : Optional.of(display(d));
    }

    static String display(AddressSet set) {
        return set.size() == 1 ? Ipv4.format(set.first()) : set.toString();
    }

    /** A rule as named in outcomes: {@code db-nsg securityRules/allow-sql-from-ase-one}. */
    private static String ruleRef(NsgDecisionResult d, RuleDecision m) {
        return d.nsg().name() + " " + m.ruleName();
    }

    /**
     * The caller's private source range split into disjoint parts by outcome and deciding rules: a denied part names
     * the rule that denied it, an allowed part every allowing rule on the way (in evaluation order), an undetermined
     * part its causes.
     */
    private static List<SourceOutcome> outcomes(CallSource cs, Path p, Composition c) {
        AddressSet allowed = c.allowed();
        AddressSet denied = c.denied();
        AddressSet undetermined = c.undetermined();
        AddressSet natDenied = c.natDenied();
        AddressSet natUndetermined = c.natUndetermined();
        List<SourceOutcome> out = new ArrayList<>();
        AddressSet assigned = AddressSet.EMPTY;
        List<NsgDecisionResult> outbound = p.out.decisions();
        List<NsgDecisionResult> inbound = p.in.decisions();
        // Denied parts, by the rule that denied them.
        for (int side = 0; side < 2; side++) {
            for (NsgDecisionResult d : side == 0 ? outbound : inbound) {
                boolean mapped = side == 1 && !p.identity();
                for (RuleDecision m : d.denyingMatches()) {
                    AddressSet part = (mapped
                                    ? (d.deniedSources().isEmpty() ? AddressSet.EMPTY : natDenied)
                                    : m.sources().intersect(denied))
                            .minus(assigned);
                    if (!part.isEmpty()) {
                        out.add(new SourceOutcome(part, Verdict.DENIED, List.of(ruleRef(d, m)), List.of()));
                        assigned = assigned.union(part);
                    }
                }
            }
        }
        Optional<FirewallEvaluator.Decision> fw = p.firewallDecision();
        for (FirewallEvaluator.Match m :
                fw.map(FirewallEvaluator.Decision::matches).orElse(List.of())) {
            AddressSet part =
                    m.action() == Action.DENY ? m.sources().intersect(denied).minus(assigned) : AddressSet.EMPTY;
            if (!part.isEmpty()) {
                out.add(new SourceOutcome(
                        part, Verdict.DENIED, List.of(FirewallPhrases.ruleRef(fw.get(), m)), List.of()));
                assigned = assigned.union(part);
            }
        }
        if (fw.isPresent()) {
            AddressSet part = fw.get().undetermined().intersect(undetermined).minus(assigned);
            if (!part.isEmpty()) {
                out.add(new SourceOutcome(
                        part, Verdict.UNDETERMINED, List.of(), fw.get().causes()));
                assigned = assigned.union(part);
            }
        }
        // Undetermined parts, by their causes.
        for (int side = 0; side < 2; side++) {
            for (NsgDecisionResult d : side == 0 ? outbound : inbound) {
                boolean mapped = side == 1 && !p.identity();
                AddressSet part = (mapped
                                ? (d.undeterminedSources().isEmpty() ? AddressSet.EMPTY : natUndetermined)
                                : d.undeterminedSources().intersect(undetermined))
                        .minus(assigned);
                if (!part.isEmpty()) {
                    out.add(new SourceOutcome(part, Verdict.UNDETERMINED, List.of(), d.causes()));
                    assigned = assigned.union(part);
                }
            }
        }
        AddressSet rest = undetermined.minus(assigned);
        if (!rest.isEmpty()) {
            out.add(new SourceOutcome(rest, Verdict.UNDETERMINED, List.of(), List.of(cs.reason())));
            assigned = assigned.union(rest);
        }
        // Allowed parts, split by the allowing rules of every NSG on the way.
        Map<AddressSet, List<String>> pieces = new LinkedHashMap<>();
        if (!allowed.isEmpty()) {
            pieces.put(allowed, List.of());
        }
        for (int side = 0; side < 2; side++) {
            if (side == 1) { // the firewall sits between the two sides, and sees the original sources
                for (FirewallEvaluator.Match m :
                        fw.map(FirewallEvaluator.Decision::matches).orElse(List.of())) {
                    if (m.action() == Action.ALLOW) {
                        pieces = split(pieces, m.sources().intersect(allowed), FirewallPhrases.ruleRef(fw.get(), m));
                    }
                }
            }
            for (NsgDecisionResult d : side == 0 ? outbound : inbound) {
                boolean mapped = side == 1 && !p.identity();
                for (RuleDecision m : d.matches()) {
                    if (m.access() != Access.ALLOW || m.sources().isEmpty()) {
                        continue;
                    }
                    AddressSet by = mapped ? allowed : m.sources().intersect(allowed);
                    pieces = split(pieces, by, ruleRef(d, m));
                }
            }
        }
        pieces.forEach((set, rules) -> out.add(new SourceOutcome(set, Verdict.ALLOWED, rules, List.of())));
        assigned = assigned.union(allowed);
        AddressSet leftover = denied.minus(assigned);
        if (!leftover.isEmpty()) {
            List<String> rules = new ArrayList<>();
            for (NsgDecisionResult d : p.out.decisions()) {
                d.denyingMatches().forEach(m -> rules.add(ruleRef(d, m)));
            }
            out.add(new SourceOutcome(leftover, Verdict.DENIED, rules, List.of()));
        }
        out.sort(Comparator.comparingLong(o -> o.sources().first()));
        return List.copyOf(out);
    }

    /** The allowed pieces split where {@code by} (the part a rule allowed) cuts them; the rule joins its pieces. */
    private static Map<AddressSet, List<String>> split(
            Map<AddressSet, List<String>> pieces, AddressSet by, String rule) {
        if (by.isEmpty()) {
            return pieces;
        }
        Map<AddressSet, List<String>> next = new LinkedHashMap<>();
        for (Map.Entry<AddressSet, List<String>> e : pieces.entrySet()) {
            AddressSet inside = e.getKey().intersect(by);
            AddressSet outside = e.getKey().minus(by);
            if (!inside.isEmpty()) {
                List<String> rules = new ArrayList<>(e.getValue());
                rules.add(rule);
                next.merge(inside, rules, (x, y) -> x);
            }
            if (!outside.isEmpty()) {
                next.merge(outside, e.getValue(), (x, y) -> x);
            }
        }
        return next;
    }

    // ---------------------------------------------------------------- explanation

    private static String reason(CallSource cs, Path p, Composition c, List<String> causes) {
        AddressSet allowed = c.allowed();
        AddressSet denied = c.denied();
        AddressSet undetermined = c.undetermined();
        String range = display(cs.privateSources());
        Optional<FirewallEvaluator.Decision> fw = p.firewallDecision();
        String denials = Stream.of(
                        denials(p.out.decisions().stream()
                                .filter(NsgDecisionResult::blocks)
                                .toList()),
                        fw.map(FirewallPhrases::denials).orElse(""),
                        denials(p.in.decisions().stream()
                                .filter(NsgDecisionResult::blocks)
                                .toList()))
                .filter(x -> !x.isEmpty())
                .collect(Collectors.joining("; "));
        String seen = cs.sources().isEmpty() || p.identity() ? "" : ", seen as " + display(cs.sources());
        List<NsgDecisionResult> evaluated = new ArrayList<>(p.out.decisions());
        evaluated.addAll(p.in.decisions());
        String where = p.delivers() && p.destination.subnet().isEmpty()
                ? " (the destination is outside the modelled subnets, so no inbound NSG applies)"
                : "";
        String bypass = p.inboundBypass.map(b -> " " + b).orElse("");
        return bypassed(
                bypass,
                switch (c.verdict()) {
                    case ALLOWED -> evaluated.isEmpty() && fw.isEmpty()
                            ? "Allowed from every source address (" + range + seen + "): no NSG applies on the way"
                                    + where + "."
                            : "Allowed from every source address (" + range + seen + ") by every "
                                    + (fw.isPresent() ? "NSG and firewall" : "NSG") + " on the way: "
                                    + Stream.concat(
                                                    evaluated.stream()
                                                            .map(d -> d.nsg().name() + " " + allowingRules(d)),
                                                    fw.map(FirewallPhrases::allowing).stream())
                                            .collect(Collectors.joining("; "))
                                    + where + ".";
                    case DENIED -> "Denied for every source address (" + range + seen + "): " + denials + ".";
                    case PARTIAL -> "Allowed only from " + allowed + " of " + range + seen + "; " + denied + " denied: "
                            + denials + ".";
                    case UNDETERMINED -> "Undetermined for " + undetermined + " of " + range + ": "
                            + String.join("; ", causes)
                            + (allowed.isEmpty() ? "" : " (" + allowed + " allowed)")
                            + (denied.isEmpty() ? "" : " (" + denied + " denied: " + denials + ")");
                    case UNREACHABLE -> cs.reason();
                });
    }

    /** The reason with the destination NSGs a private endpoint bypasses said after it. */
    private static String bypassed(String bypass, String reason) {
        return bypass.isEmpty() ? reason : reason + (reason.endsWith(".") ? "" : ".") + bypass;
    }

    private static String allowingRules(NsgDecisionResult d) {
        return d.matches().stream()
                .filter(m -> m.access() == Access.ALLOW && !m.sources().isEmpty())
                .map(RuleDecision::ruleName)
                .collect(Collectors.joining(", "));
    }

    private static String denials(List<NsgDecisionResult> blockers) {
        return blockers.stream()
                .flatMap(d -> d.denyingMatches().stream()
                        .map(m -> m.ruleName() + " of " + d.describe() + " denies " + m.sources()))
                .collect(Collectors.joining("; "));
    }
}
