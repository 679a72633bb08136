package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.AnalysisContext.Attached;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.AppliedNsg;
import io.asegraph.policy.ChainEvaluation;
import io.asegraph.policy.Direction;
import io.asegraph.policy.FlowSpace;
import io.asegraph.policy.NsgChain;
import io.asegraph.policy.NsgEvaluator;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.policy.RuleDecision;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.EffectiveRoute;
import io.asegraph.topology.EffectiveRoutes;
import io.asegraph.topology.EffectiveRoutes.RoutedRange;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.NextHopType;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Whether an ASE's network lets it work: the inbound and outbound connectivity Azure requires of its version
 * (azure-semantics §2), checked with the path engine's NSG evaluation (exact over ranges, first match by priority,
 * default rules, subnet NSG) and its routing (longest prefix, user over BGP over system routes).
 *
 * <p><b>ASE v1</b> (the default;
 * <a href="https://learn.microsoft.com/azure/app-service/environment/app-service-app-service-environment-control-inbound-traffic">
 * inbound traffic</a>,
 * <a href="https://learn.microsoft.com/azure/app-service/environment/app-service-app-service-environment-network-configuration-expressroute">
 * required network connectivity</a>):
 * <ul>
 * <li>{@code inbound-management}: TCP 454-455 admitted to every address of the ASE subnet from every management
 * address: the {@code AppServiceManagement} tag when a Service Tags file is imported, else the whole Internet (the v1
 * documentation's source);</li>
 * <li>{@code outbound-storage}: TCP 80, 443 and 445 to Azure Storage worldwide ({@code Storage});</li>
 * <li>{@code outbound-sql}: TCP 1433, 11000-11999 and 14000-14999 to Azure SQL in the ASE's region
 * ({@code Sql.<region>});</li>
 * <li>{@code outbound-dns}: UDP and TCP 53 to DNS servers (not modelled: every Internet and VNet-topology address);</li>
 * <li>{@code outbound-route}: those dependencies routed straight to the Internet from the ASE subnet. Forced
 * tunnelling (0.0.0.0/0 or a more specific prefix to a virtual network gateway, from a user route or learned over BGP,
 * or to an appliance) changes the ASE's outbound address and breaks it; the check names the route and the fix, a
 * 0.0.0.0/0 → Internet user route on the ASE subnet (more specific advertised prefixes still win over it, and are
 * named);</li>
 * <li>{@code subnet-exclusive}: the ASE subnet holds nothing but the ASE (no network interface, no other ASE).</li>
 * </ul>
 * <b>ASE v2</b> (<a href="https://learn.microsoft.com/azure/app-service/environment/network-info">networking
 * considerations</a>): management 454-455 from AppServiceManagement; the load balancer to TCP 16001; the subnet to
 * itself on every port, both ways; outbound UDP 53 and 123, TCP 80 and 443 and 12000 to the Internet, TCP 1433 to
 * {@code Sql}; {@code management-return-route}: replies to the management addresses must leave by the VIP, so they
 * must be routed to the Internet (FAIL: asymmetric routing); {@code outbound-route} is a WARN only, since v2 supports
 * forced tunnelling with service endpoints or egress allow-listing, which are not modelled. <b>ASE v3</b>
 * (<a href="https://learn.microsoft.com/azure/app-service/environment/networking">networking</a>): the load balancer
 * to TCP 80, and an exclusive subnet; routes are unrestricted.
 *
 * <p><b>Outcomes.</b> PASS: the requirement holds for every address and port it names. FAIL: some part is denied or
 * misrouted for certain (the check names the rules or routes). WARN: it cannot be told — a rule with an unresolved
 * tag, an NSG missing from the snapshot, or a destination set the model only knows a superset of (Storage or SQL
 * without a Service Tags file: the whole Internet, which holds them, is checked; allowed there is PASS, nothing
 * allowed there is FAIL, anything between is WARN). Source ports are the client's ephemeral ports (1024-65535).
 *
 * <p><b>Batch.</b> {@link #all()} checks every ASE; evaluation contexts and route decisions are shared per (VNet,
 * route table), so 1,000 ASEs cost 1,000 small sets of NSG evaluations, not 1,000 flow walks.
 */
public final class EnvironmentHealthAudit {
    /** The client ports assumed for the flows of a requirement. */
    static final PortSet CLIENT_PORTS = PortSet.of(List.of(new PortRange(1024, 65535)));

    private final AnalysisContext context;
    private final Topology topology;
    /** decide(0.0.0.0/0) per route table in use: subnets of one VNet sharing a route table share one answer. */
    private final ConcurrentHashMap<String, List<RoutedRange>> everywhere = new ConcurrentHashMap<>();
    /** Unions of dependency sets (full service tags), built once per estate. */
    private final ConcurrentHashMap<String, AddressSet> unions = new ConcurrentHashMap<>();

    public EnvironmentHealthAudit(AnalysisContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.topology = context.topology();
    }

    /** Every ASE's health, by name; ASEs are independent and checked in parallel. */
    public List<EnvironmentHealth> all() {
        return topology.environments().parallelStream().sorted(Comparator.comparing((AppServiceEnvironment a) ->
                a.name().toLowerCase(Locale.ROOT)).thenComparing(a -> a.id().key())).map(this::health).toList();
    }

    /** One ASE's health. */
    public EnvironmentHealth health(AppServiceEnvironment ase) {
        Optional<Subnet> found = topology.subnet(ase.subnetId());
        if (found.isEmpty()) {
            HealthCheck missing = new HealthCheck("subnet", CheckStatus.WARN, "The ASE's subnet is in the snapshot.",
                    ase.name() + " names subnet " + ase.subnetId().value() + ", which is not in the snapshot: nothing can "
                            + "be checked.", List.of());
            return EnvironmentHealth.of(ase.id(), ase.name(), ase.kind(), List.of(missing));
        }
        Subnet subnet = found.get();
        Env env = new Env(ase, subnet, context.evaluator(subnet), context.subnetNsg(subnet),
                context.routing().effectiveRoutes(subnet));
        List<HealthCheck> checks = new ArrayList<>();
        switch (ase.kind()) {
            case ASEV1 -> {
                checks.add(nsgCheck(env, "inbound-management", Direction.INBOUND, management(env), subnet(env),
                        ports("454-455"), List.of(Protocol.TCP), "Azure manages the ASE over TCP 454-455 on its public "
                                + "VIP; blocking them makes it unhealthy"));
                checks.add(nsgCheck(env, "outbound-storage", Direction.OUTBOUND, subnet(env), tag("Storage", "Azure Storage "
                        + "worldwide"), ports("80", "443", "445"), List.of(Protocol.TCP), "the ASE reaches Azure Storage "
                                + "worldwide on TCP 80, 443 and 445 (Azure Files)"));
                checks.add(nsgCheck(env, "outbound-sql", Direction.OUTBOUND, subnet(env), regionalSql(env), ports("1433",
                        "11000-11999", "14000-14999"), List.of(Protocol.TCP), "the ASE reaches Azure SQL in its region on "
                                + "TCP 1433, 11000-11999 and 14000-14999"));
                checks.add(nsgCheck(env, "outbound-dns", Direction.OUTBOUND, subnet(env), dns(env), ports("53"),
                        List.of(Protocol.UDP, Protocol.TCP), "the ASE reaches its DNS servers on port 53"));
                checks.add(routeCheck(env, "outbound-route", dependencies(List.of(tag("Storage", "Azure Storage"),
                        regionalSql(env))), CheckStatus.FAIL, "the ASE's outbound dependencies are routed straight to the "
                                + "Internet from its subnet (not force-tunnelled), so they leave from its VIP"));
            }
            case ASEV2 -> {
                checks.add(nsgCheck(env, "inbound-management", Direction.INBOUND, management(env), subnet(env),
                        ports("454-455"), List.of(Protocol.TCP), "App Service management reaches the ASE subnet on TCP "
                                + "454-455; blocking them makes it unhealthy, then suspended"));
                checks.add(nsgCheck(env, "inbound-load-balancer", Direction.INBOUND, loadBalancer(), subnet(env),
                        ports("16001"), List.of(Protocol.TCP), "the Azure load balancer probes the ASE subnet on TCP 16001"));
                checks.add(nsgCheck(env, "inbound-intra-subnet", Direction.INBOUND, subnet(env), subnet(env),
                        ports("*"), List.of(Protocol.TCP, Protocol.UDP), "the ASE subnet reaches itself on every port"));
                checks.add(nsgCheck(env, "outbound-intra-subnet", Direction.OUTBOUND, subnet(env), subnet(env),
                        ports("*"), List.of(Protocol.TCP, Protocol.UDP), "the ASE subnet reaches itself on every port"));
                checks.add(nsgCheck(env, "outbound-dns", Direction.OUTBOUND, subnet(env), dns(env), ports("53"),
                        List.of(Protocol.UDP), "the ASE reaches DNS servers on UDP 53"));
                checks.add(nsgCheck(env, "outbound-ntp", Direction.OUTBOUND, subnet(env), internet(), ports("123"),
                        List.of(Protocol.UDP), "the ASE reaches NTP on UDP 123 (any address)"));
                checks.add(nsgCheck(env, "outbound-web", Direction.OUTBOUND, subnet(env), internet(), ports("80", "443"),
                        List.of(Protocol.TCP), "the ASE reaches CRL, update and Azure service endpoints on TCP 80 and 443"));
                checks.add(nsgCheck(env, "outbound-sql", Direction.OUTBOUND, subnet(env), tag("Sql", "Azure SQL"),
                        ports("1433"), List.of(Protocol.TCP), "the ASE reaches Azure SQL (tag Sql) on TCP 1433"));
                checks.add(nsgCheck(env, "outbound-monitoring", Direction.OUTBOUND, subnet(env), internet(),
                        ports("12000"), List.of(Protocol.TCP), "the ASE reaches monitoring on TCP 12000"));
                checks.add(routeCheck(env, "management-return-route", management(env), CheckStatus.FAIL, "replies to "
                        + "App Service management leave by the ASE's VIP, so the management addresses are routed to the "
                        + "Internet (otherwise routing is asymmetric)"));
                checks.add(routeCheck(env, "outbound-route", dependencies(List.of(tag("Storage", "Azure Storage"),
                        tag("Sql", "Azure SQL"))), CheckStatus.WARN, "the ASE's outbound dependencies leave straight to "
                                + "the Internet, or forced tunnelling is set up as v2 supports it (service endpoints or "
                                + "egress allow-listing, not modelled)"));
            }
            case ASEV3 -> checks.add(nsgCheck(env, "inbound-load-balancer", Direction.INBOUND, loadBalancer(), subnet(env),
                    ports("80"), List.of(Protocol.TCP), "the Azure load balancer reaches the ASE subnet on TCP 80"));
        }
        checks.add(exclusive(env));
        return EnvironmentHealth.of(ase.id(), ase.name(), ase.kind(), checks);
    }

    // ---------------------------------------------------------------- parties

    /** One ASE under check. */
    private record Env(AppServiceEnvironment ase, Subnet subnet, NsgEvaluator evaluator, Optional<Attached> nsg,
            EffectiveRoutes routes) {
    }

    /**
     * The addresses on one side of a requirement. {@code exact} is false when the model only knows a superset of them
     * ({@code because} then says why); an allow over the superset still proves the requirement. {@code note} says how
     * the set was chosen when that is not obvious.
     */
    private record Party(AddressSet addresses, String description, boolean exact, Optional<String> because,
            Optional<String> note) {
        Party(AddressSet addresses, String description) {
            this(addresses, description, true, Optional.empty(), Optional.empty());
        }
    }

    private static Party subnet(Env env) {
        return new Party(env.subnet().prefix().toSet(), "the ASE subnet " + env.subnet().name() + " ("
                + env.subnet().prefix() + ")");
    }

    private static Party internet() {
        return new Party(PrefixResolver.INTERNET, "the Internet");
    }

    private static Party loadBalancer() {
        return new Party(PrefixResolver.AZURE_LOAD_BALANCER, "the Azure load balancer (168.63.129.16)");
    }

    /** AppServiceManagement when imported; otherwise the whole Internet, which v1 documents as the source. */
    private Party management(Env env) {
        Optional<AddressSet> tag = context.policies().serviceTagAddresses("AppServiceManagement");
        if (tag.isPresent()) {
            return new Party(tag.get(), "AppServiceManagement");
        }
        boolean v1 = env.ase().kind() == AseKind.ASEV1;
        return new Party(PrefixResolver.INTERNET, "the Internet", v1, Optional.of("the AppServiceManagement tag is not "
                + "imported"), Optional.of(v1 ? "AppServiceManagement is not imported, so every Internet address is "
                        + "required, as the v1 documentation states" : "AppServiceManagement is not imported, so the "
                        + "whole Internet, which holds it, is checked"));
    }

    private Party tag(String name, String what) {
        Optional<AddressSet> tag = context.policies().serviceTagAddresses(name);
        if (tag.isPresent()) {
            return new Party(tag.get(), what + " (" + name + ")");
        }
        return new Party(PrefixResolver.INTERNET, what + " (" + name + ")", false, Optional.of("the " + name
                + " tag is not imported"), Optional.of(name + " is not imported, so the whole Internet, which holds it, is "
                        + "checked"));
    }

    private Party regionalSql(Env env) {
        String region = env.ase().location().isBlank() ? env.subnet().location() : env.ase().location();
        if (region.isBlank()) {
            return new Party(PrefixResolver.INTERNET, "Azure SQL in the ASE's region", false, Optional.of("the ASE's "
                    + "region is not recorded"), Optional.of("the ASE's region is not recorded, so the whole Internet is "
                            + "checked"));
        }
        return tag("Sql." + region, "Azure SQL in " + region);
    }

    /** DNS servers are not modelled: any Internet or VNet-topology address may be one. */
    private static Party dns(Env env) {
        AddressSet servers = PrefixResolver.INTERNET.union(env.routes().virtualNetworkTopology());
        return new Party(servers, "its DNS servers", false, Optional.of("the DNS servers are not modelled"),
                Optional.of("DNS servers are not modelled, so every Internet and VNet-topology address is checked"));
    }

    /**
     * The union of several dependency sets (routes toward the VNet topology are not the question: the route check
     * leaves that part out).
     */
    private Party dependencies(List<Party> parts) {
        boolean exact = true;
        List<String> names = new ArrayList<>();
        Optional<String> because = Optional.empty();
        List<String> notes = new ArrayList<>();
        for (Party p : parts) {
            exact &= p.exact();
            names.add(p.description());
            because = because.or(p::because);
            p.note().ifPresent(notes::add);
        }
        AddressSet all = unions.computeIfAbsent(String.join("|", names), k -> {
            AddressSet u = AddressSet.EMPTY;
            for (Party p : parts) {
                u = u.union(p.addresses());
            }
            return u;
        });
        return new Party(all, String.join(" and ", names), exact, because,
                notes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", notes)));
    }

    private static List<PortRange> ports(String... texts) {
        return java.util.Arrays.stream(texts).map(PortRange::parse).toList();
    }

    // ---------------------------------------------------------------- NSG requirements

    private HealthCheck nsgCheck(Env env, String name, Direction direction, Party sources, Party destinations,
            List<PortRange> ports, List<Protocol> protocols, String why) {
        String protocolText = protocols.stream().map(Protocol::name).collect(Collectors.joining("/"));
        String portText = ports.size() == 1 && ports.get(0).isAll() ? "every port" : Describe.ports(ports);
        String requirement = cap(why) + ": " + protocolText + " " + portText + " from " + sources.description() + " to "
                + destinations.description() + " must be allowed " + (direction == Direction.INBOUND ? "inbound" : "outbound")
                + notes(sources, destinations) + ".";
        if (env.nsg().isEmpty()) {
            return new HealthCheck(name, CheckStatus.PASS, requirement, "No NSG on " + env.subnet().name()
                    + ": nothing filters this traffic.", List.of());
        }
        Attached attached = env.nsg().get();
        if (attached.nsg().isEmpty()) {
            return new HealthCheck(name, CheckStatus.WARN, requirement, "NSG " + attached.nsgId().value()
                    + " is associated with " + env.subnet().name() + " but is not in the snapshot, so what it allows is "
                    + "unknown.", List.of());
        }
        AppliedNsg applied = attached.applied().orElseThrow();
        String nsgName = applied.nsg().name();
        Outcome total = evaluate(env, applied, direction, sources, destinations, PortSet.of(ports), protocols);
        if (total.allowed) {
            return new HealthCheck(name, CheckStatus.PASS, requirement, nsgName + " allows it" + (sources.exact()
                    && destinations.exact() ? "." : " for the whole superset checked, which covers it."), total.allowing);
        }
        if (!total.undetermined.isEmpty()) {
            return new HealthCheck(name, CheckStatus.WARN, requirement, nsgName + " cannot be fully evaluated: "
                    + String.join("; ", total.undetermined) + ".", total.deciding());
        }
        boolean exact = sources.exact() && destinations.exact();
        // Per port: which ports are denied, and (over a superset) which have nothing allowed at all, which is certain.
        List<String> perPort = new ArrayList<>();
        List<String> noneAllowed = new ArrayList<>();
        if (ports.size() > 1) {
            for (PortRange p : ports) {
                Outcome one = evaluate(env, applied, direction, sources, destinations, PortSet.of(List.of(p)), protocols);
                if (!one.allowed) {
                    perPort.add(p + (one.denying.isEmpty() ? "" : " by " + String.join(", ", one.denying)));
                }
                if (!one.anyAllowed) {
                    noneAllowed.add(p.toString());
                }
            }
        } else if (!total.anyAllowed) {
            noneAllowed.add(Describe.ports(ports));
        }
        boolean certain = exact || !noneAllowed.isEmpty();
        String detail;
        if (!total.anyAllowed) {
            detail = nsgName + " allows none of it: " + String.join(", ", total.denying) + ".";
        } else {
            String where = direction == Direction.INBOUND ? "from " + Describe.addresses(total.deniedSources)
                    : "for " + Describe.addresses(total.deniedSources) + " of the subnet";
            detail = nsgName + " denies part of it " + where + (perPort.isEmpty() ? ": " + String.join(", ", total.denying)
                    : ": port " + String.join("; port ", perPort)) + ".";
            if (!exact && !noneAllowed.isEmpty()) {
                detail = detail + " Nothing of " + destinations.description() + " is allowed on port "
                        + String.join(", ", noneAllowed) + ".";
            }
        }
        if (!certain) {
            detail = detail + " Whether that touches " + destinations.description() + " cannot be told: "
                    + sources.because().or(destinations::because).orElse("the set is not known exactly") + ".";
        }
        return new HealthCheck(name, certain ? CheckStatus.FAIL : CheckStatus.WARN, requirement, detail,
                total.deciding());
    }

    /** What an NSG decided over a requirement's flows, over every protocol. */
    private static final class Outcome {
        boolean allowed = true;
        boolean anyAllowed;
        AddressSet deniedSources = AddressSet.EMPTY;
        final List<String> allowing = new ArrayList<>();
        final List<String> denying = new ArrayList<>();
        final List<String> undetermined = new ArrayList<>();

        List<String> deciding() {
            Set<String> all = new LinkedHashSet<>(denying);
            all.addAll(allowing);
            return List.copyOf(all);
        }
    }

    private Outcome evaluate(Env env, AppliedNsg applied, Direction direction, Party sources, Party destinations,
            PortSet ports, List<Protocol> protocols) {
        Outcome o = new Outcome();
        String nsgName = applied.nsg().name();
        Set<String> allowing = new LinkedHashSet<>();
        Set<String> denying = new LinkedHashSet<>();
        Set<String> undetermined = new LinkedHashSet<>();
        for (Protocol p : protocols) {
            FlowSpace space = new FlowSpace(sources.addresses(), destinations.addresses(), CLIENT_PORTS, ports, p);
            ChainEvaluation chain = NsgChain.evaluate(env.evaluator(), List.of(applied), direction, space);
            o.allowed &= chain.verdict() == Verdict.ALLOWED;
            o.deniedSources = o.deniedSources.union(chain.deniedSources());
            for (ChainEvaluation.Step step : chain.steps()) {
                for (RuleDecision d : step.evaluation().decisions()) {
                    if (d.sources().isEmpty()) {
                        continue;
                    }
                    if (d.access() == Access.ALLOW) {
                        o.anyAllowed = true;
                        allowing.add(Describe.ruleRef(nsgName, d));
                    } else {
                        denying.add(Describe.rule(nsgName, d.rule()));
                    }
                }
                step.evaluation().undeterminedCauses().forEach(c -> undetermined.add(nsgName + " " + c));
            }
        }
        o.allowing.addAll(allowing);
        o.denying.addAll(denying);
        o.undetermined.addAll(undetermined);
        return o;
    }

    // ---------------------------------------------------------------- routes

    private static String notes(Party... parties) {
        List<String> notes = new ArrayList<>();
        for (Party p : parties) {
            p.note().ifPresent(notes::add);
        }
        return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    }

    private HealthCheck routeCheck(Env env, String name, Party destinations, CheckStatus onFailure, String why) {
        String requirement = cap(why) + notes(destinations) + ".";
        String key = env.subnet().vnetId().key() + "|" + env.subnet().routeTableId().map(r -> r.key()).orElse("");
        List<RoutedRange> parts = everywhere.computeIfAbsent(key, k -> env.routes().decide(Cidr.ALL));
        AddressSet connected = env.routes().virtualNetworkTopology();
        Set<String> direct = new LinkedHashSet<>();
        Set<String> elsewhere = new LinkedHashSet<>();
        Set<String> open = new LinkedHashSet<>();
        AddressSet misrouted = AddressSet.EMPTY;
        for (RoutedRange part : parts) {
            AddressSet outside = part.addresses().minus(connected);
            if (!outside.overlaps(destinations.addresses())) {
                continue;
            }
            if (!part.nextHop().isDetermined()) {
                part.nextHop().unresolvedRoutes().forEach(r -> open.add("user route " + r.name() + " ("
                        + r.unresolved().orElse("unresolved") + ")"));
            }
            if (part.nextHop().type() == NextHopType.INTERNET) {
                direct.add(part.nextHop().describeRoute());
            } else {
                elsewhere.add(part.nextHop().describeRoute());
                misrouted = misrouted.union(outside.intersect(destinations.addresses()));
            }
        }
        List<String> decidedBy = new ArrayList<>(elsewhere);
        decidedBy.addAll(direct);
        if (!elsewhere.isEmpty()) {
            String fix = fix(env);
            String detail = "From " + env.subnet().name() + ", " + Describe.addresses(misrouted) + " of "
                    + destinations.description() + " is routed by " + String.join("; ", elsewhere) + ", not to the "
                    + "Internet" + (onFailure == CheckStatus.FAIL ? ": the calls would not leave from the ASE's VIP. "
                            : ". ") + fix;
            return new HealthCheck(name, onFailure, requirement, detail, decidedBy);
        }
        if (!open.isEmpty()) {
            return new HealthCheck(name, CheckStatus.WARN, requirement, "Routed to the Internet by " + String.join("; ",
                    direct) + ", but " + String.join("; ", open) + " may be more specific and override it.", decidedBy);
        }
        return new HealthCheck(name, CheckStatus.PASS, requirement, "Routed straight to the Internet by "
                + String.join("; ", direct) + ".", decidedBy);
    }

    /** The fix for forced tunnelling: a 0.0.0.0/0 → Internet user route, unless there is one and something beats it. */
    private static String fix(Env env) {
        Optional<EffectiveRoute> userDefault = env.routes().activeRoutes().stream()
                .filter(r -> r.origin() == io.asegraph.topology.RouteOrigin.USER && r.nextHopType() == NextHopType.INTERNET
                        && r.prefixes().contains(Cidr.ALL)).findFirst();
        String table = env.subnet().routeTableId().map(id -> "route table " + id.name())
                .orElse("a route table attached to " + env.subnet().name());
        if (userDefault.isEmpty()) {
            return "Add a user route 0.0.0.0/0 → Internet to " + table + " (it takes precedence over a forced-tunnelling "
                    + "default route of the same prefix).";
        }
        return "The user route " + userDefault.get().name() + " (0.0.0.0/0 → Internet) is in place, but more specific "
                + "routes win over it: add user routes to Internet for those prefixes, or stop advertising them.";
    }

    // ---------------------------------------------------------------- the subnet

    private HealthCheck exclusive(Env env) {
        String requirement = "The ASE subnet holds nothing but the ASE: other resources deployed there block the ASE "
                + "from reaching them, and creation requires an empty subnet.";
        List<String> others = new ArrayList<>();
        for (AppServiceEnvironment other : context.index().environmentsIn(env.subnet().id())) {
            if (!other.id().equals(env.ase().id())) {
                others.add("ASE " + other.name());
            }
        }
        for (NetworkInterface nic : context.index().nicsIn(env.subnet().id())) {
            others.add("network interface " + nic.name());
        }
        if (others.isEmpty()) {
            return new HealthCheck("subnet-exclusive", CheckStatus.PASS, requirement, env.subnet().name() + " ("
                    + env.subnet().prefix() + ") holds only " + env.ase().name() + ".", List.of());
        }
        String shown = others.stream().limit(5).collect(Collectors.joining(", "))
                + (others.size() > 5 ? " and " + (others.size() - 5) + " more" : "");
        return new HealthCheck("subnet-exclusive", CheckStatus.FAIL, requirement, env.subnet().name() + " ("
                + env.subnet().prefix() + ") also holds " + shown + ".", List.of());
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
