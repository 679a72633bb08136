package io.asegraph.policy;

import io.asegraph.net.Protocol;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Network Watcher's IP flow verify
 * (<a href="https://learn.microsoft.com/azure/network-watcher/ip-flow-verify-overview">IP flow verify overview</a>):
 * one 5-tuple (direction, protocol, local address and port, remote address and port) against the NSGs that apply,
 * answered with Allow or Deny and the deciding rule. Outbound, the local side is the source; inbound, the remote side.
 * The question is a one-point {@link FlowSpace} ({@link #point}); the NSGs are evaluated over it by the path engine's
 * chain evaluator, like every range answer, and {@link #answer} says which rule decided.
 *
 * <p>Which rule is reported: the first NSG (in evaluation order) that denies decides and its denying rule is reported;
 * when every NSG allows, the allowing rule of the last NSG evaluated is reported (Azure does not document which of
 * several allowing rules it names; the last one is the rule that finally let the packet through). An NSG that cannot
 * decide (an unresolved rule reached, or the NSG is not in the snapshot) makes the answer UNDETERMINED, naming the
 * cause. Azure's tool tests TCP and UDP only; this one accepts every protocol.
 */
public final class IpFlowVerify {
    private IpFlowVerify() {}

    /**
     * One evaluated NSG of the chain, in evaluation order: where it applies (empty when it is not in the snapshot),
     * its verdict over the point, the rules that decided it, and what it could not resolve.
     */
    public record Evaluated(
            Optional<AppliedNsg> applied, Verdict verdict, List<RuleDecision> decisions, List<String> causes) {
        public Evaluated {
            Objects.requireNonNull(applied, "applied");
            Objects.requireNonNull(verdict, "verdict");
            decisions = List.copyOf(decisions);
            causes = List.copyOf(causes);
        }
    }

    /** The one-point flow space of a 5-tuple: outbound, the local side is the source; inbound, the remote side. */
    public static FlowSpace point(
            Direction direction,
            Protocol protocol,
            long localAddress,
            int localPort,
            long remoteAddress,
            int remotePort) {
        return direction == Direction.OUTBOUND
                ? FlowSpace.point(localAddress, localPort, remoteAddress, remotePort, protocol)
                : FlowSpace.point(remoteAddress, remotePort, localAddress, localPort, protocol);
    }

    /** The answer from the NSGs evaluated over the point, in evaluation order (none: no NSG applies). */
    public static IpFlowResult answer(List<Evaluated> steps, List<String> warnings) {
        if (steps.isEmpty()) {
            return new IpFlowResult(
                    Verdict.ALLOWED,
                    Optional.of(Access.ALLOW),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    warnings);
        }
        for (Evaluated step : steps) {
            if (step.verdict() == Verdict.UNDETERMINED) {
                Optional<RuleDecision> decision = step.decisions().stream()
                        .filter(d -> !d.undeterminedSources().isEmpty())
                        .findFirst();
                return new IpFlowResult(
                        Verdict.UNDETERMINED,
                        Optional.empty(),
                        decision.map(RuleDecision::ruleName),
                        step.applied(),
                        decision.isPresent()
                                ? decision.get().undeterminedCause()
                                : step.causes().stream().findFirst(),
                        warnings);
            }
            if (step.verdict() == Verdict.DENIED) {
                return decided(Access.DENY, step, warnings);
            }
        }
        return decided(Access.ALLOW, steps.get(steps.size() - 1), warnings);
    }

    private static IpFlowResult decided(Access access, Evaluated step, List<String> warnings) {
        RuleDecision decision = step.decisions().stream()
                .filter(d -> d.access() == access && !d.sources().isEmpty())
                .findFirst()
                .orElseThrow();
        return new IpFlowResult(
                access == Access.ALLOW ? Verdict.ALLOWED : Verdict.DENIED,
                Optional.of(access),
                Optional.of(decision.ruleName()),
                step.applied(),
                Optional.empty(),
                warnings);
    }
}
