package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.AnalysisContext.Attached;
import io.asegraph.analysis.Hop;
import io.asegraph.analysis.HopKind;
import io.asegraph.analysis.InvalidArgumentException;
import io.asegraph.analysis.Step;
import io.asegraph.analysis.StepType;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.net.Port;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.FlowSpace;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.NsgEvaluation;
import io.asegraph.policy.NsgEvaluator;
import io.asegraph.policy.NsgLevel;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.policy.RuleDecision;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.EffectiveRoutes;
import io.asegraph.topology.EffectiveRoutes.RoutedRange;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.NextHopType;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which network interfaces and ASEs the Internet can reach on risky ports — the check prowler and Cartography ship,
 * done with the path engine's NSG semantics instead of "any Allow rule that mentions the port":
 * <ul>
 * <li><b>A public address</b>: a network interface with a public IP, or an ASE with a public VIP (inbound NSGs see the
 * translated destination: the NIC's private address, or the ASE's workers anywhere in its subnet;
 * azure-semantics §1.2). Load balancers are not modelled.</li>
 * <li><b>Every NSG on the way in</b>, in Azure's order (subnet NSG, then NIC NSG;
 * <a href="https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works">how NSGs filter
 * traffic</a>), each with first-match priority semantics and the default rules, exact over the whole Internet source
 * range: a higher-priority deny takes its part before a lower allow sees it, so an allow that never wins is no finding
 * (the false positive Cartography's own fact text admits). Both NSGs must admit the same flow.</li>
 * <li><b>Exists, not for-all</b>: a source address is exposed when some flow from it reaches the target (an attacker
 * picks the source port); each NSG's admitted part is the sources its Allow rules decided for some part of the space,
 * and rule source-port ranges are split into intervals on which every rule is uniform, so the NSGs are intersected
 * flow by flow, exactly.</li>
 * <li><b>Unknown is not safe</b>: a rule with an unresolved service tag or ASG, or an NSG association whose NSG is not
 * in the snapshot, makes the part it may admit UNDETERMINED, with the cause; it is reported, not dropped.</li>
 * </ul>
 * Internet sources are the {@code Internet} tag's set (public unicast space) minus Azure's host address 168.63.129.16
 * and minus the target subnet's VNet topology. A row is ALLOWED when every Internet address is admitted, PARTIAL when some are (e.g. an allow from one partner block), UNDETERMINED when none is for
 * certain but some may be. A port denied to every Internet source is no row. Results are notes, not proof of a
 * listening service: an ASE's public VIP serves app and management ports only, and a NIC's guest firewall is not
 * modelled.
 */
public final class ExposureAudit {
    /** The ports audited when none are given: SSH, RDP, SQL Server, MySQL, PostgreSQL, Redis, Elasticsearch, MongoDB. */
    public static final List<Integer> DEFAULT_PORTS = List.of(22, 3389, 1433, 3306, 5432, 6379, 9200, 27017);

    private static final List<Protocol> CONCRETE =
            List.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ESP, Protocol.AH);
    private static final AddressSet INTERNET = PrefixResolver.INTERNET;

    private final AnalysisContext context;
    private final Topology topology;
    /** decide(0.0.0.0/0) per (VNet, route table): the subnets sharing both share one answer. */
    private final ConcurrentHashMap<String, List<RoutedRange>> everywhere = new ConcurrentHashMap<>();

    public ExposureAudit(AnalysisContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.topology = context.topology();
    }

    /** A place with a public address and the NSGs in front of it. */
    private record Target(
            ResourceId id,
            HopKind kind,
            String name,
            Optional<Long> publicAddress,
            Hop entry,
            Subnet subnet,
            List<Attached> chain,
            AddressSet destination,
            String deliveredTo,
            Optional<String> note) {}

    /**
     * Every exposure on {@code ports} over {@code protocol}, by target name and port.
     *
     * @throws InvalidArgumentException when a port is outside 0-65535
     */
    public List<Exposure> exposures(List<Integer> ports, Protocol protocol) {
        Objects.requireNonNull(protocol, "protocol");
        TreeSet<Integer> distinct = new TreeSet<>();
        for (Integer p : ports) {
            if (!Port.isPort(p)) {
                throw new InvalidArgumentException(Port.problem("port", p));
            }
            distinct.add(p);
        }
        if (distinct.isEmpty()) {
            return List.of();
        }
        // Targets are independent: evaluated in parallel (the analysis context's caches are concurrent), then sorted.
        List<Exposure> out = new ArrayList<>(targets().parallelStream()
                .flatMap(t -> distinct.stream()
                        .map(port -> evaluate(t, port, protocol))
                        .flatMap(Optional::stream))
                .toList());
        out.sort(Comparator.comparing((Exposure e) -> e.targetName().toLowerCase(Locale.ROOT))
                .thenComparing(e -> e.target().key())
                .thenComparingInt(Exposure::port));
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- targets

    private List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (NetworkInterface nic : topology.nics()) {
            if (nic.publicIpIds().isEmpty()) {
                continue;
            }
            Optional<Subnet> subnet = topology.subnet(nic.subnetId());
            if (subnet.isEmpty()) {
                continue;
            }
            Optional<PublicIpAddress> pip = nic.publicIpIds().stream()
                    .map(topology::publicIp)
                    .flatMap(Optional::stream)
                    .findFirst();
            Optional<Long> address = nic.publicIpIds().stream()
                    .map(topology::publicIp)
                    .flatMap(Optional::stream)
                    .map(PublicIpAddress::ipAddress)
                    .flatMap(Optional::stream)
                    .findFirst();
            String pipName = pip.map(PublicIpAddress::name)
                    .orElse(nic.publicIpIds().get(0).name());
            String at =
                    address.map(a -> pipName + " (" + Ipv4.format(a) + ")").orElse(pipName + " (no address allocated)");
            Hop entry = new Hop(
                    pip.map(p -> p.id().value()).orElse(nic.publicIpIds().get(0).value()),
                    HopKind.PUBLIC_IP_ADDRESS,
                    List.of(new Step(
                            StepType.ROUTE,
                            "Public IP " + at + " forwards to " + nic.name() + "'s private address "
                                    + Ipv4.format(nic.privateIp()) + ".")));
            List<Attached> chain = new ArrayList<>(2);
            context.subnetNsg(subnet.get()).ifPresent(chain::add);
            context.nicNsg(nic).ifPresent(chain::add);
            out.add(new Target(
                    nic.id(),
                    HopKind.NETWORK_INTERFACE,
                    nic.name(),
                    address,
                    entry,
                    subnet.get(),
                    List.copyOf(chain),
                    AddressSet.host(nic.privateIp()),
                    nic.name() + " (" + Ipv4.format(nic.privateIp()) + ")",
                    Optional.empty()));
        }
        for (AppServiceEnvironment ase : topology.environments()) {
            if (ase.publicVip().isEmpty()) {
                continue;
            }
            Optional<Subnet> subnet = topology.subnet(ase.subnetId());
            if (subnet.isEmpty()) {
                continue;
            }
            Subnet s = subnet.get();
            Hop entry = new Hop(
                    ase.id().value(),
                    HopKind.APP_SERVICE_ENVIRONMENT,
                    List.of(new Step(
                            StepType.ROUTE,
                            "Public VIP "
                                    + Ipv4.format(ase.publicVip().get()) + " hands the call to " + ase.name()
                                    + "'s workers in " + s.name()
                                    + " (" + s.prefix() + ").")));
            List<Attached> chain = context.subnetNsg(s).map(List::of).orElse(List.of());
            Optional<String> note = ase.isInternal()
                    ? Optional.of(ase.name() + " is an internal (ILB) ASE: its apps listen "
                            + "on the ILB address, and its public VIP serves the management ports 454-455")
                    : Optional.empty();
            out.add(new Target(
                    ase.id(),
                    HopKind.APP_SERVICE_ENVIRONMENT,
                    ase.name(),
                    ase.publicVip(),
                    entry,
                    s,
                    chain,
                    s.prefix().toSet(),
                    ase.name() + "'s workers in " + s.name() + " (" + s.prefix() + ")",
                    note));
        }
        return out;
    }

    // ---------------------------------------------------------------- one target and port

    /** A target with no NSG in front of it: exposed to every Internet source. */
    private Optional<Exposure> unfiltered(Target t, int port, Protocol protocol, String what) {
        List<Hop> path = new ArrayList<>();
        path.add(internet(t, what));
        path.add(t.entry());
        path.add(new Hop(
                t.subnet().id().value(),
                HopKind.SUBNET,
                List.of(new Step(StepType.FILTER, "No NSG on " + t.subnet().name() + ": nothing filters."))));
        path.add(deliver(t, what, List.of()));
        List<String> warnings = new ArrayList<>();
        warnings.add(
                t.kind() == HopKind.NETWORK_INTERFACE
                        ? "Neither " + t.subnet().name() + " nor " + t.name()
                                + " has an NSG: nothing filters inbound traffic."
                        : "No NSG on " + t.subnet().name() + ": nothing filters inbound traffic.");
        AddressSet internet = internetSources(t.subnet());
        returnRoute(t, internet).ifPresent(warnings::add);
        t.note().ifPresent(warnings::add);
        return Optional.of(new Exposure(
                t.id(),
                t.kind().label(),
                t.name(),
                t.publicAddress(),
                port,
                protocol,
                Verdict.ALLOWED,
                internet,
                AddressSet.EMPTY,
                List.of(),
                List.of(),
                warnings,
                path));
    }

    /**
     * What the chain admits from the Internet, for every concrete protocol and source-port interval of the question:
     * {@code exposed} the sources some flow of which every NSG certainly allows, {@code possible} those it may allow
     * (an unresolved rule), with the allowing rules and the part each admits, per NSG of the chain.
     */
    private record Admission(
            AddressSet exposed,
            AddressSet possible,
            List<Set<String>> admitting,
            List<AddressSet> admittedAt,
            Set<String> causes) {}

    private Admission admit(Target t, int port, Protocol protocol, AddressSet internet) {
        NsgEvaluator evaluator = context.evaluator(t.subnet());
        List<Protocol> protocols = protocol == Protocol.ANY ? CONCRETE : List.of(protocol);
        List<PortSet> intervals = sourcePortIntervals(t.chain());
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
            boolean portless = !p.hasPorts();
            PortSet destinationPorts = portless ? PortSet.ALL : PortSet.single(port);
            for (PortSet sourcePorts : intervals) {
                AddressSet certain = internet;
                AddressSet maybe = internet;
                List<NsgEvaluation> evaluations = new ArrayList<>();
                for (Attached a : t.chain()) {
                    if (maybe.isEmpty()) {
                        evaluations.add(null);
                        continue;
                    }
                    if (a.nsg().isEmpty()) {
                        causes.add("NSG " + a.nsgId().value() + " is associated with "
                                + a.appliedTo().name() + " but is not in the snapshot");
                        certain = AddressSet.EMPTY;
                        evaluations.add(null);
                        continue;
                    }
                    NsgEvaluation e = evaluator.evaluate(
                            a.nsg().get(),
                            Direction.INBOUND,
                            new FlowSpace(maybe, t.destination(), sourcePorts, destinationPorts, p));
                    evaluations.add(e);
                    AddressSet allowedSomewhere = AddressSet.EMPTY;
                    for (RuleDecision d : e.decisions()) {
                        if (d.access() == Access.ALLOW) {
                            allowedSomewhere = allowedSomewhere.union(d.sources());
                        }
                    }
                    certain = certain.intersect(allowedSomewhere);
                    maybe = maybe.intersect(allowedSomewhere.union(e.undeterminedSources()));
                }
                for (int i = 0; i < evaluations.size(); i++) {
                    NsgEvaluation e = evaluations.get(i);
                    if (e == null) {
                        continue;
                    }
                    for (RuleDecision d : e.decisions()) {
                        if (d.access() == Access.ALLOW && d.sources().overlaps(certain)) {
                            admitting
                                    .get(i)
                                    .add(Describe.ruleRef(nameOf(t.chain().get(i)), d));
                            admittedAt.set(
                                    i, admittedAt.get(i).union(d.sources().intersect(certain)));
                        }
                        if (!d.undeterminedSources().isEmpty()
                                && d.undeterminedSources().overlaps(maybe)) {
                            d.undeterminedCause().ifPresent(c -> causes.add(nameOf(e) + " " + c));
                        }
                    }
                }
                exposed = exposed.union(certain);
                possible = possible.union(maybe);
            }
        }
        return new Admission(exposed, possible, admitting, admittedAt, causes);
    }

    private Optional<Exposure> evaluate(Target t, int port, Protocol protocol) {
        String what = (protocol == Protocol.ANY ? "any protocol" : protocol.name()) + " port " + port;
        if (t.chain().isEmpty()) {
            return unfiltered(t, port, protocol, what);
        }
        AddressSet internet = internetSources(t.subnet());
        Admission admission = admit(t, port, protocol, internet);
        AddressSet exposed = admission.exposed();
        List<Set<String>> admitting = admission.admitting();
        List<AddressSet> admittedAt = admission.admittedAt();
        Set<String> causes = admission.causes();
        AddressSet undetermined = admission.possible().minus(exposed);
        Verdict verdict;
        if (!exposed.isEmpty()) {
            verdict = exposed.equals(internet) ? Verdict.ALLOWED : Verdict.PARTIAL;
        } else if (!undetermined.isEmpty()) {
            verdict = Verdict.UNDETERMINED;
        } else {
            return Optional.empty();
        }
        List<String> admittedBy = new ArrayList<>();
        admitting.forEach(admittedBy::addAll);
        List<Hop> path = new ArrayList<>();
        path.add(internet(t, what));
        path.add(t.entry());
        List<Step> atTarget = new ArrayList<>();
        boolean subnetFiltered = false;
        for (int i = 0; i < t.chain().size(); i++) {
            Attached a = t.chain().get(i);
            String detail = filterDetail(a, admitting.get(i), admittedAt.get(i), undetermined, internet);
            if (a.level() == NsgLevel.SUBNET) {
                path.add(new Hop(a.appliedTo().value(), HopKind.SUBNET, List.of(new Step(StepType.FILTER, detail))));
                subnetFiltered = true;
            } else {
                atTarget.add(new Step(StepType.FILTER, detail));
            }
        }
        if (!subnetFiltered) {
            path.add(new Hop(
                    t.subnet().id().value(),
                    HopKind.SUBNET,
                    List.of(new Step(
                            StepType.FILTER, "No NSG on " + t.subnet().name() + ": nothing filters at the subnet."))));
        }
        path.add(deliver(t, what, atTarget));
        List<String> warnings = new ArrayList<>();
        returnRoute(t, exposed.isEmpty() ? undetermined : exposed).ifPresent(warnings::add);
        t.note().ifPresent(warnings::add);
        return Optional.of(new Exposure(
                t.id(),
                t.kind().label(),
                t.name(),
                t.publicAddress(),
                port,
                protocol,
                verdict,
                exposed,
                undetermined,
                admittedBy,
                List.copyOf(causes),
                warnings,
                path));
    }

    /**
     * The sources that come from the Internet to a target in {@code subnet}: the Internet tag's public space, minus
     * Azure's host address 168.63.129.16 (platform probes, not an Internet client) and minus the subnet's VNet topology
     * (own, peered and gateway-connected spaces: public ranges used there arrive over the VNet or gateway, not from
     * the Internet).
     */
    private AddressSet internetSources(Subnet subnet) {
        return INTERNET.minus(PrefixResolver.AZURE_LOAD_BALANCER)
                .minus(context.routing().effectiveRoutes(subnet).virtualNetworkTopology());
    }

    private static String filterDetail(
            Attached a, Set<String> rules, AddressSet admitted, AddressSet undetermined, AddressSet internet) {
        String nsg = nameOf(a);
        if (a.nsg().isEmpty()) {
            return nsg + " is associated here but is not in the snapshot: what it admits is unknown.";
        }
        if (!rules.isEmpty()) {
            return nsg + " (inbound) admits " + Describe.addresses(admitted, internet, "every Internet source") + " by "
                    + String.join(", ", rules) + ".";
        }
        return nsg + " (inbound) may admit " + Describe.addresses(undetermined) + " through a rule it cannot resolve.";
    }

    private static Hop internet(Target t, String what) {
        String to = t.publicAddress().map(Ipv4::format).orElse("its public IP (no address allocated)");
        return new Hop(
                "Internet",
                HopKind.INTERNET,
                List.of(new Step(StepType.ROUTE, "Internet sources send " + what + " to " + to + ".")));
    }

    private static Hop deliver(Target t, String what, List<Step> before) {
        List<Step> steps = new ArrayList<>(before);
        steps.add(new Step(StepType.DELIVER, "Delivered to " + t.deliveredTo() + " on " + what + "."));
        return new Hop(t.id().value(), t.kind(), steps);
    }

    private static String nameOf(Attached a) {
        return a.nsg().map(NetworkSecurityGroup::name).orElse(a.nsgId().name());
    }

    private String nameOf(NsgEvaluation e) {
        return context.policies()
                .nsg(e.nsg())
                .map(NetworkSecurityGroup::name)
                .orElse(e.nsg().name());
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

    /**
     * A warning when replies to the exposed sources would not leave straight to the Internet (forced tunnelling, an
     * appliance): the NSGs admit the connection, but its replies take another path (asymmetric routing).
     */
    private Optional<String> returnRoute(Target t, AddressSet sources) {
        EffectiveRoutes routes = context.routing().effectiveRoutes(t.subnet());
        String key = t.subnet().vnetId().key() + "|"
                + t.subnet().routeTableId().map(ResourceId::key).orElse("");
        List<RoutedRange> parts = everywhere.computeIfAbsent(key, k -> routes.decide(Cidr.ALL));
        List<String> elsewhere = new ArrayList<>();
        for (RoutedRange part : parts) {
            if (part.nextHop().type() != NextHopType.INTERNET
                    && part.addresses().overlaps(sources)) {
                elsewhere.add(part.nextHop().describeRoute());
            }
        }
        if (elsewhere.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Replies from " + t.subnet().name() + " to some of these sources do not go straight to the "
                + "Internet (" + String.join("; ", elsewhere)
                + "): connections may fail on the asymmetric path, but the "
                + "NSGs admit them.");
    }
}
