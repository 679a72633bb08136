package io.asegraph.policy;

import io.asegraph.net.AddressSet;
import java.util.List;
import java.util.Objects;

/**
 * The evaluation of the NSGs that apply on one side of a flow, in Azure's order. {@code steps} are the NSGs that were
 * evaluated, in order, each over the source part the previous ones allowed (an NSG that nothing reached is not
 * evaluated, as Azure never evaluates the NIC NSG after a subnet deny). {@code blockers} are all steps that denied some
 * part of the source range, not only the first. The three source sets are disjoint and cover the original source
 * range: allowed by every NSG, denied by one of them, undetermined at one of them.
 */
public record ChainEvaluation(
        Verdict verdict,
        List<Step> steps,
        List<Step> blockers,
        AddressSet allowedSources,
        AddressSet deniedSources,
        AddressSet undeterminedSources,
        List<String> warnings) {
    public ChainEvaluation {
        Objects.requireNonNull(verdict, "verdict");
        steps = List.copyOf(steps);
        blockers = List.copyOf(blockers);
        Objects.requireNonNull(allowedSources, "allowedSources");
        Objects.requireNonNull(deniedSources, "deniedSources");
        Objects.requireNonNull(undeterminedSources, "undeterminedSources");
        warnings = List.copyOf(warnings);
    }

    /** One evaluated NSG: where it applies and what it decided. */
    public record Step(AppliedNsg applied, NsgEvaluation evaluation) {
        public Step {
            Objects.requireNonNull(applied, "applied");
            Objects.requireNonNull(evaluation, "evaluation");
        }
    }
}
