package io.asegraph.analysis;

import io.asegraph.analysis.AnalysisContext.Attached;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.FlowSpace;
import io.asegraph.policy.NsgEvaluation;
import io.asegraph.policy.NsgLevel;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.policy.RuleDecision;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The path engine's flow question: will a call from {@code from} to {@code to} on a port be allowed, for every address
 * it may come from? (design.md "One path engine", "Semantics"; azure-semantics §1.2, §1.4, §2.7.) It is the
 * {@link CallSourceWalker call-source walk} plus the NSG filters on it:
 * <ol>
 * <li><b>Source side, outbound</b>: the caller's NIC NSG, then its subnet NSG
 * (<a href="https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works">how NSGs filter
 * traffic</a>), over the <em>private</em> source (an ASE: its whole subnet range; a NIC: its address) and the
 * <em>pre-NAT</em> destination (an ASE's VIP, a NIC's address, an endpoint's blocks): "for outbound traffic, network
 * security groups process traffic before translating private IP addresses to public IP addresses".</li>
 * <li><b>Destination side, inbound</b>, only when the destination lies in a modelled subnet: its subnet NSG, then its
 * NIC NSG, over the <em>translated</em> source (the VIP or NAT address as /32, or the caller's subnet range or address
 * when nothing translates it) and the <em>translated</em> destination (an ASE reached at its VIP or ILB address: its
 * workers' subnet range; a VM reached at its NIC's public IP: the NIC's private address). Results map back to the
 * original sources: every worker of an ASE leaves from the same VIP, so the VIP's inbound verdict applies to every
 * source that passed outbound; an untranslated range is mapped address by address. A call whose translated source
 * may be one of several addresses (several outbound or NAT addresses) is allowed only when every one of them is.</li>
 * <li>A destination outside the model (an Internet host, an endpoint, a bare public address) has no inbound NSG: the
 * call is delivered once the source side lets it out. So is a modelled destination without any NSG.</li>
 * </ol>
 * Each NSG evaluates only what the earlier ones allowed (a deny is final, the next NSG never sees it), with first-match
 * semantics exact over address ranges ({@link io.asegraph.policy.NsgEvaluator}); every NSG that denies a part is a
 * blocker. An UNREACHABLE call source gives UNREACHABLE with no NSG evaluated (the trace ends in the walker's DROP). An
 * UNDETERMINED call source (forced tunnelling, an appliance, an unresolved route tag) still has its source side
 * evaluated, since those NSGs act before the point where the path leaves the model; whatever they let out is
 * UNDETERMINED with the walk's reason (so the verdict is UNDETERMINED, or DENIED if the source side denies it all).
 *
 * <p><b>Ports.</b> Client source ports are not known: the source side is evaluated over every ephemeral port
 * {@link #EPHEMERAL_PORTS} (1024-65535, which covers the dynamic ranges of Windows, 49152-65535, and Linux,
 * 32768-60999, and any configured wider range short of the privileged ports); a source address counts as allowed only
 * if every port of it is. Another set can be given to the constructor. ICMP, ESP and AH have no ports: those flows are
 * evaluated over every source and destination port (the policy engine's convention), and the port argument is
 * ignored. Protocol {@link Protocol#ANY} is every protocol at once (allowed only if each is).
 *
 * <p><b>Batches.</b> {@link #analyzeMany} answers the same question for many callers to one destination ("who can
 * reach X on port P") as one computation: each caller is walked (its route lookup is its own), then each side is
 * evaluated chain position by chain position, and at each position every distinct NSG — in one evaluation context,
 * toward one destination — is evaluated once over the union of the sources that reach it there. On the destination
 * side that is typically one evaluation per NSG for the whole batch (VIPs are points, subnet ranges unite); the
 * results are then restricted to each caller's part. This is exact because an NSG's verdict for one source address
 * does not depend on the other addresses evaluated with it, and each result equals the one {@link #analyze} gives for
 * that caller alone ({@link #analyze} is the batch of one).
 *
 * <p>Thread-safe: an analyzer holds no per-question state; share one per {@link AnalysisContext}.
 */
public final class FlowAnalyzer {
    /** The client ports assumed on the source side: 1024-65535. */
    public static final PortSet EPHEMERAL_PORTS = PortSet.of(List.of(new PortRange(1024, 65535)));

    private final AnalysisContext context;
    private final Topology topology;
    private final PortSet sourcePorts;

    public FlowAnalyzer(AnalysisContext context) {
        this(context, EPHEMERAL_PORTS);
    }

    /** @param sourcePorts the client source ports to evaluate TCP and UDP flows over */
    public FlowAnalyzer(AnalysisContext context, PortSet sourcePorts) {
        this.context = Objects.requireNonNull(context, "context");
        this.topology = context.topology();
        this.sourcePorts = Objects.requireNonNull(sourcePorts, "sourcePorts");
        if (sourcePorts.isEmpty()) {
            throw new IllegalArgumentException("the source ports must not be empty");
        }
    }

    public AnalysisContext context() {
        return context;
    }

    /**
     * The flow from {@code from} to {@code to} with references as the API takes them (resource id, address, host
     * name, unique name).
     *
     * @throws AnalysisException UNKNOWN_REFERENCE, AMBIGUOUS_REFERENCE, or INVALID_ARGUMENT (a port outside 0-65535,
     *                           a caller that cannot make calls, a destination that is not one)
     */
    public FlowResult analyze(String from, String to, int port, Protocol protocol) {
        ReferenceResolver resolver = context.resolver();
        return analyze(resolver.resolveCaller(from), resolver.resolveDestination(to), port, protocol);
    }

    /** The flow between resolved references. */
    public FlowResult analyze(Reference from, Reference to, int port, Protocol protocol) {
        return analyzeMany(List.of(from), to, port, protocol).get(0);
    }

    /**
     * The flow from each of {@code callers} to {@code to}, in the order given, computed as one batch (see the class
     * comment); each result equals what {@link #analyze} gives for that caller alone.
     */
    public List<FlowResult> analyzeMany(List<Reference> callers, Reference to, int port, Protocol protocol) {
        Objects.requireNonNull(to, "to");
        Query query = query(port, protocol);
        callers.forEach(ReferenceResolver::requireCaller);
        List<Plan> plans = new ArrayList<>(callers.size());
        for (Reference caller : callers) {
            plans.add(plan(caller, to));
        }
        SetRestrictor restrictor = new SetRestrictor();
        evaluateSourceSides(plans, query, restrictor);
        evaluateDestinationSides(plans, query, restrictor);
        List<FlowResult> out = new ArrayList<>(plans.size());
        for (Plan p : plans) {
            out.add(assemble(p, query));
        }
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- the question

    /** The port and protocol dimensions of every flow space of one question. */
    private record Query(PortSet sourcePorts, PortSet destinationPorts, Protocol protocol, Optional<String> note) {
    }

    private Query query(int port, Protocol protocol) {
        Objects.requireNonNull(protocol, "protocol");
        if (port < 0 || port > 65535) {
            throw new InvalidArgumentException("port " + port + " is not a port (0-65535)");
        }
        return switch (protocol) {
            case ICMP, ESP, AH -> new Query(PortSet.ALL, PortSet.ALL, protocol, Optional.of(protocol.name()
                    + " has no ports: it is evaluated over every port, so a port-restricted rule decides only part of it"));
            default -> new Query(sourcePorts, PortSet.single(port), protocol, Optional.empty());
        };
    }

    // ---------------------------------------------------------------- one caller's plan

    /** One caller: its walk, the NSGs on each side, and (filled in by the batch) what each side decided. */
    private static final class Plan {
        final CallSource source;
        final List<String> notes = new ArrayList<>(1);
        Subnet sourceSubnet;
        List<Attached> outbound = List.of();
        boolean outboundEvaluable;
        Optional<Subnet> destinationSubnet = Optional.empty();
        Optional<NetworkInterface> destinationNic = Optional.empty();
        List<Attached> inbound = List.of();
        AddressSet translatedDestination = AddressSet.EMPTY;
        Optional<String> destinationNote = Optional.empty();
        boolean identity;
        Side out = Side.NONE;
        AddressSet passedOut = AddressSet.EMPTY;
        AddressSet inboundSources = AddressSet.EMPTY;
        Side in = Side.NONE;

        Plan(CallSource source) {
            this.source = source;
        }

        boolean delivers() {
            return source.kind() != SourceKind.UNREACHABLE && source.kind() != SourceKind.UNDETERMINED;
        }
    }

    private Plan plan(Reference from, Reference to) {
        CallSource source = context.walker().walk(from, to);
        Plan p = new Plan(source);
        if (source.kind() == SourceKind.UNREACHABLE) {
            return p;
        }
        p.sourceSubnet = source.sourceSubnet().flatMap(topology::subnet).orElseThrow(
                () -> new IllegalStateException("the walk from " + from.describe() + " names no subnet"));
        Optional<NetworkInterface> callerNic = from.kind() == ReferenceKind.NETWORK_INTERFACE
                ? from.resource().map(NetworkInterface.class::cast) : Optional.empty();
        p.outbound = order(Direction.OUTBOUND, context.subnetNsg(p.sourceSubnet), callerNic.flatMap(context::nicNsg));
        p.outboundEvaluable = !source.destination().isEmpty() && !source.privateSources().isEmpty();
        if (!p.delivers()) {
            return p;
        }
        p.identity = source.kind() == SourceKind.SUBNET_RANGE || source.kind() == SourceKind.PRIVATE_ADDRESS;
        p.destinationSubnet = source.destinationSubnet().flatMap(topology::subnet);
        p.destinationNic = source.destinationNic().flatMap(topology::nic);
        p.translatedDestination = source.destination();
        if (p.destinationSubnet.isPresent()) {
            Optional<AppServiceEnvironment> ase = targetAse(to);
            if (ase.isPresent() && ase.get().subnetId().equals(p.destinationSubnet.get().id())) {
                Subnet s = p.destinationSubnet.get();
                p.translatedDestination = s.prefix().toSet();
                p.destinationNote = Optional.of(ase.get().name() + " hands the call to its workers in " + s.name() + " ("
                        + s.prefix() + "), which its inbound NSGs see as the destination.");
            }
        } else {
            Optional<NetworkInterface> behindPublicIp = nicBehindPublicIp(to, source);
            if (behindPublicIp.isPresent()) {
                NetworkInterface nic = behindPublicIp.get();
                p.destinationNic = behindPublicIp;
                p.destinationSubnet = topology.subnet(nic.subnetId());
                p.translatedDestination = AddressSet.host(nic.privateIp());
                p.destinationNote = Optional.of("Its public IP translates the destination to " + nic.name()
                        + "'s private address " + Ipv4.format(nic.privateIp()) + ".");
            } else if (to.kind() == ReferenceKind.PUBLIC_IP_ADDRESS) {
                p.notes.add("Public IP " + to.resource().map(r -> r.name()).orElse(to.text()) + " is not attached to a "
                        + "modelled network interface (a load balancer or gateway is not modelled), so no NSG behind it "
                        + "is evaluated.");
            }
        }
        if (p.destinationSubnet.isPresent()) {
            p.inbound = order(Direction.INBOUND, context.subnetNsg(p.destinationSubnet.get()),
                    p.destinationNic.flatMap(context::nicNsg));
        }
        return p;
    }

    private static List<Attached> order(Direction direction, Optional<Attached> subnet, Optional<Attached> nic) {
        List<Attached> out = new ArrayList<>(2);
        if (direction == Direction.INBOUND) {
            subnet.ifPresent(out::add);
            nic.ifPresent(out::add);
        } else {
            nic.ifPresent(out::add);
            subnet.ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private Optional<AppServiceEnvironment> targetAse(Reference to) {
        Optional<?> resource = to.resource();
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        Object r = resource.get();
        if (r instanceof AppServiceEnvironment ase) {
            return Optional.of(ase);
        }
        if (r instanceof App app) {
            return topology.environment(app.aseId());
        }
        return Optional.empty();
    }

    /** The NIC behind a public IP the call is sent to over the Internet, when a modelled NIC holds it. */
    private Optional<NetworkInterface> nicBehindPublicIp(Reference to, CallSource source) {
        if (source.kind() != SourceKind.PUBLIC_VIP && source.kind() != SourceKind.NAT_GATEWAY) {
            return Optional.empty();
        }
        if (to.kind() == ReferenceKind.PUBLIC_IP_ADDRESS) {
            return to.resource().map(r -> ((PublicIpAddress) r).id()).flatMap(context::nicWithPublicIp);
        }
        if (to.kind() == ReferenceKind.ADDRESS && to.resource().isEmpty()) {
            return to.address().flatMap(context::nicWithPublicAddress);
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- NSG chains, shared across callers

    /** What one side of one caller's flow is evaluated over: its NSGs in order, their context, the space. */
    private record SideInput(List<Attached> chain, Subnet contextSubnet, AddressSet sources, AddressSet destination) {
    }

    /** One caller's side as it is being evaluated, NSG after NSG. */
    private static final class SideState {
        final SideInput input;
        final List<NsgDecisionResult> decisions = new ArrayList<>(2);
        final Set<String> causes = new LinkedHashSet<>();
        final Set<String> warnings = new LinkedHashSet<>();
        AddressSet passing;
        AddressSet denied = AddressSet.EMPTY;
        AddressSet undetermined = AddressSet.EMPTY;

        SideState(SideInput input) {
            this.input = input;
            this.passing = input.sources();
        }

        Side result() {
            return new Side(decisions, passing, denied, undetermined, List.copyOf(causes), List.copyOf(warnings));
        }
    }

    /** The callers whose NSG at one chain position is the same NSG in the same context, toward the same destination. */
    private record BucketKey(String nsg, String context, AddressSet destination) {
    }

    private static final class Bucket {
        final Attached attached;
        final Subnet contextSubnet;
        final List<SideState> states = new ArrayList<>();
        final List<Cidr> blocks = new ArrayList<>();

        Bucket(Attached attached, Subnet contextSubnet) {
            this.attached = attached;
            this.contextSubnet = contextSubnet;
        }
    }

    /**
     * Evaluates one side for many callers as Azure's chain does for each (each NSG sees only what the earlier ones
     * allowed, a deny is final, the chain stops when nothing is left), sharing the work: at each chain position, every
     * distinct NSG (in one evaluation context, toward one destination) is evaluated once over the union of the sources
     * that reach it, and its result is restricted to each caller's part. Exact, since an NSG's verdict for one source
     * address does not depend on the other addresses evaluated with it.
     */
    private List<Side> evaluateSide(List<SideInput> inputs, Query q, Direction direction, SetRestrictor restrictor) {
        List<SideState> states = inputs.stream().map(SideState::new).toList();
        int longest = inputs.stream().mapToInt(i -> i.chain().size()).max().orElse(0);
        for (int position = 0; position < longest; position++) {
            Map<BucketKey, Bucket> buckets = new LinkedHashMap<>();
            for (SideState st : states) {
                List<Attached> chain = st.input.chain();
                if (position >= chain.size() || st.passing.isEmpty()) {
                    continue;
                }
                Attached applied = chain.get(position);
                if (applied.nsg().isEmpty()) {
                    missing(st, applied, direction);
                    continue;
                }
                BucketKey key = new BucketKey(applied.nsgId().key(), context.contextKey(st.input.contextSubnet()),
                        st.input.destination());
                Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(applied, st.input.contextSubnet()));
                b.states.add(st);
                b.blocks.addAll(st.passing.toCidrs());
            }
            for (Bucket b : buckets.values()) {
                AddressSet union = AddressSet.of(b.blocks);
                SideInput first = b.states.get(0).input;
                NsgEvaluation e = context.evaluator(b.contextSubnet).evaluate(b.attached.nsg().get(), direction,
                        new FlowSpace(union, first.destination(), q.sourcePorts(), q.destinationPorts(), q.protocol()));
                for (SideState st : b.states) {
                    step(st, st.input.chain().get(position), e, union, direction, restrictor);
                }
            }
        }
        return states.stream().map(SideState::result).toList();
    }

    /** An NSG attached but not in the snapshot: whatever reaches it is undetermined, naming it. */
    private static void missing(SideState st, Attached applied, Direction direction) {
        String cause = "NSG " + applied.nsgId().name() + " (" + applied.nsgId().value() + ") is attached to "
                + applied.appliedTo().name() + " but is not in the snapshot, so what it decides is not known";
        st.decisions.add(new NsgDecisionResult(applied.nsgId(), applied.appliedTo(), applied.level(), direction,
                Verdict.UNDETERMINED, List.of(), st.passing, AddressSet.EMPTY, AddressSet.EMPTY, st.passing, List.of(cause),
                List.of()));
        st.causes.add(cause);
        st.undetermined = st.undetermined.union(st.passing);
        st.passing = AddressSet.EMPTY;
    }

    /**
     * One NSG's evaluation over a union of sources, restricted to what reached it from this caller: every set
     * restricted, rules that decided none of it dropped; then the caller's chain moves on with what it allowed.
     */
    private void step(SideState st, Attached applied, NsgEvaluation e, AddressSet union, Direction direction,
            SetRestrictor restrictor) {
        AddressSet mine = st.passing;
        boolean whole = mine.equals(union);
        List<RuleDecision> matches = new ArrayList<>();
        for (RuleDecision d : e.decisions()) {
            AddressSet s = whole ? d.sources() : restrictor.restrict(d.sources(), mine);
            AddressSet u = whole ? d.undeterminedSources() : restrictor.restrict(d.undeterminedSources(), mine);
            if (s.isEmpty() && u.isEmpty()) {
                continue;
            }
            matches.add(whole ? d : new RuleDecision(d.rule(), d.access(), s, u,
                    u.isEmpty() ? Optional.empty() : d.undeterminedCause()));
        }
        AddressSet allowed = whole ? e.allowedSources() : restrictor.restrict(e.allowedSources(), mine);
        AddressSet denied = whole ? e.deniedSources() : restrictor.restrict(e.deniedSources(), mine);
        AddressSet undetermined = whole ? e.undeterminedSources() : restrictor.restrict(e.undeterminedSources(), mine);
        List<String> causes = new ArrayList<>();
        boolean virtualNetwork = false;
        for (RuleDecision m : matches) {
            m.undeterminedCause().filter(c -> !causes.contains(c)).ifPresent(causes::add);
            virtualNetwork |= namesVirtualNetwork(m.rule());
        }
        Subnet contextSubnet = st.input.contextSubnet();
        if (context.evaluationContext(contextSubnet).virtualNetwork().isEmpty() && matches.stream()
                .anyMatch(m -> !m.undeterminedSources().isEmpty() && namesVirtualNetwork(m.rule()))) {
            context.virtualNetworkProblem(contextSubnet).filter(c -> !causes.contains(c)).ifPresent(causes::add);
        }
        List<String> warnings = virtualNetwork ? e.warnings() : List.of();
        st.decisions.add(new NsgDecisionResult(applied.nsgId(), applied.appliedTo(), applied.level(), direction,
                verdictOf(allowed, denied, undetermined), matches, mine, allowed, denied, undetermined, causes, warnings));
        st.causes.addAll(causes);
        st.warnings.addAll(warnings);
        st.denied = st.denied.union(denied);
        st.undetermined = st.undetermined.union(undetermined);
        st.passing = allowed;
    }

    /** What one side's NSGs decided for one caller. */
    private record Side(List<NsgDecisionResult> decisions, AddressSet allowed, AddressSet denied, AddressSet undetermined,
            List<String> causes, List<String> warnings) {
        static final Side NONE = new Side(List.of(), AddressSet.EMPTY, AddressSet.EMPTY, AddressSet.EMPTY, List.of(), List.of());
    }

    private void evaluateSourceSides(List<Plan> plans, Query q, SetRestrictor restrictor) {
        List<Plan> evaluated = new ArrayList<>();
        List<SideInput> inputs = new ArrayList<>();
        for (Plan p : plans) {
            if (p.source.kind() != SourceKind.UNREACHABLE && p.outboundEvaluable) {
                evaluated.add(p);
                inputs.add(new SideInput(p.outbound, p.sourceSubnet, p.source.privateSources(), p.source.destination()));
            }
        }
        List<Side> sides = evaluateSide(inputs, q, Direction.OUTBOUND, restrictor);
        for (int i = 0; i < evaluated.size(); i++) {
            evaluated.get(i).out = sides.get(i);
            evaluated.get(i).passedOut = sides.get(i).allowed();
        }
    }

    private void evaluateDestinationSides(List<Plan> plans, Query q, SetRestrictor restrictor) {
        List<Plan> evaluated = new ArrayList<>();
        List<SideInput> inputs = new ArrayList<>();
        for (Plan p : plans) {
            if (!p.delivers() || p.destinationSubnet.isEmpty()) {
                continue;
            }
            AddressSet passed = p.outboundEvaluable ? p.passedOut : p.source.privateSources();
            p.passedOut = passed;
            if (passed.isEmpty() || p.source.sources().isEmpty()) {
                continue;
            }
            p.inboundSources = p.identity ? passed : p.source.sources();
            evaluated.add(p);
            inputs.add(new SideInput(p.inbound, p.destinationSubnet.get(), p.inboundSources, p.translatedDestination));
        }
        List<Side> sides = evaluateSide(inputs, q, Direction.INBOUND, restrictor);
        for (int i = 0; i < evaluated.size(); i++) {
            evaluated.get(i).in = sides.get(i);
        }
    }

    private static boolean namesVirtualNetwork(SecurityRule rule) {
        return rule.sourcePrefixes().stream().anyMatch(PrefixResolver::isVirtualNetworkTag)
                || rule.destinationPrefixes().stream().anyMatch(PrefixResolver::isVirtualNetworkTag);
    }

    /** The policy engine's rule: anything undetermined → UNDETERMINED; else by what is denied and allowed. */
    static Verdict verdictOf(AddressSet allowed, AddressSet denied, AddressSet undetermined) {
        if (!undetermined.isEmpty()) {
            return Verdict.UNDETERMINED;
        }
        if (denied.isEmpty()) {
            return Verdict.ALLOWED;
        }
        return allowed.isEmpty() ? Verdict.DENIED : Verdict.PARTIAL;
    }

    // ---------------------------------------------------------------- one caller's result

    private FlowResult assemble(Plan p, Query q) {
        CallSource cs = p.source;
        AddressSet all = cs.privateSources();
        if (cs.kind() == SourceKind.UNREACHABLE) {
            return new FlowResult(Verdict.UNREACHABLE, cs.reason(), cs, Optional.empty(), List.of(), List.of(), cs.trace(),
                    AddressSet.EMPTY, AddressSet.EMPTY, AddressSet.EMPTY, all,
                    List.of(new SourceOutcome(all, Verdict.UNREACHABLE, List.of(), List.of(cs.reason()))), List.of(),
                    q.note().map(List::of).orElse(List.of()));
        }
        Side out = p.out;
        AddressSet passedOut = p.outboundEvaluable ? out.allowed() : all;
        AddressSet allowed = AddressSet.EMPTY;
        AddressSet denied = out.denied();
        AddressSet undetermined = out.undetermined();
        Set<String> causes = new LinkedHashSet<>(out.causes());
        Set<String> warnings = new LinkedHashSet<>(out.warnings());
        Side in = p.in;
        AddressSet natDenied = AddressSet.EMPTY;
        AddressSet natUndetermined = AddressSet.EMPTY;
        if (!p.delivers()) {
            if (!passedOut.isEmpty()) {
                undetermined = undetermined.union(passedOut);
                causes.add(cs.reason());
            }
        } else if (p.inboundSources.isEmpty()) {
            allowed = passedOut;
        } else if (p.identity) {
            allowed = in.allowed();
            denied = denied.union(in.denied());
            undetermined = undetermined.union(in.undetermined());
        } else if (!in.undetermined().isEmpty()) {
            undetermined = undetermined.union(passedOut);
            natUndetermined = passedOut;
        } else if (!in.denied().isEmpty()) {
            denied = denied.union(passedOut);
            natDenied = passedOut;
        } else {
            allowed = passedOut;
        }
        causes.addAll(in.causes());
        warnings.addAll(in.warnings());
        warnings.addAll(p.notes);
        q.note().ifPresent(warnings::add);
        List<NsgDecisionResult> decisions = new ArrayList<>(out.decisions());
        decisions.addAll(in.decisions());
        List<NsgDecisionResult> blockers = decisions.stream().filter(NsgDecisionResult::blocks).toList();
        Verdict verdict = verdictOf(allowed, denied, undetermined);
        List<SourceOutcome> outcomes = outcomes(p, allowed, denied, undetermined, natDenied, natUndetermined);
        Optional<String> destination = destinationText(p);
        String reason = reason(p, verdict, allowed, denied, undetermined, blockers, List.copyOf(causes));
        List<Hop> trace = trace(p, allowed, denied, undetermined);
        return new FlowResult(verdict, reason, cs, destination, decisions, blockers, trace, allowed, denied, undetermined,
                AddressSet.EMPTY, outcomes, List.copyOf(causes), List.copyOf(warnings));
    }

    private static Optional<String> destinationText(Plan p) {
        AddressSet d = p.delivers() ? p.translatedDestination : p.source.destination();
        return d.isEmpty() ? Optional.empty() : Optional.of(display(d));
    }

    static String display(AddressSet set) {
        return set.size() == 1 ? Ipv4.format(set.first()) : set.toString();
    }

    /** A rule as named in outcomes: {@code db-nsg securityRules/allow-sql-from-ase-one}. */
    private static String ruleRef(NsgDecisionResult d, RuleDecision m) {
        return d.nsg().name() + " " + m.ruleName();
    }

    /**
     * The caller's private source range split into disjoint parts by outcome and deciding rules: a denied part names
     * the rule that denied it, an allowed part every allowing rule on the way (in evaluation order), an undetermined
     * part its causes.
     */
    private List<SourceOutcome> outcomes(Plan p, AddressSet allowed, AddressSet denied, AddressSet undetermined,
            AddressSet natDenied, AddressSet natUndetermined) {
        List<SourceOutcome> out = new ArrayList<>();
        AddressSet assigned = AddressSet.EMPTY;
        List<NsgDecisionResult> outbound = p.out.decisions();
        List<NsgDecisionResult> inbound = p.in.decisions();
        // Denied parts, by the rule that denied them.
        for (int side = 0; side < 2; side++) {
            for (NsgDecisionResult d : side == 0 ? outbound : inbound) {
                boolean mapped = side == 1 && !p.identity;
                for (RuleDecision m : d.denyingMatches()) {
                    AddressSet part = (mapped ? (d.deniedSources().isEmpty() ? AddressSet.EMPTY : natDenied)
                            : m.sources().intersect(denied)).minus(assigned);
                    if (!part.isEmpty()) {
                        out.add(new SourceOutcome(part, Verdict.DENIED, List.of(ruleRef(d, m)), List.of()));
                        assigned = assigned.union(part);
                    }
                }
            }
        }
        // Undetermined parts, by their causes.
        for (int side = 0; side < 2; side++) {
            for (NsgDecisionResult d : side == 0 ? outbound : inbound) {
                boolean mapped = side == 1 && !p.identity;
                AddressSet part = (mapped ? (d.undeterminedSources().isEmpty() ? AddressSet.EMPTY : natUndetermined)
                        : d.undeterminedSources().intersect(undetermined)).minus(assigned);
                if (!part.isEmpty()) {
                    out.add(new SourceOutcome(part, Verdict.UNDETERMINED, List.of(), d.causes()));
                    assigned = assigned.union(part);
                }
            }
        }
        AddressSet rest = undetermined.minus(assigned);
        if (!rest.isEmpty()) {
            out.add(new SourceOutcome(rest, Verdict.UNDETERMINED, List.of(), List.of(p.source.reason())));
            assigned = assigned.union(rest);
        }
        // Allowed parts, split by the allowing rules of every NSG on the way.
        Map<AddressSet, List<String>> pieces = new LinkedHashMap<>();
        if (!allowed.isEmpty()) {
            pieces.put(allowed, List.of());
        }
        for (int side = 0; side < 2; side++) {
            for (NsgDecisionResult d : side == 0 ? outbound : inbound) {
                boolean mapped = side == 1 && !p.identity;
                for (RuleDecision m : d.matches()) {
                    if (m.access() != Access.ALLOW || m.sources().isEmpty()) {
                        continue;
                    }
                    AddressSet by = mapped ? allowed : m.sources().intersect(allowed);
                    if (by.isEmpty()) {
                        continue;
                    }
                    Map<AddressSet, List<String>> next = new LinkedHashMap<>();
                    for (Map.Entry<AddressSet, List<String>> e : pieces.entrySet()) {
                        AddressSet inside = e.getKey().intersect(by);
                        AddressSet outside = e.getKey().minus(by);
                        if (!inside.isEmpty()) {
                            List<String> rules = new ArrayList<>(e.getValue());
                            rules.add(ruleRef(d, m));
                            next.merge(inside, rules, (x, y) -> x);
                        }
                        if (!outside.isEmpty()) {
                            next.merge(outside, e.getValue(), (x, y) -> x);
                        }
                    }
                    pieces = next;
                }
            }
        }
        pieces.forEach((set, rules) -> out.add(new SourceOutcome(set, Verdict.ALLOWED, rules, List.of())));
        assigned = assigned.union(allowed);
        AddressSet leftover = denied.minus(assigned);
        if (!leftover.isEmpty()) {
            List<String> rules = new ArrayList<>();
            for (NsgDecisionResult d : p.out.decisions()) {
                d.denyingMatches().forEach(m -> rules.add(ruleRef(d, m)));
            }
            out.add(new SourceOutcome(leftover, Verdict.DENIED, rules, List.of()));
        }
        out.sort(Comparator.comparingLong(o -> o.sources().first()));
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- explanation

    private String reason(Plan p, Verdict verdict, AddressSet allowed, AddressSet denied, AddressSet undetermined,
            List<NsgDecisionResult> blockers, List<String> causes) {
        CallSource cs = p.source;
        String range = display(cs.privateSources());
        String seen = cs.sources().isEmpty() || p.identity ? "" : ", seen as " + display(cs.sources());
        List<NsgDecisionResult> evaluated = new ArrayList<>(p.out.decisions());
        evaluated.addAll(p.in.decisions());
        String where = p.delivers() && p.destinationSubnet.isEmpty()
                ? " (the destination is outside the modelled subnets, so no inbound NSG applies)" : "";
        return switch (verdict) {
            case ALLOWED -> evaluated.isEmpty()
                    ? "Allowed from every source address (" + range + seen + "): no NSG applies on the way" + where + "."
                    : "Allowed from every source address (" + range + seen + ") by every NSG on the way: "
                            + evaluated.stream().map(d -> d.nsg().name() + " " + allowingRules(d)).collect(Collectors.joining("; "))
                            + where + ".";
            case DENIED -> "Denied for every source address (" + range + seen + "): " + denials(blockers) + ".";
            case PARTIAL -> "Allowed only from " + allowed + " of " + range + seen + "; " + denied + " denied: "
                    + denials(blockers) + ".";
            case UNDETERMINED -> "Undetermined for " + undetermined + " of " + range + ": " + String.join("; ", causes)
                    + (allowed.isEmpty() ? "" : " (" + allowed + " allowed)")
                    + (denied.isEmpty() ? "" : " (" + denied + " denied: " + denials(blockers) + ")");
            case UNREACHABLE -> cs.reason();
        };
    }

    private static String allowingRules(NsgDecisionResult d) {
        return d.matches().stream().filter(m -> m.access() == Access.ALLOW && !m.sources().isEmpty())
                .map(RuleDecision::ruleName).collect(Collectors.joining(", "));
    }

    private static String denials(List<NsgDecisionResult> blockers) {
        return blockers.stream().flatMap(d -> d.denyingMatches().stream()
                .map(m -> m.ruleName() + " of " + d.describe() + " denies " + m.sources()))
                .collect(Collectors.joining("; "));
    }

    /** One FILTER step per NSG: its verdict and what each deciding rule decided. */
    private static Step filterStep(NsgDecisionResult d) {
        StringBuilder b = new StringBuilder();
        b.append(d.direction().azureName()).append(" NSG ").append(d.nsg().name()).append(" on ")
                .append(d.level() == NsgLevel.SUBNET ? "subnet " : "network interface ")
                .append(d.appliedTo().name()).append(": ").append(d.verdict());
        if (d.matches().isEmpty()) {
            b.append(" — ").append(String.join("; ", d.causes()));
        } else {
            b.append(" — ").append(d.matches().stream().map(FlowAnalyzer::describeMatch).collect(Collectors.joining("; ")));
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

    /**
     * The walk's hops with the NSGs put on them: the outbound FILTER steps in the caller's hop after its route
     * lookup (before the source translation, which they precede in Azure), the inbound FILTER steps in the
     * destination's hop before delivery; DELIVER when some source gets through, DROP when none does.
     */
    private List<Hop> trace(Plan p, AddressSet allowed, AddressSet denied, AddressSet undetermined) {
        List<Hop> hops = new ArrayList<>(p.source.trace());
        Hop origin = hops.get(0);
        List<Step> originSteps = new ArrayList<>(origin.steps());
        int at = 0;
        for (int i = 0; i < originSteps.size(); i++) {
            if (originSteps.get(i).type() == StepType.ROUTE) {
                at = i + 1;
            }
        }
        List<Step> filters = p.out.decisions().stream().map(FlowAnalyzer::filterStep).toList();
        originSteps.addAll(at, filters);
        boolean stoppedAtSource = p.outboundEvaluable && p.out.allowed().isEmpty();
        if (stoppedAtSource) {
            List<Step> kept = new ArrayList<>(originSteps.subList(0, at + filters.size()));
            if (undetermined.isEmpty()) {
                kept.add(new Step(StepType.DROP, "Dropped on the way out: every source address is denied by "
                        + blockerNames(p.out.decisions()) + "."));
            }
            return List.of(new Hop(origin.node(), origin.kind(), kept));
        }
        hops.set(0, new Hop(origin.node(), origin.kind(), originSteps));
        if (!p.delivers() || hops.size() < 2) {
            return List.copyOf(hops);
        }
        int last = hops.size() - 1;
        Hop destination = hops.get(last);
        List<Step> steps = new ArrayList<>();
        for (Step s : destination.steps()) {
            if (s.type() != StepType.DELIVER) {
                steps.add(s);
            }
        }
        String arrives = destination.steps().stream().filter(s -> s.type() == StepType.DELIVER).map(Step::detail)
                .findFirst().orElse("Arrives.");
        p.in.decisions().stream().map(FlowAnalyzer::filterStep).forEach(steps::add);
        String note = p.destinationNote.map(n -> " " + n).orElse("");
        if (p.destinationSubnet.isPresent() && p.inbound.isEmpty()) {
            note += " No NSG is attached to " + p.destinationSubnet.get().name()
                    + p.destinationNic.map(n -> " or to " + n.name()).orElse("") + ".";
        }
        if (allowed.isEmpty() && undetermined.isEmpty()) {
            steps.add(new Step(StepType.DROP, (note.isEmpty() ? "" : note.trim() + " ")
                    + "Dropped: every source address that got this far is denied by " + blockerNames(p.in.decisions()) + "."));
        } else if (denied.isEmpty() && undetermined.isEmpty()) {
            steps.add(new Step(StepType.DELIVER, arrives + note));
        } else {
            String partly = (allowed.isEmpty() ? " Nothing is certainly delivered" : " Delivered only from " + allowed)
                    + (denied.isEmpty() ? "" : "; " + denied + " denied") + (undetermined.isEmpty() ? ""
                            : "; " + undetermined + " undetermined") + ".";
            steps.add(new Step(StepType.DELIVER, arrives + note + partly));
        }
        hops.set(last, new Hop(destination.node(), destination.kind(), steps));
        return List.copyOf(hops);
    }

    private static String blockerNames(List<NsgDecisionResult> decisions) {
        return decisions.stream().filter(NsgDecisionResult::blocks)
                .map(d -> d.denyingMatches().stream().map(RuleDecision::ruleName).collect(Collectors.joining(", "))
                        + " of " + d.describe())
                .collect(Collectors.joining("; "));
    }

    /** Resolves caller strings for {@link #analyzeMany} (each must be able to make calls). */
    public List<Reference> callers(List<String> from) {
        return from.stream().map(context.resolver()::resolveCaller).toList();
    }
}
