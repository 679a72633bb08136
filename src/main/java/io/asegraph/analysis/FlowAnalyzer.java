package io.asegraph.analysis;

import io.asegraph.analysis.PathEngine.Path;
import io.asegraph.analysis.PathEngine.Question;
import io.asegraph.net.Port;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
    private final PathEngine engine;

    public FlowAnalyzer(AnalysisContext context) {
        this(context, EPHEMERAL_PORTS);
    }

    /** @param sourcePorts the client source ports to evaluate TCP and UDP flows over */
    public FlowAnalyzer(AnalysisContext context, PortSet sourcePorts) {
        this.context = Objects.requireNonNull(context, "context");
        this.topology = context.topology();
        this.sourcePorts = Objects.requireNonNull(sourcePorts, "sourcePorts");
        this.engine = new PathEngine(context);
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
        List<Walk> walks = new ArrayList<>(callers.size());
        List<Path> paths = new ArrayList<>(callers.size());
        for (Reference caller : callers) {
            Walk walk = context.walker().walk(caller, to);
            walks.add(walk);
            paths.add(path(caller, walk));
        }
        engine.run(paths, to, query.question(), PathEngine.Explain.DECISIONS);
        List<FlowResult> out = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            out.add(FlowExplainer.explain(walks.get(i).callSource(), paths.get(i), query.note()));
        }
        return List.copyOf(out);
    }

    /** The question's ports and protocol, and a note when the protocol has no ports. */
    private record Query(Question question, Optional<String> note) {}

    private Query query(int port, Protocol protocol) {
        Objects.requireNonNull(protocol, "protocol");
        if (!Port.isPort(port)) {
            throw new InvalidArgumentException(Port.problem("port", port));
        }
        Optional<String> note = protocol.hasPorts()
                ? Optional.empty()
                : Optional.of(
                        protocol.name()
                                + " has no ports: it is evaluated over every port, so a port-restricted rule decides only part of it");
        return new Query(Question.of(port, protocol, sourcePorts), note);
    }

    /** A caller's walk as the path engine takes it: with the subnet it leaves from and its own network interface. */
    private Path path(Reference from, Walk walk) {
        if (walk.kind() == SourceKind.UNREACHABLE) {
            return Path.of(walk, null, Optional.empty(), topology);
        }
        Subnet subnet = walk.sourceSubnet()
                .flatMap(topology::subnet)
                .orElseThrow(() -> new IllegalStateException("the walk from " + from.describe() + " names no subnet"));
        Optional<NetworkInterface> callerNic = from.kind() == ReferenceKind.NETWORK_INTERFACE
                ? from.resource().map(NetworkInterface.class::cast)
                : Optional.empty();
        return Path.of(walk, subnet, callerNic, topology);
    }

    /** Resolves caller strings for {@link #analyzeMany} (each must be able to make calls). */
    public List<Reference> callers(List<String> from) {
        return from.stream().map(context.resolver()::resolveCaller).toList();
    }
}
