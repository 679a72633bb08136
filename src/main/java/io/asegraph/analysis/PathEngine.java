package io.asegraph.analysis;

import io.asegraph.analysis.AnalysisContext.Attached;
import io.asegraph.net.AddressSet;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NsgChain;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.App;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one path engine. A call is a sequence of steps, each decided once, here, for every question that follows a
 * call ({@code flow}, {@code whoCanReach}, {@code reachabilityMatrix}, {@code requiredAccess}):
 * <ol>
 * <li><b>route</b> and <b>source translation</b> — the {@link CallSourceWalker call-source walk} (its result, a
 * {@link Walk}, is the {@link Path}'s input: where the call leaves from, as which addresses, and where it ends);</li>
 * <li><b>filters on the source side</b> — the caller's NIC NSG then its subnet NSG, outbound, over the private
 * sources and the pre-NAT destination ({@link ChainEvaluator});</li>
 * <li><b>appliances</b> — an Azure Firewall the route sends the call to applies its rules over the private sources
 * that got out ({@link FirewallEvaluator}); its SNAT is decided by the walk ({@link FirewallHop});</li>
 * <li><b>destination translation</b> — a step of the walk, taken once ({@link DestinationTranslation}): an ASE reached
 * at its VIP or ILB address hands the call to its workers' subnet; a VM reached at its NIC's public IP is reached at
 * the NIC's private address; the path takes the walk's {@link Destination};</li>
 * <li><b>filters on the destination side</b> — the destination's subnet NSG then its NIC NSG, inbound, over the
 * translated sources and destination;</li>
 * <li><b>delivery</b> — the two sides composed into one verdict over the caller's private range ({@link Composition}).</li>
 * </ol>
 * Many callers toward one destination are one run: each side is evaluated for all of them together, every distinct
 * NSG once per chain position (see {@link ChainEvaluator}). The {@link Explain explain level} decides whether rule
 * decisions are kept for the sentences ({@link FlowExplainer}) and each step writes its part of the trace as it
 * decides ({@link PathTrace}); the verdicts are the same either way.
 */
public final class PathEngine {
    /** How much a run keeps for explaining. */
    public enum Explain {
        /** Verdicts and source sets only (an estate-wide {@code whoCanReach}). */
        VERDICTS,
        /** Every NSG decision with its rules, causes and warnings ({@code flow}). */
        DECISIONS
    }

    /** The port and protocol dimensions of every flow space of one question. */
    public record Question(PortSet sourcePorts, PortSet destinationPorts, Protocol protocol) {
        public Question {
            Objects.requireNonNull(sourcePorts, "sourcePorts");
            Objects.requireNonNull(destinationPorts, "destinationPorts");
            Objects.requireNonNull(protocol, "protocol");
        }

        /**
         * A call on {@code port}: TCP and UDP from any of {@code clientPorts}; ICMP, ESP and AH have no ports and are
         * evaluated over every source and destination port (the port is then ignored).
         */
        public static Question of(int port, Protocol protocol, PortSet clientPorts) {
            return protocol.hasPorts()
                    ? new Question(clientPorts, PortSet.single(port), protocol)
                    : new Question(PortSet.ALL, PortSet.ALL, protocol);
        }
    }

    /**
     * One caller's call: what its walk decided (in), then what every later step decided (filled in by
     * {@link #run}), and with {@link Explain#DECISIONS} its trace as the steps write it. {@code sourceSubnet} is null
     * only for an UNREACHABLE walk.
     */
    public static final class Path {
        final SourceKind kind;
        final AddressSet sources;
        final AddressSet privateSources;
        final AddressSet walkDestination;
        final Subnet sourceSubnet;
        final Optional<NetworkInterface> callerNic;
        final Optional<AzureFirewall> firewall;
        /** The walk's hops (none for a walk taken over from another caller), and the trace the steps write. */
        final Optional<WalkTrace> walk;

        PathTrace trace;

        List<Attached> outbound = List.of();
        boolean outboundEvaluable;
        /** Where the walk delivers the call, after its destination translation ({@link Destination#NONE} if nowhere). */
        final Destination destination;

        List<Attached> inbound = List.of();
        /** The destination's NSGs that do not apply, and why (a private endpoint whose subnet's policies are off). */
        Optional<String> inboundBypass = Optional.empty();

        ChainEvaluator.Side out = ChainEvaluator.Side.NONE;
        AddressSet passedOut = AddressSet.EMPTY;
        /** What the firewall on the path decided (null when there is none, or nothing got out to it). */
        FirewallEvaluator.Decision firewallDecision;
        /** What gets past the source side and the firewall: {@link #passedOut} when there is no firewall. */
        AddressSet passedMiddle = AddressSet.EMPTY;

        AddressSet inboundSources = AddressSet.EMPTY;
        ChainEvaluator.Side in = ChainEvaluator.Side.NONE;
        Composition result;

        private Path(
                Walk walk,
                AddressSet sources,
                AddressSet privateSources,
                Subnet sourceSubnet,
                Optional<NetworkInterface> callerNic,
                Topology topology,
                Optional<WalkTrace> trace) {
            this.kind = walk.kind();
            this.sources = sources;
            this.privateSources = privateSources;
            this.walkDestination = walk.callSource().destination();
            this.sourceSubnet = sourceSubnet;
            this.callerNic = callerNic;
            this.destination = walk.delivery();
            this.firewall = walk.firewall().flatMap(topology::firewall);
            this.walk = trace;
        }

        /** The walk of a caller as the walker returned it. */
        public static Path of(Walk walk, Subnet sourceSubnet, Optional<NetworkInterface> callerNic, Topology t) {
            CallSource cs = walk.callSource();
            Optional<WalkTrace> trace = Optional.of(walk.trace());
            return new Path(walk, cs.sources(), cs.privateSources(), sourceSubnet, callerNic, t, trace);
        }

        /**
         * Another interface's walk taken over by {@code nic} (in {@code subnet}), whose walk it would be but for its
         * own addresses: its private address, and {@code sources} as the destination sees them. For verdicts only: it
         * has no trace of its own.
         */
        public static Path takenOver(Walk walk, NetworkInterface nic, Subnet subnet, AddressSet sources, Topology t) {
            AddressSet own = AddressSet.host(nic.privateIp());
            return new Path(walk, sources, own, subnet, Optional.of(nic), t, Optional.empty());
        }

        /** The call reaches a place the model covers (not UNREACHABLE, not UNDETERMINED). */
        boolean delivers() {
            return kind != SourceKind.UNREACHABLE && kind != SourceKind.UNDETERMINED;
        }

        /** Nothing translates the source: the destination side sees the private sources themselves. */
        boolean identity() {
            return kind == SourceKind.SUBNET_RANGE || kind == SourceKind.PRIVATE_ADDRESS;
        }

        public SourceKind kind() {
            return kind;
        }

        public AddressSet sources() {
            return sources;
        }

        public AddressSet privateSources() {
            return privateSources;
        }

        /** The firewall's decision, when the path passes one and something got out to it. */
        public Optional<FirewallEvaluator.Decision> firewallDecision() {
            return Optional.ofNullable(firewallDecision);
        }

        /** What the run decided; null before it. */
        public Composition result() {
            return result;
        }
    }

    /**
     * The last step: the two sides composed over the caller's private source range. The source side decides each
     * private source; the destination side decides the translated ones, which map back: with no translation address
     * by address, otherwise all at once (every worker leaves from the same VIP or NAT address, so if the destination
     * side denies or cannot decide it, that holds for every source that got out). A call that leaves the model
     * (UNDETERMINED walk) is undetermined for whatever got out. {@code natDenied} and {@code natUndetermined} are the
     * parts decided that way.
     */
    public record Composition(
            Verdict verdict,
            AddressSet allowed,
            AddressSet denied,
            AddressSet undetermined,
            AddressSet natDenied,
            AddressSet natUndetermined) {
        static final Composition UNREACHABLE = new Composition(
                Verdict.UNREACHABLE,
                AddressSet.EMPTY,
                AddressSet.EMPTY,
                AddressSet.EMPTY,
                AddressSet.EMPTY,
                AddressSet.EMPTY);

        static Composition of(Path p) {
            if (p.kind == SourceKind.UNREACHABLE) {
                return UNREACHABLE;
            }
            AddressSet allowed = AddressSet.EMPTY;
            AddressSet denied = p.out.denied();
            AddressSet undetermined = p.out.undetermined();
            if (p.firewallDecision != null) {
                denied = denied.union(p.firewallDecision.denied());
                undetermined = undetermined.union(p.firewallDecision.undetermined());
            }
            AddressSet natDenied = AddressSet.EMPTY;
            AddressSet natUndetermined = AddressSet.EMPTY;
            if (!p.delivers()) {
                undetermined = undetermined.union(p.passedMiddle);
            } else if (p.inboundSources.isEmpty()) {
                allowed = p.passedMiddle;
            } else if (p.identity()) {
                allowed = p.in.allowed();
                denied = denied.union(p.in.denied());
                undetermined = undetermined.union(p.in.undetermined());
            } else if (!p.in.undetermined().isEmpty()) {
                undetermined = undetermined.union(p.passedMiddle);
                natUndetermined = p.passedMiddle;
            } else if (!p.in.denied().isEmpty()) {
                denied = denied.union(p.passedMiddle);
                natDenied = p.passedMiddle;
            } else {
                allowed = p.passedMiddle;
            }
            return new Composition(
                    Verdict.of(allowed, denied, undetermined),
                    allowed,
                    denied,
                    undetermined,
                    natDenied,
                    natUndetermined);
        }
    }

    private final AnalysisContext context;
    private final Topology topology;
    private final FirewallEvaluator firewallEvaluator;

    public PathEngine(AnalysisContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.topology = context.topology();
        this.firewallEvaluator = new FirewallEvaluator(context.policies(), topology);
    }

    /**
     * Runs every step after the walk for {@code paths} (callers toward {@code to}), as one batch; each path's result
     * is what a run of that path alone gives.
     */
    public List<Path> run(List<Path> paths, Reference to, Question question, Explain explain) {
        for (Path p : paths) {
            if (p.kind == SourceKind.UNREACHABLE) {
                continue;
            }
            p.outbound = NsgChain.order(
                    Direction.OUTBOUND, context.subnetNsg(p.sourceSubnet), p.callerNic.flatMap(context::nicNsg));
            p.outboundEvaluable = !p.walkDestination.isEmpty() && !p.privateSources.isEmpty();
            if (explain == Explain.DECISIONS) {
                p.trace = new PathTrace(p.walk.orElseThrow(() -> new IllegalArgumentException("no walk to explain")));
            }
            if (p.delivers()) {
                p.inbound = p.destination
                        .subnet()
                        .map(s -> NsgChain.order(
                                Direction.INBOUND,
                                context.subnetNsg(s),
                                p.destination.nic().flatMap(context::nicNsg)))
                        .orElse(List.of());
                p.inboundBypass = privateEndpointBypass(p.destination, p.inbound);
                if (p.inboundBypass.isPresent()) {
                    p.inbound = List.of();
                }
            }
        }
        ChainEvaluator chains = new ChainEvaluator(context, question, explain);
        sourceSide(paths, chains);
        firewalls(paths, to, question);
        destinationSide(paths, chains);
        for (Path p : paths) {
            p.result = Composition.of(p);
            if (p.trace != null) {
                p.trace.delivery(p);
            }
        }
        return paths;
    }

    private void sourceSide(List<Path> paths, ChainEvaluator chains) {
        List<Path> evaluated = new ArrayList<>();
        List<ChainEvaluator.Input> inputs = new ArrayList<>();
        for (Path p : paths) {
            if (p.kind == SourceKind.UNREACHABLE) {
                continue;
            }
            if (p.outboundEvaluable) {
                evaluated.add(p);
                inputs.add(new ChainEvaluator.Input(p.outbound, p.sourceSubnet, p.privateSources, p.walkDestination));
            } else {
                p.passedOut = p.privateSources;
            }
        }
        List<ChainEvaluator.Side> sides = chains.evaluate(inputs, Direction.OUTBOUND);
        for (int i = 0; i < evaluated.size(); i++) {
            evaluated.get(i).out = sides.get(i);
            evaluated.get(i).passedOut = sides.get(i).allowed();
        }
        for (Path p : paths) {
            if (p.trace != null) {
                p.trace.sourceSide(p.out, p.outboundEvaluable && p.out.allowed().isEmpty());
            }
        }
    }

    /** The firewall on the path, if any: its rules over what got out, before its SNAT (see {@link FirewallHop}). */
    private void firewalls(List<Path> paths, Reference to, Question question) {
        List<String> hostNames = hostNames(to);
        for (Path p : paths) {
            p.passedMiddle = p.passedOut;
            if (p.firewall.isPresent() && !p.passedOut.isEmpty() && p.kind != SourceKind.UNREACHABLE) {
                p.firewallDecision = firewallEvaluator.evaluate(
                        p.firewall.get(), p.passedOut, p.walkDestination, question, hostNames);
                p.passedMiddle = p.firewallDecision.allowed();
            }
            if (p.trace != null) {
                p.trace.appliances(p.firewallDecision());
            }
        }
    }

    /** The host names a call to {@code to} is made by, for application rules: an app's. */
    private List<String> hostNames(Reference to) {
        if (to.resource().orElse(null) instanceof App app) {
            List<String> names = new ArrayList<>();
            if (app.defaultHostName() != null && !app.defaultHostName().isBlank()) {
                names.add(app.defaultHostName());
            }
            names.addAll(app.hostNames());
            return names.stream().distinct().toList();
        }
        return List.of();
    }

    private void destinationSide(List<Path> paths, ChainEvaluator chains) {
        List<Path> evaluated = new ArrayList<>();
        List<ChainEvaluator.Input> inputs = new ArrayList<>();
        for (Path p : paths) {
            if (!p.delivers() || p.destination.subnet().isEmpty() || p.passedMiddle.isEmpty() || p.sources.isEmpty()) {
                continue;
            }
            p.inboundSources = p.identity() ? p.passedMiddle : p.sources;
            evaluated.add(p);
            inputs.add(new ChainEvaluator.Input(
                    p.inbound, p.destination.subnet().get(), p.inboundSources, p.destination.translated()));
        }
        List<ChainEvaluator.Side> sides = chains.evaluate(inputs, Direction.INBOUND);
        for (int i = 0; i < evaluated.size(); i++) {
            evaluated.get(i).in = sides.get(i);
        }
        for (Path p : paths) {
            if (p.trace != null) {
                p.trace.destinationSide(p);
            }
        }
    }

    /**
     * A call delivered to a private endpoint passes the NSGs of its subnet and interface only when the subnet's
     * {@code privateEndpointNetworkPolicies} is {@code Enabled} or {@code NetworkSecurityGroupEnabled}; otherwise
     * they are bypassed, and this says so (empty when they apply, or when none is attached).
     */
    private Optional<String> privateEndpointBypass(Destination d, List<Attached> inbound) {
        if (d.subnet().isEmpty() || d.translated().size() != 1) {
            return Optional.empty();
        }
        return privateEndpointBypass(
                topology.index(), d.subnet().get(), d.translated().first(), inbound);
    }

    /**
     * The one rule of the NSG bypass, for every question that delivers to an address ({@code flow} and its batches
     * here, {@code exposures}): {@code inbound}, the NSGs of {@code subnet} and of the interface at {@code address}, do
     * not filter a call to {@code address} when it is a private endpoint's and the subnet's
     * {@code privateEndpointNetworkPolicies} is neither {@code Enabled} nor {@code NetworkSecurityGroupEnabled}; the
     * sentence says so (empty when they apply, when none is attached, or when the address is no private endpoint's).
     */
    public static Optional<String> privateEndpointBypass(
            TopologyIndex index, Subnet subnet, long address, List<Attached> inbound) {
        if (inbound.isEmpty() || subnet.privateEndpointNetworkPolicies().appliesNsgs()) {
            return Optional.empty();
        }
        return index.privateEndpointAt(subnet.id(), address)
                .map(pe -> inbound.stream()
                                .map(a -> "NSG " + a.nsgId().name() + " of "
                                        + a.appliedTo().name())
                                .collect(Collectors.joining(" and "))
                        + " bypassed: private endpoint " + pe.name() + " is in " + subnet.name()
                        + ", whose privateEndpointNetworkPolicies is "
                        + subnet.privateEndpointNetworkPolicies().azureName()
                        + ", so NSGs do not filter traffic to it.");
    }
}
