package io.asegraph.analysis;

import io.asegraph.analysis.PathEngine.Composition;
import io.asegraph.analysis.PathEngine.Path;
import io.asegraph.analysis.WalkTrace.Arrival;
import io.asegraph.analysis.WalkTrace.Leg;
import io.asegraph.net.AddressSet;
import io.asegraph.policy.Access;
import io.asegraph.policy.NsgLevel;
import io.asegraph.policy.RuleDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One flow's trace, written in the path's order by the {@link PathEngine} stage that decides each step (with
 * {@link PathEngine.Explain#DECISIONS} only): the caller's hop with its route lookup; the source side's FILTER steps,
 * one per NSG (before the source translation, which they precede in Azure), and a DROP ending the trace when they let
 * nothing out; the walk's source translation and the hops on the way, with an Azure Firewall's FILTER step after its
 * entry (and a DROP when it lets nothing through); then the destination's hop with the destination side's FILTER
 * steps and the DELIVER or DROP step the composition decides. The walk's own steps come from its {@link WalkTrace};
 * nothing written is reopened. The sentences of the engine's steps are here, beside the engine.
 */
final class PathTrace {
    private final WalkTrace walk;
    private final TraceBuilder trace = new TraceBuilder();
    /** A DROP ended the trace before the destination. */
    private boolean ended;

    /** The route step: the caller's hop up to and with its route lookup. */
    PathTrace(WalkTrace walk) {
        this.walk = walk;
        trace.hop(walk.origin().node(), walk.origin().kind());
        trace.steps(walk.origin().entry());
    }

    /**
     * The source side: its FILTER steps; when it lets nothing out ({@code stopped}), a DROP unless part of it is
     * undetermined, and the trace ends there; otherwise the walk's source translation.
     */
    void sourceSide(ChainEvaluator.Side out, boolean stopped) {
        out.decisions().forEach(d -> trace.step(filterStep(d)));
        if (stopped) {
            if (out.undetermined().isEmpty()) {
                trace.step(new Step(
                        StepType.DROP,
                        "Dropped on the way out: every source address is denied by " + blockerNames(out.decisions())
                                + "."));
            }
            ended = true;
            return;
        }
        trace.steps(walk.origin().exit());
    }

    /**
     * The hops between the caller and the destination; at each Azure Firewall, after its entry, the firewall's FILTER
     * step, and a DROP ending the trace when it lets nothing through.
     */
    void appliances(Optional<FirewallEvaluator.Decision> firewall) {
        if (ended) {
            return;
        }
        for (Leg leg : walk.middle()) {
            trace.hop(leg.node(), leg.kind());
            trace.steps(leg.entry());
            if (firewall.isPresent() && leg.kind() == HopKind.AZURE_FIREWALL) {
                FirewallEvaluator.Decision fw = firewall.get();
                trace.step(FirewallPhrases.filterStep(fw));
                if (fw.allowed().isEmpty() && fw.undetermined().isEmpty()) {
                    trace.step(
                            new Step(StepType.DROP, "Dropped at the firewall: " + FirewallPhrases.denials(fw) + "."));
                    ended = true;
                    return;
                }
            }
            trace.steps(leg.exit());
        }
    }

    /**
     * The destination side: the destination's hop with one FILTER step per inbound NSG, or the step saying they are
     * bypassed. A walk that does not deliver into the model keeps its own arrival step.
     */
    void destinationSide(Path p) {
        if (ended || walk.arrival().isEmpty()) {
            return;
        }
        Arrival arrival = walk.arrival().get();
        trace.hop(arrival.node(), arrival.kind());
        if (!p.delivers()) {
            trace.step(arrival.step());
            return;
        }
        p.in.decisions().forEach(d -> trace.step(filterStep(d)));
        p.inboundBypass.ifPresent(b -> trace.step(new Step(StepType.FILTER, b)));
    }

    /**
     * The last step, from the composition: DELIVER with the walk's arrival sentence, what translated the destination,
     * that no NSG is attached, and which sources get through when not all do; DROP when none does.
     */
    void delivery(Path p) {
        if (ended || walk.arrival().isEmpty() || !p.delivers()) {
            return;
        }
        Composition c = p.result;
        AddressSet allowed = c.allowed();
        AddressSet denied = c.denied();
        AddressSet undetermined = c.undetermined();
        String arrives = walk.arrival().get().sentence();
        String note = p.destination.translation().map(n -> " " + n).orElse("");
        if (p.destination.subnet().isPresent() && p.inbound.isEmpty() && p.inboundBypass.isEmpty()) {
            note += " No NSG is attached to " + p.destination.subnet().get().name()
                    + p.destination.nic().map(n -> " or to " + n.name()).orElse("") + ".";
        }
        if (allowed.isEmpty() && undetermined.isEmpty()) {
            trace.step(new Step(
                    StepType.DROP,
                    (note.isEmpty() ? "" : note.trim() + " ")
                            + "Dropped: every source address that got this far is denied by "
                            + blockerNames(p.in.decisions()) + "."));
        } else if (denied.isEmpty() && undetermined.isEmpty()) {
            trace.step(new Step(StepType.DELIVER, arrives + note));
        } else {
            String partly = (allowed.isEmpty() ? " Nothing is certainly delivered" : " Delivered only from " + allowed)
                    + (denied.isEmpty() ? "" : "; " + denied + " denied")
                    + (undetermined.isEmpty() ? "" : "; " + undetermined + " undetermined") + ".";
            trace.step(new Step(StepType.DELIVER, arrives + note + partly));
        }
    }

    /** The trace as written. */
    List<Hop> hops() {
        return trace.hops();
    }

    /** One FILTER step per NSG: its verdict and what each deciding rule decided. */
    private static Step filterStep(NsgDecisionResult d) {
        StringBuilder b = new StringBuilder();
        b.append(d.direction().azureName())
                .append(" NSG ")
                .append(d.nsg().name())
                .append(" on ")
                .append(d.level() == NsgLevel.SUBNET ? "subnet " : "network interface ")
                .append(d.appliedTo().name())
                .append(": ")
                .append(d.verdict());
        if (d.matches().isEmpty()) {
            b.append(" — ").append(String.join("; ", d.causes()));
        } else {
            b.append(" — ")
                    .append(d.matches().stream().map(PathTrace::describeMatch).collect(Collectors.joining("; ")));
        }
        return new Step(StepType.FILTER, b.append('.').toString());
    }

    private static String describeMatch(RuleDecision m) {
        List<String> parts = new ArrayList<>();
        if (!m.sources().isEmpty()) {
            parts.add(m.sources() + (m.access() == Access.ALLOW ? " allowed by " : " denied by ") + m.ruleName());
        }
        if (!m.undeterminedSources().isEmpty()) {
            parts.add(m.undeterminedSources() + " undetermined at " + m.ruleName()
                    + m.undeterminedCause().map(c -> " (" + c + ")").orElse(""));
        }
        return String.join("; ", parts);
    }

    private static String blockerNames(List<NsgDecisionResult> decisions) {
        return decisions.stream()
                .filter(NsgDecisionResult::blocks)
                .map(d ->
                        d.denyingMatches().stream().map(RuleDecision::ruleName).collect(Collectors.joining(", "))
                                + " of " + d.describe())
                .collect(Collectors.joining("; "));
    }
}
