package io.asegraph.analysis;

import io.asegraph.analysis.AnalysisContext.Attached;
import io.asegraph.analysis.PathEngine.Explain;
import io.asegraph.analysis.PathEngine.Question;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Direction;
import io.asegraph.policy.FlowSpace;
import io.asegraph.policy.IpFlowResult;
import io.asegraph.policy.IpFlowVerify;
import io.asegraph.policy.NsgChain;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ipFlowVerify} question at a subnet or network interface: the NSGs that apply there, in Azure's order
 * ({@link NsgChain#order}), evaluated over the one-point flow space by the path engine's {@link ChainEvaluator} — the
 * same evaluation as every range answer — and the deciding rule reported as {@link IpFlowVerify#answer} says. An NSG
 * associated there but missing from the snapshot makes the answer UNDETERMINED, naming it.
 */
public final class IpFlowVerifier {
    private IpFlowVerifier() {}

    /** One 5-tuple at {@code subnet}, or at {@code nic} in it; {@code local} is the address on the target's side. */
    public static IpFlowResult verify(
            AnalysisContext context,
            Subnet subnet,
            Optional<NetworkInterface> nic,
            Direction direction,
            Protocol protocol,
            long local,
            int localPort,
            long remote,
            int remotePort) {
        List<Attached> chain = NsgChain.order(direction, context.subnetNsg(subnet), nic.flatMap(context::nicNsg));
        FlowSpace point = IpFlowVerify.point(direction, protocol, local, localPort, remote, remotePort);
        Question question = new Question(point.sourcePorts(), point.destinationPorts(), protocol);
        AddressSet destination = point.destinations();
        ChainEvaluator.Side side = new ChainEvaluator(context, question, Explain.DECISIONS)
                .evaluate(List.of(new ChainEvaluator.Input(chain, subnet, point.sources(), destination)), direction)
                .get(0);
        List<IpFlowVerify.Evaluated> steps = new ArrayList<>();
        for (int i = 0; i < side.decisions().size(); i++) {
            NsgDecisionResult d = side.decisions().get(i);
            steps.add(new IpFlowVerify.Evaluated(chain.get(i).applied(), d.verdict(), d.matches(), d.causes()));
        }
        return IpFlowVerify.answer(steps, side.warnings());
    }
}
