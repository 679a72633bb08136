package io.asegraph.policy;

import io.asegraph.net.Ipv4;
import io.asegraph.net.Protocol;
import java.util.List;
import java.util.Optional;

/**
 * Network Watcher's IP flow verify
 * (<a href="https://learn.microsoft.com/azure/network-watcher/ip-flow-verify-overview">IP flow verify overview</a>):
 * one 5-tuple (direction, protocol, local address and port, remote address and port) against the NSGs that apply,
 * answered with Allow or Deny and the deciding rule. Outbound, the local side is the source; inbound, the remote side.
 * It is the {@link NsgChain} evaluation of a one-point {@link FlowSpace} — the same code as every range answer.
 *
 * <p>Which rule is reported: the first NSG (in evaluation order) that denies decides and its denying rule is reported;
 * when every NSG allows, the allowing rule of the last NSG evaluated is reported (Azure does not document which of
 * several allowing rules it names; the last one is the rule that finally let the packet through). Azure's tool tests
 * TCP and UDP only; this one accepts every protocol.
 */
public final class IpFlowVerify {
    private IpFlowVerify() {}

    /** Verifies one 5-tuple against {@code nsgs}, given in evaluation order (see {@link NsgChain#order}). */
    public static IpFlowResult verify(
            NsgEvaluator evaluator,
            List<AppliedNsg> nsgs,
            Direction direction,
            Protocol protocol,
            long localAddress,
            int localPort,
            long remoteAddress,
            int remotePort) {
        FlowSpace point = direction == Direction.OUTBOUND
                ? FlowSpace.point(localAddress, localPort, remoteAddress, remotePort, protocol)
                : FlowSpace.point(remoteAddress, remotePort, localAddress, localPort, protocol);
        ChainEvaluation chain = NsgChain.evaluate(evaluator, nsgs, direction, point);
        if (chain.steps().isEmpty()) {
            return new IpFlowResult(
                    Verdict.ALLOWED,
                    Optional.of(Access.ALLOW),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    chain.warnings());
        }
        for (ChainEvaluation.Step step : chain.steps()) {
            NsgEvaluation evaluation = step.evaluation();
            if (evaluation.verdict() == Verdict.UNDETERMINED) {
                RuleDecision decision = evaluation.decisions().stream()
                        .filter(d -> !d.undeterminedSources().isEmpty())
                        .findFirst()
                        .orElseThrow();
                return new IpFlowResult(
                        Verdict.UNDETERMINED,
                        Optional.empty(),
                        Optional.of(decision.ruleName()),
                        Optional.of(step.applied()),
                        decision.undeterminedCause(),
                        chain.warnings());
            }
            if (evaluation.verdict() == Verdict.DENIED) {
                return decided(Verdict.DENIED, Access.DENY, step, chain);
            }
        }
        return decided(
                Verdict.ALLOWED, Access.ALLOW, chain.steps().get(chain.steps().size() - 1), chain);
    }

    /** The same with addresses as text (strict IPv4). */
    public static IpFlowResult verify(
            NsgEvaluator evaluator,
            List<AppliedNsg> nsgs,
            Direction direction,
            Protocol protocol,
            String localAddress,
            int localPort,
            String remoteAddress,
            int remotePort) {
        return verify(
                evaluator,
                nsgs,
                direction,
                protocol,
                Ipv4.parse(localAddress),
                localPort,
                Ipv4.parse(remoteAddress),
                remotePort);
    }

    private static IpFlowResult decided(
            Verdict verdict, Access access, ChainEvaluation.Step step, ChainEvaluation chain) {
        RuleDecision decision = step.evaluation().decisions().stream()
                .filter(d -> d.access() == access && !d.sources().isEmpty())
                .findFirst()
                .orElseThrow();
        return new IpFlowResult(
                verdict,
                Optional.of(access),
                Optional.of(decision.ruleName()),
                Optional.of(step.applied()),
                Optional.empty(),
                chain.warnings());
    }
}
