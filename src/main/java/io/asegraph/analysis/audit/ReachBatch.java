package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.AnalysisContext.Attached;
import io.asegraph.analysis.CallSource;
import io.asegraph.analysis.FlowAnalyzer;
import io.asegraph.analysis.Reference;
import io.asegraph.analysis.ReferenceKind;
import io.asegraph.analysis.Resolution;
import io.asegraph.analysis.SourceKind;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Direction;
import io.asegraph.policy.FlowSpace;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.NsgEvaluation;
import io.asegraph.policy.NsgEvaluator;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdicts of many callers toward one destination, computed without one walk per caller: the estate-wide half of
 * {@code whoCanReach}. It composes exactly what {@link FlowAnalyzer} composes (and a test holds it to FlowAnalyzer's
 * answer for every caller of generated estates), but shares every piece of work callers have in common:
 * <ul>
 * <li><b>Walks.</b> The call-source walk of a network interface depends on its VNet, its subnet's route table and NAT
 * gateway and whether it has a public IP — not on which interface it is, apart from its own addresses. One
 * interface per such group is walked; the others take its outcome with their own private (and public) address
 * substituted. ASEs (each with its own subnet and VIP, and special cases for calls to themselves and into their own
 * subnet) are walked one by one.</li>
 * <li><b>NSGs.</b> As in {@link FlowAnalyzer#analyzeMany}: chain position by chain position, every distinct NSG (in one
 * evaluation context, toward one destination) is evaluated once over the union of the sources that reach it, and each
 * caller takes its part (a binary search for a single address).</li>
 * <li><b>No explanation.</b> Only verdicts and source sets are produced; the full flow of any caller (reason, trace,
 * rules) is {@link FlowAnalyzer#analyze}, asked for the rows that need it.</li>
 * </ul>
 */
final class ReachBatch {
    /** What a caller's flow came to: the verdict and the source sets, as {@link io.asegraph.analysis.FlowResult}. */
    record Outcome(Verdict verdict, SourceKind kind, AddressSet sources, AddressSet privateSources, AddressSet allowed,
            AddressSet denied, AddressSet undetermined) {
    }

    /** One caller: an ASE or a network interface, with its own subnet. */
    private record Caller(Reference reference, Subnet subnet, Optional<NetworkInterface> nic) {
    }

    /** A caller's walk (its own or its group's with its addresses substituted) and its side states. */
    private static final class Plan {
        final Caller caller;
        final SourceKind kind;
        final AddressSet sources;
        final AddressSet privateSources;
        final AddressSet destination;
        final Optional<Subnet> destinationSubnet;
        final Optional<NetworkInterface> destinationNic;
        AddressSet translatedDestination;
        Optional<Subnet> inboundSubnet = Optional.empty();
        List<Attached> inbound = List.of();
        AddressSet passedOut = AddressSet.EMPTY;
        AddressSet denied = AddressSet.EMPTY;
        AddressSet undetermined = AddressSet.EMPTY;
        AddressSet inAllowed = AddressSet.EMPTY;
        AddressSet inDenied = AddressSet.EMPTY;
        AddressSet inUndetermined = AddressSet.EMPTY;
        AddressSet inboundSources = AddressSet.EMPTY;
        boolean outboundEvaluable;

        Plan(Caller caller, SourceKind kind, AddressSet sources, AddressSet privateSources, AddressSet destination,
                Optional<Subnet> destinationSubnet, Optional<NetworkInterface> destinationNic) {
            this.caller = caller;
            this.kind = kind;
            this.sources = sources;
            this.privateSources = privateSources;
            this.destination = destination;
            this.destinationSubnet = destinationSubnet;
            this.destinationNic = destinationNic;
            this.translatedDestination = destination;
        }

        boolean delivers() {
            return kind != SourceKind.UNREACHABLE && kind != SourceKind.UNDETERMINED;
        }

        boolean identity() {
            return kind == SourceKind.SUBNET_RANGE || kind == SourceKind.PRIVATE_ADDRESS;
        }
    }

    private final AnalysisContext context;
    private final Topology topology;
    /** The NSGs reduced to the rules that can match the question, per side (cleared between sides). */
    private final Map<ResourceId, NetworkSecurityGroup> reduced = new java.util.HashMap<>();

    ReachBatch(AnalysisContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.topology = context.topology();
    }

    /** The outcome for each ASE, then each network interface, in the order given. */
    List<Outcome> run(List<AppServiceEnvironment> ases, List<NetworkInterface> nics, Reference to, int port,
            Protocol protocol) {
        boolean portless = protocol == Protocol.ICMP || protocol == Protocol.ESP || protocol == Protocol.AH;
        PortSet sourcePorts = portless ? PortSet.ALL : FlowAnalyzer.EPHEMERAL_PORTS;
        PortSet destinationPorts = portless ? PortSet.ALL : PortSet.single(port);
        List<Plan> plans = new ArrayList<>(ases.size() + nics.size());
        for (AppServiceEnvironment ase : ases) {
            Subnet subnet = topology.subnet(ase.subnetId()).orElseThrow(() -> new IllegalStateException(
                    "ASE " + ase.id() + " is in subnet " + ase.subnetId() + ", which is not in the snapshot"));
            Caller c = new Caller(Reference.of(ase.id().value(), ase, Resolution.RESOURCE_ID), subnet, Optional.empty());
            CallSource cs = context.walker().walk(c.reference(), to);
            plans.add(new Plan(c, cs.kind(), cs.sources(), cs.privateSources(), cs.destination(),
                    cs.destinationSubnet().flatMap(topology::subnet), cs.destinationNic().flatMap(topology::nic)));
        }
        Map<String, CallSource> walked = new LinkedHashMap<>();
        for (NetworkInterface nic : nics) {
            Subnet subnet = topology.subnet(nic.subnetId()).orElseThrow(() -> new IllegalStateException(
                    "network interface " + nic.id() + " is in subnet " + nic.subnetId() + ", which is not in the snapshot"));
            Caller c = new Caller(Reference.of(nic.id().value(), nic, Resolution.RESOURCE_ID), subnet, Optional.of(nic));
            CallSource group = walked.computeIfAbsent(walkKey(subnet, nic), k -> context.walker().walk(c.reference(), to));
            plans.add(substituted(c, nic, group));
        }
        for (Plan p : plans) {
            destinationSide(p, to);
        }
        evaluate(plans, Direction.OUTBOUND, sourcePorts, destinationPorts, protocol);
        evaluate(plans, Direction.INBOUND, sourcePorts, destinationPorts, protocol);
        return plans.stream().map(ReachBatch::assemble).toList();
    }

    /**
     * What a network interface's walk depends on besides its own addresses: its VNet and route table (its effective
     * routes), its subnet's NAT gateway, and its public IPs (none, unallocated, allocated).
     */
    private String walkKey(Subnet subnet, NetworkInterface nic) {
        List<Long> pips = publicAddresses(nic);
        String pipState = nic.publicIpIds().isEmpty() ? "none" : pips.isEmpty() ? "unallocated" : "allocated" + pips.size();
        return subnet.vnetId().key() + "|" + subnet.routeTableId().map(ResourceId::key).orElse("") + "|"
                + subnet.natGatewayId().map(ResourceId::key).orElse("") + "|" + pipState;
    }

    private List<Long> publicAddresses(NetworkInterface nic) {
        return nic.publicIpIds().stream().map(topology::publicIp).flatMap(Optional::stream).map(PublicIpAddress::ipAddress)
                .flatMap(Optional::stream).toList();
    }

    /** The group's walk with this interface's addresses: its private address, and its public IP when it leaves by it. */
    private Plan substituted(Caller c, NetworkInterface nic, CallSource group) {
        AddressSet own = AddressSet.host(nic.privateIp());
        AddressSet sources = switch (group.kind()) {
            case PRIVATE_ADDRESS, SUBNET_RANGE -> own;
            case PUBLIC_VIP -> hosts(publicAddresses(nic));
            default -> group.sources();
        };
        return new Plan(c, group.kind(), sources, own, group.destination(),
                group.destinationSubnet().flatMap(topology::subnet), group.destinationNic().flatMap(topology::nic));
    }

    private static AddressSet hosts(List<Long> addresses) {
        return AddressSet.of(addresses.stream().map(Cidr::host).toList());
    }

    /** The destination as the inbound NSGs see it, and their chain (as {@link FlowAnalyzer} decides them). */
    private void destinationSide(Plan p, Reference to) {
        p.outboundEvaluable = !p.destination.isEmpty() && !p.privateSources.isEmpty();
        if (!p.delivers()) {
            return;
        }
        Optional<Subnet> subnet = p.destinationSubnet;
        Optional<NetworkInterface> nic = p.destinationNic;
        if (subnet.isPresent()) {
            Optional<AppServiceEnvironment> ase = targetAse(to);
            if (ase.isPresent() && ase.get().subnetId().equals(subnet.get().id())) {
                p.translatedDestination = subnet.get().prefix().toSet();
            }
        } else if (p.kind == SourceKind.PUBLIC_VIP || p.kind == SourceKind.NAT_GATEWAY) {
            Optional<NetworkInterface> behind = Optional.empty();
            if (to.kind() == ReferenceKind.PUBLIC_IP_ADDRESS) {
                behind = to.resource().map(r -> ((PublicIpAddress) r).id()).flatMap(context::nicWithPublicIp);
            } else if (to.kind() == ReferenceKind.ADDRESS && to.resource().isEmpty()) {
                behind = to.address().flatMap(context::nicWithPublicAddress);
            }
            if (behind.isPresent()) {
                nic = behind;
                subnet = topology.subnet(behind.get().subnetId());
                p.translatedDestination = AddressSet.host(behind.get().privateIp());
            }
        }
        if (subnet.isPresent()) {
            p.inboundSubnet = subnet;
            List<Attached> chain = new ArrayList<>(2);
            context.subnetNsg(subnet.get()).ifPresent(chain::add);
            nic.flatMap(context::nicNsg).ifPresent(chain::add);
            p.inbound = List.copyOf(chain);
        }
    }

    private Optional<AppServiceEnvironment> targetAse(Reference to) {
        Object r = to.resource().orElse(null);
        if (r instanceof AppServiceEnvironment ase) {
            return Optional.of(ase);
        }
        if (r instanceof App app) {
            return topology.environment(app.aseId());
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- the NSG chains, shared across callers

    /** One caller's side while its chain is evaluated. */
    private static final class State {
        final Plan plan;
        final List<Attached> chain;
        final NsgEvaluator evaluator;
        final AddressSet destination;
        AddressSet passing;
        AddressSet denied = AddressSet.EMPTY;
        AddressSet undetermined = AddressSet.EMPTY;

        State(Plan plan, List<Attached> chain, NsgEvaluator evaluator, AddressSet destination, AddressSet sources) {
            this.plan = plan;
            this.chain = chain;
            this.evaluator = evaluator;
            this.destination = destination;
            this.passing = sources;
        }
    }

    private record BucketKey(ResourceId nsg, NsgEvaluator evaluator, AddressSet destination) {
        @Override
        public boolean equals(Object o) {
            return o instanceof BucketKey k && nsg.equals(k.nsg) && evaluator == k.evaluator && destination.equals(k.destination);
        }

        @Override
        public int hashCode() {
            return Objects.hash(nsg, System.identityHashCode(evaluator), destination);
        }
    }

    private void evaluate(List<Plan> plans, Direction direction, PortSet sourcePorts, PortSet destinationPorts,
            Protocol protocol) {
        reduced.clear();
        List<State> states = new ArrayList<>();
        for (Plan p : plans) {
            if (direction == Direction.OUTBOUND) {
                if (p.kind == SourceKind.UNREACHABLE) {
                    continue;
                }
                if (!p.outboundEvaluable) {
                    p.passedOut = p.privateSources;
                    continue;
                }
                List<Attached> chain = new ArrayList<>(2);
                p.caller.nic().flatMap(context::nicNsg).ifPresent(chain::add);
                context.subnetNsg(p.caller.subnet()).ifPresent(chain::add);
                states.add(new State(p, chain, context.evaluator(p.caller.subnet()), p.destination, p.privateSources));
            } else {
                if (!p.delivers() || p.inboundSubnet.isEmpty() || p.passedOut.isEmpty() || p.sources.isEmpty()) {
                    continue;
                }
                p.inboundSources = p.identity() ? p.passedOut : p.sources;
                states.add(new State(p, p.inbound, context.evaluator(p.inboundSubnet.get()), p.translatedDestination,
                        p.inboundSources));
            }
        }
        int longest = states.stream().mapToInt(s -> s.chain.size()).max().orElse(0);
        for (int position = 0; position < longest; position++) {
            Map<BucketKey, List<State>> buckets = new LinkedHashMap<>();
            for (State s : states) {
                if (position >= s.chain.size() || s.passing.isEmpty()) {
                    continue;
                }
                Attached applied = s.chain.get(position);
                if (applied.nsg().isEmpty()) {
                    s.undetermined = s.undetermined.union(s.passing);
                    s.passing = AddressSet.EMPTY;
                    continue;
                }
                buckets.computeIfAbsent(new BucketKey(applied.nsgId(), s.evaluator, s.destination), k -> new ArrayList<>())
                        .add(s);
            }
            for (Map.Entry<BucketKey, List<State>> bucket : buckets.entrySet()) {
                List<State> members = bucket.getValue();
                List<Cidr> blocks = new ArrayList<>();
                members.forEach(s -> blocks.addAll(s.passing.toCidrs()));
                AddressSet union = AddressSet.of(blocks);
                Attached applied = members.get(0).chain.get(position);
                NsgEvaluation e = bucket.getKey().evaluator().evaluate(relevant(applied.nsg().get(), direction,
                        sourcePorts, destinationPorts, protocol), direction,
                        new FlowSpace(union, bucket.getKey().destination(), sourcePorts, destinationPorts, protocol));
                for (State s : members) {
                    AddressSet mine = s.passing;
                    s.denied = s.denied.union(restrict(e.deniedSources(), mine));
                    s.undetermined = s.undetermined.union(restrict(e.undeterminedSources(), mine));
                    s.passing = restrict(e.allowedSources(), mine);
                }
            }
        }
        for (State s : states) {
            Plan p = s.plan;
            if (direction == Direction.OUTBOUND) {
                p.passedOut = s.passing;
                p.denied = s.denied;
                p.undetermined = s.undetermined;
            } else {
                p.inAllowed = s.passing;
                p.inDenied = s.denied;
                p.inUndetermined = s.undetermined;
            }
        }
    }

    /**
     * The NSG with only the rules of {@code direction} that can match some flow of the question (protocol and port
     * ranges overlap it). Dropping a rule that matches no flow of the space changes no first match, so the verdicts
     * are the same; the evaluator then resolves and splits over a handful of rules instead of all of them. Cached per
     * NSG for the batch.
     */
    private NetworkSecurityGroup relevant(NetworkSecurityGroup nsg, Direction direction, PortSet sourcePorts,
            PortSet destinationPorts, Protocol protocol) {
        return reduced.computeIfAbsent(nsg.id(), id -> {
            List<SecurityRule> keep = new ArrayList<>();
            for (SecurityRule r : nsg.rules()) {
                if (r.direction() == direction && !r.isDefault() && (r.protocol() == Protocol.ANY || protocol == Protocol.ANY
                        || r.protocol() == protocol) && overlaps(r.sourcePorts(), sourcePorts)
                        && overlaps(r.destinationPorts(), destinationPorts)) {
                    keep.add(r);
                }
            }
            return keep.size() == nsg.rules().size() ? nsg
                    : new NetworkSecurityGroup(nsg.id(), nsg.name(), nsg.location(), nsg.etag(), keep);
        });
    }

    private static boolean overlaps(List<PortRange> ranges, PortSet ports) {
        return ranges.isEmpty() || !PortSet.of(ranges).intersect(ports).isEmpty();
    }

    /** {@code big ∩ small}; a single address by binary search, so 10,000 callers against one big union stay cheap. */
    private static AddressSet restrict(AddressSet big, AddressSet small) {
        if (big.isEmpty() || small.isEmpty()) {
            return AddressSet.EMPTY;
        }
        if (small.size() == 1) {
            return big.contains(small.first()) ? small : AddressSet.EMPTY;
        }
        return big.intersect(small);
    }

    /** The verdict as {@link FlowAnalyzer} composes it from the two sides. */
    private static Outcome assemble(Plan p) {
        AddressSet all = p.privateSources;
        if (p.kind == SourceKind.UNREACHABLE) {
            return new Outcome(Verdict.UNREACHABLE, p.kind, p.sources, all, AddressSet.EMPTY, AddressSet.EMPTY,
                    AddressSet.EMPTY);
        }
        AddressSet passedOut = p.passedOut;
        AddressSet allowed = AddressSet.EMPTY;
        AddressSet denied = p.denied;
        AddressSet undetermined = p.undetermined;
        if (!p.delivers()) {
            undetermined = undetermined.union(passedOut);
        } else if (p.inboundSources.isEmpty()) {
            allowed = passedOut;
        } else if (p.identity()) {
            allowed = p.inAllowed;
            denied = denied.union(p.inDenied);
            undetermined = undetermined.union(p.inUndetermined);
        } else if (!p.inUndetermined.isEmpty()) {
            undetermined = undetermined.union(passedOut);
        } else if (!p.inDenied.isEmpty()) {
            denied = denied.union(passedOut);
        } else {
            allowed = passedOut;
        }
        Verdict verdict;
        if (!undetermined.isEmpty()) {
            verdict = Verdict.UNDETERMINED;
        } else if (denied.isEmpty()) {
            verdict = Verdict.ALLOWED;
        } else {
            verdict = allowed.isEmpty() ? Verdict.DENIED : Verdict.PARTIAL;
        }
        return new Outcome(verdict, p.kind, p.sources, all, allowed, denied, undetermined);
    }
}
