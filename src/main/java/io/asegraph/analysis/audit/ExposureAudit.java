package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.AnalysisContext.Attached;
import io.asegraph.analysis.Hop;
import io.asegraph.analysis.HopKind;
import io.asegraph.analysis.InvalidArgumentException;
import io.asegraph.analysis.Step;
import io.asegraph.analysis.StepType;
import io.asegraph.analysis.audit.ExposureTarget.Finding;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.net.Port;
import io.asegraph.net.Protocol;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.EffectiveRoutes;
import io.asegraph.topology.EffectiveRoutes.RoutedRange;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.NextHopType;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

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
 * and minus the target subnet's VNet topology. A row is ALLOWED when every Internet address is admitted, PARTIAL
 * when some are (e.g. an allow from one partner block), UNDETERMINED when none is for certain but some may be. A port
 * denied to every Internet source is no row, and so is a port an ASE's public VIP does not publish: its exposure is
 * the intersection of its front end's ports ({@link AseFrontEnd}, per ASE kind) and what the NSGs admit. Results are
 * notes, not proof of a listening service: a NIC's guest firewall is not modelled. The places audited are
 * {@link ExposureTarget}s; what the NSGs in front of one admit is an {@link ExposureAdmission}.
 */
public final class ExposureAudit {
    /** The ports audited when none are given: SSH, RDP, SQL Server, MySQL, PostgreSQL, Redis, Elasticsearch, MongoDB. */
    public static final List<Integer> DEFAULT_PORTS = List.of(22, 3389, 1433, 3306, 5432, 6379, 9200, 27017);

    private static final AddressSet INTERNET = PrefixResolver.INTERNET;

    private final AnalysisContext context;
    /** decide(0.0.0.0/0) per (VNet, route table): the subnets sharing both share one answer. */
    private final ConcurrentHashMap<String, List<RoutedRange>> everywhere = new ConcurrentHashMap<>();

    public ExposureAudit(AnalysisContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Every exposure on {@code ports} over {@code protocol}, by target name and port.
     *
     * @throws InvalidArgumentException when a port is outside 0-65535
     */
    public List<Exposure> exposures(List<Integer> ports, Protocol protocol) {
        TreeSet<Integer> distinct = distinctPorts(ports, protocol);
        if (distinct.isEmpty()) {
            return List.of();
        }
        // Targets are independent: evaluated in parallel (the analysis context's caches are concurrent), then sorted.
        return sorted(
                ExposureTarget.of(context).parallelStream()
                        .flatMap(t -> rows(t, distinct, protocol))
                        .toList(),
                distinct,
                protocol);
    }

    /**
     * The same, given {@code before}, the answer to the same question on an estate that differs from this one in the
     * NSGs {@code changed} only ({@link AnalysisContext#nsgChangesSince}): the targets with one of them in front
     * (attached at their subnet or network interface) are evaluated again, every other target's rows are taken from
     * {@code before}, and the DNAT publications (which reach through firewalls) are all evaluated again. Equal to
     * {@link #exposures} on this estate.
     */
    public List<Exposure> derive(
            List<Integer> ports, Protocol protocol, List<Exposure> before, Set<ResourceId> changed) {
        TreeSet<Integer> distinct = distinctPorts(ports, protocol);
        if (distinct.isEmpty()) {
            return List.of();
        }
        Map<ResourceId, List<Exposure>> direct = new HashMap<>();
        for (Exposure e : before) {
            if (e.dnat().isEmpty()) {
                direct.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Exposure> rows = ExposureTarget.of(context).parallelStream()
                .flatMap(t -> affected(t, changed)
                        ? rows(t, distinct, protocol)
                        : direct.getOrDefault(t.id(), List.of()).stream())
                .toList();
        return sorted(rows, distinct, protocol);
    }

    /** True when one of {@code changed} is in front of {@code t}: on its chain, its subnet or its network interface. */
    private boolean affected(ExposureTarget t, Set<ResourceId> changed) {
        return t.chain().stream().anyMatch(a -> changed.contains(a.nsgId()))
                || t.subnet().nsgId().filter(changed::contains).isPresent()
                || context.topology()
                        .nic(t.id())
                        .flatMap(NetworkInterface::nsgId)
                        .filter(changed::contains)
                        .isPresent();
    }

    private static TreeSet<Integer> distinctPorts(List<Integer> ports, Protocol protocol) {
        Objects.requireNonNull(protocol, "protocol");
        TreeSet<Integer> distinct = new TreeSet<>();
        for (Integer p : ports) {
            if (!Port.isPort(p)) {
                throw new InvalidArgumentException(Port.problem("port", p));
            }
            distinct.add(p);
        }
        return distinct;
    }

    /** One target's rows, by port. */
    private Stream<Exposure> rows(ExposureTarget t, TreeSet<Integer> ports, Protocol protocol) {
        return ports.stream()
                .filter(port -> forwards(t, port, protocol))
                .map(port -> evaluate(t, port, protocol))
                .flatMap(Optional::stream);
    }

    /** The targets' rows (in target order) and the DNAT publications', by target name and port. */
    private List<Exposure> sorted(List<Exposure> targetRows, TreeSet<Integer> ports, Protocol protocol) {
        List<Exposure> out = new ArrayList<>(targetRows);
        out.addAll(new DnatExposures(context).exposures(ports, protocol));
        out.sort(Comparator.comparing((Exposure e) -> e.targetName().toLowerCase(Locale.ROOT))
                .thenComparing(e -> e.target().key())
                .thenComparingInt(Exposure::port));
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- one target and port

    /**
     * False when the target's public address never forwards {@code port}: an ASE's VIP publishes only its front end's
     * ports, so whatever its NSGs admit elsewhere is no exposure.
     */
    private static boolean forwards(ExposureTarget t, int port, Protocol protocol) {
        return t.published().map(p -> AseFrontEnd.publishes(p, port, protocol)).orElse(true);
    }

    /** A target with no NSG in front of it: exposed to every Internet source. */
    private Optional<Exposure> unfiltered(ExposureTarget t, int port, Protocol protocol, String what) {
        String none = t.bypass().orElse("No NSG on " + t.subnet().name() + ": nothing filters.");
        List<Hop> path = t.path(internet(t, what), i -> "", none, delivered(t, what));
        List<String> warnings = new ArrayList<>();
        warnings.add(t.bypass()
                .orElse(
                        t.kind() == HopKind.NETWORK_INTERFACE
                                ? "Neither " + t.subnet().name() + " nor " + t.name()
                                        + " has an NSG: nothing filters inbound traffic."
                                : "No NSG on " + t.subnet().name() + ": nothing filters inbound traffic."));
        AddressSet internet = internetSources(t.subnet());
        returnRoute(t, internet).ifPresent(warnings::add);
        t.note().ifPresent(warnings::add);
        Finding all = new Finding(Verdict.ALLOWED, internet, AddressSet.EMPTY, List.of(), List.of());
        return Optional.of(t.row(port, protocol, all, warnings, path, Optional.empty()));
    }

    private Optional<Exposure> evaluate(ExposureTarget t, int port, Protocol protocol) {
        String what = (protocol == Protocol.ANY ? "any protocol" : protocol.name()) + " port " + port;
        if (t.chain().isEmpty()) {
            return unfiltered(t, port, protocol, what);
        }
        AddressSet internet = internetSources(t.subnet());
        ExposureAdmission admission = ExposureAdmission.of(context, t, port, protocol, internet);
        AddressSet exposed = admission.exposed();
        AddressSet undetermined = admission.possible().minus(exposed);
        Optional<Verdict> verdict = Finding.verdictOf(exposed, undetermined, internet);
        if (verdict.isEmpty()) {
            return Optional.empty();
        }
        List<String> admittedBy = new ArrayList<>();
        admission.admitting().forEach(admittedBy::addAll);
        List<Hop> path = t.path(
                internet(t, what),
                i -> filterDetail(t.chain().get(i), admission, i, undetermined, internet),
                "No NSG on " + t.subnet().name() + ": nothing filters at the subnet.",
                delivered(t, what));
        List<String> warnings = new ArrayList<>();
        returnRoute(t, exposed.isEmpty() ? undetermined : exposed).ifPresent(warnings::add);
        t.note().ifPresent(warnings::add);
        Finding found = new Finding(verdict.get(), exposed, undetermined, admittedBy, List.copyOf(admission.causes()));
        return Optional.of(t.row(port, protocol, found, warnings, path, Optional.empty()));
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
            Attached a, ExposureAdmission admission, int i, AddressSet undetermined, AddressSet internet) {
        return admission
                .admits(a, i, internet, "every Internet source")
                .orElse(ExposureAdmission.nameOf(a) + " (inbound) may admit " + Describe.addresses(undetermined)
                        + " through a rule it cannot resolve.");
    }

    private static Hop internet(ExposureTarget t, String what) {
        String to = t.publicAddress().map(Ipv4::format).orElse("its public IP (no address allocated)");
        return new Hop(
                "Internet",
                HopKind.INTERNET,
                List.of(new Step(StepType.ROUTE, "Internet sources send " + what + " to " + to + ".")));
    }

    private static String delivered(ExposureTarget t, String what) {
        return "Delivered to " + t.deliveredTo() + " on " + what + ".";
    }

    /**
     * A warning when replies to the exposed sources would not leave straight to the Internet (forced tunnelling, an
     * appliance): the NSGs admit the connection, but its replies take another path (asymmetric routing).
     */
    private Optional<String> returnRoute(ExposureTarget t, AddressSet sources) {
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
