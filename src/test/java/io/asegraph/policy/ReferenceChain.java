package io.asegraph.policy;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.net.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A reference evaluation of an NSG chain, for tests only: the plainest reading of Azure's rule (each NSG in order over
 * what the earlier ones allowed, one {@link NsgEvaluator} call each), against which the path engine's
 * {@code ChainEvaluator} — the one chain evaluator of the service, batched and restricted — is checked.
 */
public final class ReferenceChain {
    private ReferenceChain() {}

    /**
     * Evaluates {@code nsgs} in the given order over {@code space}; each NSG sees only the source addresses every
     * earlier NSG allowed (for the whole space). Evaluation stops when no source address is left. With no NSG the
     * whole source range is allowed.
     */
    public static ChainEvaluation evaluate(
            NsgEvaluator evaluator, List<AppliedNsg> nsgs, Direction direction, FlowSpace space) {
        List<ChainEvaluation.Step> steps = new ArrayList<>();
        List<ChainEvaluation.Step> blockers = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        AddressSet passing = space.sources();
        AddressSet denied = AddressSet.EMPTY;
        AddressSet undetermined = AddressSet.EMPTY;
        for (AppliedNsg applied : nsgs) {
            if (passing.isEmpty()) {
                break;
            }
            NsgEvaluation evaluation = evaluator.evaluate(applied.nsg(), direction, space.withSources(passing));
            ChainEvaluation.Step step = new ChainEvaluation.Step(applied, evaluation);
            steps.add(step);
            if (!evaluation.deniedSources().isEmpty()) {
                blockers.add(step);
            }
            evaluation.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
            denied = denied.union(evaluation.deniedSources());
            undetermined = undetermined.union(evaluation.undeterminedSources());
            passing = evaluation.allowedSources();
        }
        return new ChainEvaluation(
                Verdict.of(passing, denied, undetermined), steps, blockers, passing, denied, undetermined, warnings);
    }

    /** IP flow verify of one 5-tuple with this reference chain and the service's {@link IpFlowVerify#answer}. */
    public static IpFlowResult verify(
            NsgEvaluator evaluator,
            List<AppliedNsg> nsgs,
            Direction direction,
            Protocol protocol,
            String localAddress,
            int localPort,
            String remoteAddress,
            int remotePort) {
        FlowSpace point = IpFlowVerify.point(
                direction, protocol, Ipv4.parse(localAddress), localPort, Ipv4.parse(remoteAddress), remotePort);
        ChainEvaluation chain = evaluate(evaluator, nsgs, direction, point);
        List<IpFlowVerify.Evaluated> steps = new ArrayList<>();
        for (ChainEvaluation.Step step : chain.steps()) {
            steps.add(new IpFlowVerify.Evaluated(
                    Optional.of(step.applied()),
                    step.evaluation().verdict(),
                    step.evaluation().decisions(),
                    step.evaluation().undeterminedCauses()));
        }
        return IpFlowVerify.answer(steps, chain.warnings());
    }
}
