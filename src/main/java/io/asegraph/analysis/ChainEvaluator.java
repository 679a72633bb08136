package io.asegraph.analysis;

import io.asegraph.analysis.AnalysisContext.Attached;
import io.asegraph.analysis.PathEngine.Explain;
import io.asegraph.analysis.PathEngine.Question;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.FlowSpace;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.NsgEvaluation;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.policy.RuleDecision;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Subnet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one evaluator of NSG chains on a path (one side of many calls at once), as Azure's chain does for each call:
 * each NSG sees only what the earlier ones allowed, a deny is final, the chain stops when nothing is left, an NSG
 * attached but missing from the snapshot makes whatever reaches it UNDETERMINED. The work is shared: at each chain
 * position, every distinct NSG (in one evaluation context, toward one destination) is evaluated once over the union
 * of the sources that reach it, and its result is restricted to each call's part. Exact, since an NSG's verdict for
 * one source address does not depend on the other addresses evaluated with it.
 *
 * <p>With {@link Explain#DECISIONS} each call's side keeps every NSG's decision (the rules that decided its part,
 * causes, warnings). With {@link Explain#VERDICTS} only the source sets are kept, and each NSG is first reduced to the
 * rules that can match some flow of the question (a rule that matches no flow of the space changes no first match).
 *
 * <p>{@link Passing} decides which sources an NSG lets on to the next one: for a call ({@code flow},
 * {@code whoCanReach}, {@code requiredAccess}, {@code ipFlowVerify}, the health checks) those it allows for every flow
 * of the question; for an exposure those some flow of which it allows or may allow.
 * Not thread-safe; one per run.
 */
public final class ChainEvaluator {
    /** Which sources an NSG of the chain lets on to the next one. */
    public enum Passing {
        /**
         * Azure's chain for one call: the sources it allows for every flow of the question go on; a denied source
         * stops, and so does an undetermined one (and an NSG missing from the snapshot stops whatever reaches it).
         * The side's sets split the sources: allowed by every NSG, denied by one, undetermined at one.
         */
        EVERY_FLOW,
        /**
         * The exposure question, "can some flow get through": the sources some flow of which it allows, or may allow
         * (an unresolved rule), go on, and an NSG missing from the snapshot lets everything on as undetermined. The
         * side's {@code allowed} are the sources every NSG certainly allows some flow of, {@code undetermined} those
         * every NSG allows or may allow some flow of but not certainly, {@code denied} the rest. Exact when every rule
         * is uniform over the question's ports (ask per source-port interval, as {@code exposures} does).
         */
        SOME_FLOW
    }

    /** What one call's side is evaluated over: its NSGs in order, their context, the sources and destination. */
    public record Input(List<Attached> chain, Subnet contextSubnet, AddressSet sources, AddressSet destination) {}

    /** What one side's NSGs decided for one call. */
    public record Side(
            List<NsgDecisionResult> decisions,
            AddressSet allowed,
            AddressSet denied,
            AddressSet undetermined,
            List<String> causes,
            List<String> warnings) {
        static final Side NONE =
                new Side(List.of(), AddressSet.EMPTY, AddressSet.EMPTY, AddressSet.EMPTY, List.of(), List.of());
    }

    /** One call's side as it is being evaluated, NSG after NSG. */
    private static final class State {
        final Input input;
        final List<NsgDecisionResult> decisions = new ArrayList<>(2);
        final Set<String> causes = new LinkedHashSet<>();
        final Set<String> warnings = new LinkedHashSet<>();
        AddressSet passing;
        AddressSet denied = AddressSet.EMPTY;
        AddressSet undetermined = AddressSet.EMPTY;
        /** With {@link Passing#SOME_FLOW}: the part of {@code passing} every NSG so far certainly allows some flow of. */
        AddressSet certain;

        State(Input input) {
            this.input = input;
            this.passing = input.sources();
            this.certain = input.sources();
        }

        Side result(Passing mode) {
            return mode == Passing.EVERY_FLOW
                    ? new Side(
                            List.copyOf(decisions),
                            passing,
                            denied,
                            undetermined,
                            List.copyOf(causes),
                            List.copyOf(warnings))
                    : new Side(
                            List.copyOf(decisions),
                            certain,
                            input.sources().minus(passing),
                            passing.minus(certain),
                            List.copyOf(causes),
                            List.copyOf(warnings));
        }
    }

    /** The calls whose NSG at one chain position is the same NSG in the same context, toward the same destination. */
    private record BucketKey(String nsg, String context, AddressSet destination) {}

    private static final class Bucket {
        final Attached attached;
        final Subnet contextSubnet;
        final List<State> states = new ArrayList<>();
        final List<Cidr> blocks = new ArrayList<>();

        Bucket(Attached attached, Subnet contextSubnet) {
            this.attached = attached;
            this.contextSubnet = contextSubnet;
        }
    }

    private final AnalysisContext context;
    private final Question question;
    private final Explain explain;
    private final Passing mode;
    private final SetRestrictor restrictor = new SetRestrictor();
    /** With {@link Explain#VERDICTS}: the NSGs reduced to the rules that can match the question, per direction. */
    private final Map<String, NetworkSecurityGroup> reduced = new HashMap<>();

    /** An evaluator of calls' chains ({@link Passing#EVERY_FLOW}). */
    ChainEvaluator(AnalysisContext context, Question question, Explain explain) {
        this(context, question, explain, Passing.EVERY_FLOW);
    }

    public ChainEvaluator(AnalysisContext context, Question question, Explain explain, Passing mode) {
        this.context = context;
        this.question = question;
        this.explain = explain;
        this.mode = mode;
    }

    /** Evaluates one side ({@code direction}) of every input, in order. */
    public List<Side> evaluate(List<Input> inputs, Direction direction) {
        List<State> states = inputs.stream().map(State::new).toList();
        int longest = inputs.stream().mapToInt(i -> i.chain().size()).max().orElse(0);
        for (int position = 0; position < longest; position++) {
            Map<BucketKey, Bucket> buckets = new LinkedHashMap<>();
            for (State st : states) {
                List<Attached> chain = st.input.chain();
                if (position >= chain.size() || st.passing.isEmpty()) {
                    continue;
                }
                Attached applied = chain.get(position);
                if (applied.nsg().isEmpty()) {
                    missing(st, applied, direction);
                    continue;
                }
                BucketKey key = new BucketKey(
                        applied.nsgId().key(), context.contextKey(st.input.contextSubnet()), st.input.destination());
                Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(applied, st.input.contextSubnet()));
                b.states.add(st);
                b.blocks.addAll(st.passing.toCidrs());
            }
            for (Bucket b : buckets.values()) {
                AddressSet union = AddressSet.of(b.blocks);
                NetworkSecurityGroup nsg = b.attached.nsg().get();
                if (explain == Explain.VERDICTS) {
                    nsg = relevant(nsg, direction);
                }
                NsgEvaluation e = context.evaluator(b.contextSubnet)
                        .evaluate(
                                nsg,
                                direction,
                                new FlowSpace(
                                        union,
                                        b.states.get(0).input.destination(),
                                        question.sourcePorts(),
                                        question.destinationPorts(),
                                        question.protocol()));
                for (State st : b.states) {
                    step(st, st.input.chain().get(position), e, union, direction);
                }
            }
        }
        return states.stream().map(st -> st.result(mode)).toList();
    }

    /** An NSG attached but not in the snapshot: whatever reaches it is undetermined, naming it. */
    private void missing(State st, Attached applied, Direction direction) {
        if (explain == Explain.DECISIONS) {
            String cause = "NSG " + applied.nsgId().name() + " ("
                    + applied.nsgId().value() + ") is attached to "
                    + applied.appliedTo().name() + " but is not in the snapshot, so what it decides is not known; "
                    + ResourceKind.NETWORK_SECURITY_GROUP.howToImport(
                            applied.nsgId().value());
            AddressSet none = AddressSet.EMPTY;
            Side all = new Side(List.of(), none, none, st.passing, List.of(cause), List.of());
            st.decisions.add(decision(applied, direction, List.of(), st.passing, all));
            st.causes.add(cause);
        }
        if (mode == Passing.SOME_FLOW) {
            st.certain = AddressSet.EMPTY;
            return;
        }
        st.undetermined = st.undetermined.union(st.passing);
        st.passing = AddressSet.EMPTY;
    }

    /**
     * One NSG's decision at its place of the chain: the rules that decided the part that {@code reached} it, and how
     * it split that part, as a side of this one NSG.
     */
    private static NsgDecisionResult decision(
            Attached applied, Direction direction, List<RuleDecision> matches, AddressSet reached, Side split) {
        return new NsgDecisionResult(
                applied.nsgId(),
                applied.appliedTo(),
                applied.level(),
                direction,
                Verdict.of(split.allowed(), split.denied(), split.undetermined()),
                matches,
                reached,
                split.allowed(),
                split.denied(),
                split.undetermined(),
                split.causes(),
                split.warnings());
    }

    /**
     * One NSG's evaluation over a union of sources, restricted to what reached it from this call; then the call's
     * chain moves on with what it allowed. With decisions: every rule's sets restricted, rules that decided none of it
     * dropped, causes and warnings kept.
     */
    private void step(State st, Attached applied, NsgEvaluation e, AddressSet union, Direction direction) {
        AddressSet mine = st.passing;
        boolean whole = mine.equals(union);
        AddressSet allowed = whole ? e.allowedSources() : restrictor.restrict(e.allowedSources(), mine);
        AddressSet denied = whole ? e.deniedSources() : restrictor.restrict(e.deniedSources(), mine);
        AddressSet undetermined = whole ? e.undeterminedSources() : restrictor.restrict(e.undeterminedSources(), mine);
        if (explain == Explain.DECISIONS) {
            decide(st, applied, e, mine, whole, allowed, denied, undetermined, direction);
        }
        if (mode == Passing.SOME_FLOW) {
            AddressSet admitting = AddressSet.EMPTY;
            for (RuleDecision d : e.decisions()) {
                if (d.access() == Access.ALLOW) {
                    admitting = admitting.union(d.sources());
                }
            }
            admitting = whole ? admitting : restrictor.restrict(admitting, mine);
            st.certain = st.certain.intersect(admitting);
            st.passing = admitting.union(undetermined);
            return;
        }
        st.denied = st.denied.union(denied);
        st.undetermined = st.undetermined.union(undetermined);
        st.passing = allowed;
    }

    private void decide(
            State st,
            Attached applied,
            NsgEvaluation e,
            AddressSet mine,
            boolean whole,
            AddressSet allowed,
            AddressSet denied,
            AddressSet undetermined,
            Direction direction) {
        List<RuleDecision> matches = new ArrayList<>();
        for (RuleDecision d : e.decisions()) {
            AddressSet s = whole ? d.sources() : restrictor.restrict(d.sources(), mine);
            AddressSet u = whole ? d.undeterminedSources() : restrictor.restrict(d.undeterminedSources(), mine);
            if (s.isEmpty() && u.isEmpty()) {
                continue;
            }
            matches.add(
                    whole
                            ? d
                            : new RuleDecision(
                                    d.rule(),
                                    d.access(),
                                    s,
                                    u,
                                    u.isEmpty() ? Optional.empty() : d.undeterminedCause()));
        }
        List<String> causes = new ArrayList<>();
        boolean virtualNetwork = false;
        for (RuleDecision m : matches) {
            m.undeterminedCause().filter(c -> !causes.contains(c)).ifPresent(causes::add);
            virtualNetwork |= namesVirtualNetwork(m.rule());
        }
        Subnet contextSubnet = st.input.contextSubnet();
        if (context.evaluationContext(contextSubnet).virtualNetwork().isEmpty()
                && matches.stream()
                        .anyMatch(m -> !m.undeterminedSources().isEmpty() && namesVirtualNetwork(m.rule()))) {
            context.virtualNetworkProblem(contextSubnet)
                    .filter(c -> !causes.contains(c))
                    .ifPresent(causes::add);
        }
        List<String> warnings = virtualNetwork ? e.warnings() : List.of();
        Side split = new Side(List.of(), allowed, denied, undetermined, causes, warnings);
        st.decisions.add(decision(applied, direction, matches, mine, split));
        st.causes.addAll(causes);
        st.warnings.addAll(warnings);
    }

    private static boolean namesVirtualNetwork(SecurityRule rule) {
        return rule.sourcePrefixes().stream().anyMatch(PrefixResolver::isVirtualNetworkTag)
                || rule.destinationPrefixes().stream().anyMatch(PrefixResolver::isVirtualNetworkTag);
    }

    /**
     * The NSG with only the user rules of {@code direction} that can match some flow of the question (protocol and
     * port ranges overlap it), cached per NSG and direction for the run.
     */
    private NetworkSecurityGroup relevant(NetworkSecurityGroup nsg, Direction direction) {
        return reduced.computeIfAbsent(nsg.id().key() + "|" + direction, k -> {
            List<SecurityRule> keep = new ArrayList<>();
            Protocol protocol = question.protocol();
            for (SecurityRule r : nsg.rules()) {
                if (r.direction() == direction
                        && !r.isDefault()
                        && (r.protocol() == Protocol.ANY || protocol == Protocol.ANY || r.protocol() == protocol)
                        && overlaps(r.sourcePorts(), question.sourcePorts())
                        && overlaps(r.destinationPorts(), question.destinationPorts())) {
                    keep.add(r);
                }
            }
            return keep.size() == nsg.rules().size()
                    ? nsg
                    : new NetworkSecurityGroup(nsg.id(), nsg.name(), nsg.location(), nsg.etag(), keep);
        });
    }

    private static boolean overlaps(List<PortRange> ranges, PortSet ports) {
        return ranges.isEmpty() || !PortSet.of(ranges).intersect(ports).isEmpty();
    }
}
