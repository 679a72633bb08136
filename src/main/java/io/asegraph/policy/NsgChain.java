package io.asegraph.policy;

import io.asegraph.net.AddressSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Subnet and network-interface NSGs combined as Azure combines them
 * (<a href="https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works">how network
 * security groups filter traffic</a>): inbound, the subnet NSG then the NIC NSG; outbound, the NIC NSG then the subnet
 * NSG. A deny is final (the next NSG is never evaluated for that traffic); a level without an NSG allows everything;
 * a flow passes only if every NSG allows it.
 */
public final class NsgChain {
    private NsgChain() {}

    /**
     * The NSGs that apply at a subnet and a network interface in it (as {@link AppliedNsg}s, or as any other
     * description of them), in Azure's evaluation order for {@code direction}. Absent levels are left out: they allow
     * everything.
     */
    public static <T> List<T> order(Direction direction, Optional<T> subnet, Optional<T> nic) {
        List<T> out = new ArrayList<>(2);
        if (direction == Direction.INBOUND) {
            subnet.ifPresent(out::add);
            nic.ifPresent(out::add);
        } else {
            nic.ifPresent(out::add);
            subnet.ifPresent(out::add);
        }
        return List.copyOf(out);
    }

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
}
