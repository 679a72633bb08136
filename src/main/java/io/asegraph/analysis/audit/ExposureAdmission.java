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
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.RuleDecision;
import io.asegraph.policy.SecurityRule;
import io.asegraph.topology.ResourceId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the NSG chain in front of an {@link ExposureTarget} admits from the Internet, for every concrete protocol and
 * source-port interval of the question: {@code exposed} the sources some flow of which every NSG certainly allows,
 * {@code possible} those it may allow (an unresolved rule), with the allowing rules and the part each admits, per NSG
 * of the chain. Source ports are split into intervals on which every rule is uniform, so the NSGs are intersected
 * flow by flow.
 */
record ExposureAdmission(
        AddressSet exposed,
        AddressSet possible,
        List<Set<String>> admitting,
        List<AddressSet> admittedAt,
        Set<String> causes) {

    private static final List<Protocol> CONCRETE =
            List.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ESP, Protocol.AH);

    /**
     * What {@code t}'s chain admits from {@code internet} on {@code port} over {@code protocol}: the path engine's
     * {@link ChainEvaluator} asked "can some flow get through" ({@link Passing#SOME_FLOW}), once per concrete protocol
     * and source-port interval.
     */
    static ExposureAdmission of(
            AnalysisContext context, ExposureTarget t, int port, Protocol protocol, AddressSet internet) {
        List<Protocol> protocols = protocol == Protocol.ANY ? CONCRETE : List.of(protocol);
        List<PortSet> intervals = sourcePortIntervals(t.chain());
        ChainEvaluator.Input input = new ChainEvaluator.Input(t.chain(), t.subnet(), internet, t.destination());
        AddressSet exposed = AddressSet.EMPTY;
        AddressSet possible = AddressSet.EMPTY;
        List<Set<String>> admitting = new ArrayList<>();
        List<AddressSet> admittedAt = new ArrayList<>();
        for (int i = 0; i < t.chain().size(); i++) {
            admitting.add(new LinkedHashSet<>());
            admittedAt.add(AddressSet.EMPTY);
        }
        Set<String> causes = new LinkedHashSet<>();
        for (Protocol p : protocols) {
            PortSet destinationPorts = p.hasPorts() ? PortSet.single(port) : PortSet.ALL;
            for (PortSet sourcePorts : intervals) {
                ChainEvaluator chains = new ChainEvaluator(
                        context, new Question(sourcePorts, destinationPorts, p), Explain.DECISIONS, Passing.SOME_FLOW);
                ChainEvaluator.Side side =
                        chains.evaluate(List.of(input), Direction.INBOUND).get(0);
                AddressSet certain = side.allowed();
                AddressSet maybe = certain.union(side.undetermined());
                // The chain's decisions are the NSGs it reached, in chain order.
                List<NsgDecisionResult> decisions = side.decisions();
                for (int i = 0; i < decisions.size(); i++) {
                    Attached a = t.chain().get(i);
                    if (a.nsg().isEmpty()) {
                        causes.add("NSG " + a.nsgId().value() + " is associated with "
                                + a.appliedTo().name() + " but is not in the snapshot");
                    }
                }
                for (int i = 0; i < decisions.size(); i++) {
                    String name = nameOf(context, decisions.get(i).nsg());
                    for (RuleDecision d : decisions.get(i).matches()) {
                        if (d.access() == Access.ALLOW && d.sources().overlaps(certain)) {
                            admitting
                                    .get(i)
                                    .add(Describe.ruleRef(nameOf(t.chain().get(i)), d));
                            admittedAt.set(
                                    i, admittedAt.get(i).union(d.sources().intersect(certain)));
                        }
                        if (!d.undeterminedSources().isEmpty()
                                && d.undeterminedSources().overlaps(maybe)) {
                            d.undeterminedCause().ifPresent(c -> causes.add(name + " " + c));
                        }
                    }
                }
                exposed = exposed.union(certain);
                possible = possible.union(maybe);
            }
        }
        return new ExposureAdmission(exposed, possible, admitting, admittedAt, causes);
    }

    /**
     * What the NSG {@code a} at chain position {@code i} admits for certain, as a FILTER step says it: the part of
     * {@code all} ({@code everyone} when it is all of it) and the rules; empty when it admits nothing for certain.
     */
    Optional<String> admits(Attached a, int i, AddressSet all, String everyone) {
        Set<String> rules = admitting.get(i);
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(nameOf(a) + " (inbound) admits " + Describe.addresses(admittedAt.get(i), all, everyone)
                + " by " + String.join(", ", rules) + ".");
    }

    /** The name of the NSG of {@code a}, or of its id when the NSG is not in the snapshot. */
    static String nameOf(Attached a) {
        return a.nsg().map(NetworkSecurityGroup::name).orElse(a.nsgId().name());
    }

    private static String nameOf(AnalysisContext context, ResourceId nsg) {
        return context.policies().nsg(nsg).map(NetworkSecurityGroup::name).orElse(nsg.name());
    }

    /**
     * Source-port intervals on which every inbound rule of the chain is uniform: the boundaries of every rule's
     * source port ranges split 0-65535. Almost always one interval (rules rarely restrict source ports).
     */
    private static List<PortSet> sourcePortIntervals(List<Attached> chain) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, 65536));
        for (Attached a : chain) {
            if (a.nsg().isEmpty()) {
                continue;
            }
            for (SecurityRule r : a.nsg().get().rules()) {
                if (r.direction() != Direction.INBOUND) {
                    continue;
                }
                for (PortRange range : r.sourcePorts()) {
                    cuts.add(range.from());
                    cuts.add(range.to() + 1);
                }
            }
        }
        List<PortSet> out = new ArrayList<>();
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null) {
                out.add(PortSet.of(List.of(new PortRange(previous, cut - 1))));
            }
            previous = cut;
        }
        return out;
    }
}
