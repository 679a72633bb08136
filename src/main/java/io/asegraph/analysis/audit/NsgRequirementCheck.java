package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.AnalysisContext.Attached;
import io.asegraph.analysis.ChainEvaluator;
import io.asegraph.analysis.ChainEvaluator.Passing;
import io.asegraph.analysis.NsgDecisionResult;
import io.asegraph.analysis.PathEngine.Explain;
import io.asegraph.analysis.PathEngine.Question;
import io.asegraph.net.AddressSet;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.RuleDecision;
import io.asegraph.policy.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one NSG row of the requirements table against the NSG of the ASE subnet, with the path engine's chain
 * evaluation ({@link ChainEvaluator}: exact over address and port ranges, first match by priority, default rules).
 * PASS: every flow is allowed; WARN: an NSG missing from the snapshot, an unresolved tag in the way, or a denial over a
 * superset that may miss the real set; FAIL: some part is denied for certain.
 */
final class NsgRequirementCheck {
    /** The client ports assumed for the flows of a requirement. */
    static final PortSet CLIENT_PORTS = PortSet.of(List.of(new PortRange(1024, 65535)));

    private final Parties parties;
    private final AnalysisContext context;

    NsgRequirementCheck(Parties parties, AnalysisContext context) {
        this.parties = Objects.requireNonNull(parties, "parties");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** What a check found: its status, its sentence and the rules that decided. */
    private record Found(CheckStatus status, String detail, List<String> decidedBy) {}

    HealthCheck check(HealthRequirement.Nsg r, HealthSubject subject) {
        Party sources = parties.resolve(r.source(), subject);
        Party destinations = parties.resolve(r.destination(), subject);
        Found found = found(r, subject, sources, destinations);
        String requirement = HealthSentences.nsgRequirement(r, sources, destinations);
        return new HealthCheck(r.name(), found.status(), requirement, found.detail(), found.decidedBy());
    }

    private Found found(HealthRequirement.Nsg r, HealthSubject subject, Party sources, Party destinations) {
        if (subject.nsg().isEmpty()) {
            return new Found(CheckStatus.PASS, HealthSentences.noNsg(subject.subnet()), List.of());
        }
        Attached attached = subject.nsg().get();
        if (attached.nsg().isEmpty()) {
            String detail = HealthSentences.nsgNotInSnapshot(attached.nsgId().value(), subject.subnet());
            return new Found(CheckStatus.WARN, detail, List.of());
        }
        String nsgName = attached.nsg().get().name();
        boolean exact = sources.exact() && destinations.exact();
        NsgOutcome total = evaluate(subject, attached, r, sources, destinations, PortSet.of(r.ports()));
        if (total.allowed()) {
            return new Found(CheckStatus.PASS, HealthSentences.nsgAllows(nsgName, exact), total.allowing());
        }
        if (!total.undetermined().isEmpty()) {
            String detail = HealthSentences.nsgUndetermined(nsgName, total.undetermined());
            return new Found(CheckStatus.WARN, detail, total.deciding());
        }
        // Per port: which ports are denied, and (over a superset) which have nothing allowed at all, which is certain.
        // A protocol of the row with nothing allowed on a port is as certain as the port itself (UDP 53 denied
        // everywhere breaks DNS whatever the servers are, even when TCP 53 is allowed).
        List<String> perPort = new ArrayList<>();
        List<String> noneAllowed = new ArrayList<>();
        if (r.ports().size() > 1) {
            for (PortRange p : r.ports()) {
                NsgOutcome one = evaluate(subject, attached, r, sources, destinations, PortSet.of(List.of(p)));
                if (!one.allowed()) {
                    perPort.add(HealthSentences.deniedPort(p, one.denying()));
                }
                noneAllowed(p.toString(), one, r).ifPresent(noneAllowed::add);
            }
        } else {
            noneAllowed(Describe.ports(r.ports()), total, r).ifPresent(noneAllowed::add);
        }
        boolean certain = exact || !noneAllowed.isEmpty();
        String detail =
                HealthSentences.nsgDenies(nsgName, r, total, perPort, noneAllowed, certain, sources, destinations);
        return new Found(certain ? CheckStatus.FAIL : CheckStatus.WARN, detail, total.deciding());
    }

    /**
     * {@code ports} when nothing of the requirement is allowed there over some protocol: the ports alone when that is
     * every protocol of the row, else with the protocols ({@code 53 over UDP}).
     */
    private static Optional<String> noneAllowed(String ports, NsgOutcome outcome, HealthRequirement.Nsg r) {
        if (outcome.blocked().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                outcome.blocked().size() == r.protocols().size()
                        ? ports
                        : HealthSentences.overProtocols(ports, outcome.blocked()));
    }

    /** The subnet's NSG over the requirement's flows on {@code ports}, one chain evaluation per protocol. */
    private NsgOutcome evaluate(
            HealthSubject subject,
            Attached attached,
            HealthRequirement.Nsg r,
            Party sources,
            Party destinations,
            PortSet ports) {
        String nsgName = attached.nsg().get().name();
        ChainEvaluator.Input input = new ChainEvaluator.Input(
                List.of(attached), subject.subnet(), sources.addresses(), destinations.addresses());
        boolean allowed = true;
        boolean anyAllowed = false;
        AddressSet deniedSources = AddressSet.EMPTY;
        Set<String> allowing = new LinkedHashSet<>();
        Set<String> denying = new LinkedHashSet<>();
        Set<String> undetermined = new LinkedHashSet<>();
        List<Protocol> blocked = new ArrayList<>();
        for (Protocol p : r.protocols()) {
            boolean allowedHere = false;
            ChainEvaluator chains = new ChainEvaluator(
                    context, new Question(CLIENT_PORTS, ports, p), Explain.DECISIONS, Passing.EVERY_FLOW);
            ChainEvaluator.Side side =
                    chains.evaluate(List.of(input), r.direction()).get(0);
            allowed &= Verdict.of(side.allowed(), side.denied(), side.undetermined()) == Verdict.ALLOWED;
            deniedSources = deniedSources.union(side.denied());
            for (NsgDecisionResult step : side.decisions()) {
                for (RuleDecision d : step.matches()) {
                    if (d.sources().isEmpty()) {
                        continue;
                    }
                    if (d.access() == Access.ALLOW) {
                        allowedHere = true;
                        allowing.add(Describe.ruleRef(nsgName, d));
                    } else {
                        denying.add(Describe.rule(nsgName, d.rule()));
                    }
                }
                step.matches().stream()
                        .map(RuleDecision::undeterminedCause)
                        .flatMap(Optional::stream)
                        .distinct()
                        .forEach(c -> undetermined.add(HealthSentences.undeterminedCause(nsgName, c)));
            }
            anyAllowed |= allowedHere;
            if (!allowedHere) {
                blocked.add(p);
            }
        }
        return new NsgOutcome(
                allowed,
                anyAllowed,
                blocked,
                deniedSources,
                new ArrayList<>(allowing),
                new ArrayList<>(denying),
                new ArrayList<>(undetermined));
    }
}
