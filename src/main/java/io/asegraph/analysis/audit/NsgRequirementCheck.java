package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext.Attached;
import io.asegraph.net.AddressSet;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.AppliedNsg;
import io.asegraph.policy.ChainEvaluation;
import io.asegraph.policy.FlowSpace;
import io.asegraph.policy.NsgChain;
import io.asegraph.policy.RuleDecision;
import io.asegraph.policy.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks one NSG row of the requirements table against the NSG of the ASE subnet, with the path engine's NSG evaluation
 * (exact over address and port ranges, first match by priority, default rules). PASS: every flow is allowed; WARN: an
 * NSG missing from the snapshot, an unresolved tag in the way, or a denial over a superset that may miss the real set;
 * FAIL: some part is denied for certain.
 */
final class NsgRequirementCheck {
    /** The client ports assumed for the flows of a requirement. */
    static final PortSet CLIENT_PORTS = PortSet.of(List.of(new PortRange(1024, 65535)));

    private final Parties parties;

    NsgRequirementCheck(Parties parties) {
        this.parties = Objects.requireNonNull(parties, "parties");
    }

    HealthCheck check(HealthRequirement.Nsg r, HealthSubject subject) {
        Party sources = parties.resolve(r.source(), subject);
        Party destinations = parties.resolve(r.destination(), subject);
        String requirement = HealthSentences.nsgRequirement(r, sources, destinations);
        if (subject.nsg().isEmpty()) {
            return new HealthCheck(
                    r.name(), CheckStatus.PASS, requirement, HealthSentences.noNsg(subject.subnet()), List.of());
        }
        Attached attached = subject.nsg().get();
        if (attached.nsg().isEmpty()) {
            return new HealthCheck(
                    r.name(),
                    CheckStatus.WARN,
                    requirement,
                    HealthSentences.nsgNotInSnapshot(attached.nsgId().value(), subject.subnet()),
                    List.of());
        }
        AppliedNsg applied = attached.applied().orElseThrow();
        String nsgName = applied.nsg().name();
        boolean exact = sources.exact() && destinations.exact();
        NsgOutcome total = evaluate(subject, applied, r, sources, destinations, PortSet.of(r.ports()));
        if (total.allowed()) {
            return new HealthCheck(
                    r.name(),
                    CheckStatus.PASS,
                    requirement,
                    HealthSentences.nsgAllows(nsgName, exact),
                    total.allowing());
        }
        if (!total.undetermined().isEmpty()) {
            return new HealthCheck(
                    r.name(),
                    CheckStatus.WARN,
                    requirement,
                    HealthSentences.nsgUndetermined(nsgName, total.undetermined()),
                    total.deciding());
        }
        // Per port: which ports are denied, and (over a superset) which have nothing allowed at all, which is certain.
        List<String> perPort = new ArrayList<>();
        List<String> noneAllowed = new ArrayList<>();
        if (r.ports().size() > 1) {
            for (PortRange p : r.ports()) {
                NsgOutcome one = evaluate(subject, applied, r, sources, destinations, PortSet.of(List.of(p)));
                if (!one.allowed()) {
                    perPort.add(HealthSentences.deniedPort(p, one.denying()));
                }
                if (!one.anyAllowed()) {
                    noneAllowed.add(p.toString());
                }
            }
        } else if (!total.anyAllowed()) {
            noneAllowed.add(Describe.ports(r.ports()));
        }
        boolean certain = exact || !noneAllowed.isEmpty();
        String detail =
                HealthSentences.nsgDenies(nsgName, r, total, perPort, noneAllowed, certain, sources, destinations);
        return new HealthCheck(
                r.name(), certain ? CheckStatus.FAIL : CheckStatus.WARN, requirement, detail, total.deciding());
    }

    private static NsgOutcome evaluate(
            HealthSubject subject,
            AppliedNsg applied,
            HealthRequirement.Nsg r,
            Party sources,
            Party destinations,
            PortSet ports) {
        String nsgName = applied.nsg().name();
        boolean allowed = true;
        boolean anyAllowed = false;
        AddressSet deniedSources = AddressSet.EMPTY;
        Set<String> allowing = new LinkedHashSet<>();
        Set<String> denying = new LinkedHashSet<>();
        Set<String> undetermined = new LinkedHashSet<>();
        for (Protocol p : r.protocols()) {
            FlowSpace space = new FlowSpace(sources.addresses(), destinations.addresses(), CLIENT_PORTS, ports, p);
            ChainEvaluation chain = NsgChain.evaluate(subject.evaluator(), List.of(applied), r.direction(), space);
            allowed &= chain.verdict() == Verdict.ALLOWED;
            deniedSources = deniedSources.union(chain.deniedSources());
            for (ChainEvaluation.Step step : chain.steps()) {
                for (RuleDecision d : step.evaluation().decisions()) {
                    if (d.sources().isEmpty()) {
                        continue;
                    }
                    if (d.access() == Access.ALLOW) {
                        anyAllowed = true;
                        allowing.add(Describe.ruleRef(nsgName, d));
                    } else {
                        denying.add(Describe.rule(nsgName, d.rule()));
                    }
                }
                step.evaluation()
                        .undeterminedCauses()
                        .forEach(c -> undetermined.add(HealthSentences.undeterminedCause(nsgName, c)));
            }
        }
        return new NsgOutcome(
                allowed,
                anyAllowed,
                deniedSources,
                new ArrayList<>(allowing),
                new ArrayList<>(denying),
                new ArrayList<>(undetermined));
    }
}
