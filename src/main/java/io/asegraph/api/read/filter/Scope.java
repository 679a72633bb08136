package io.asegraph.api.read.filter;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.audit.Audits;
import io.asegraph.analysis.audit.EnvironmentHealth;
import io.asegraph.analysis.audit.ShadowedRule;
import io.asegraph.api.InvalidArgumentException;
import io.asegraph.estate.Estate;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.InvalidAddressException;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.policy.DefaultRules;
import io.asegraph.policy.Direction;
import io.asegraph.policy.EvaluationContext;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.policy.ResolvedAddresses;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.ShadowFinding;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.RouteTable;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.VirtualNetwork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What filters evaluate over: one estate snapshot (its analysis context and audits) with the reverse indexes the
 * relationship filters need (where each NSG is applied), and, built on first use, every rule resolved
 * ({@link RuleRow}) and the shadow status of every rule. Built once per snapshot and shared by every request until a
 * write changes the store version; immutable once built.
 */
public final class Scope {
    /** A rule's shadow status from the shadow analysis: TRUE shadowed, FALSE not, UNKNOWN undecidable (causes). */
    public record Shadow(Tri shadowed, List<String> causes) {
        static final Shadow NONE = new Shadow(Tri.FALSE, List.of());
    }

    private final AnalysisContext context;
    private final Audits audits;
    private final Topology topology;
    private final Map<ResourceId, List<Subnet>> subnetsByNsg = new HashMap<>();
    private final Map<ResourceId, List<NetworkInterface>> nicsByNsg = new HashMap<>();
    private final Map<ResourceId, List<NetworkInterface>> nicsBySubnet = new HashMap<>();
    private final Map<ResourceId, List<Subnet>> subnetsByRouteTable = new HashMap<>();
    private final PrefixResolver tags;
    private volatile Map<ResourceId, List<RuleRow>> rulesByNsg;
    private final AddressSet virtualNetworks;
    private volatile List<RuleRow> userRules;
    private volatile List<RuleRow> allRules;
    private final Map<Boolean, byte[]> ruleBuckets = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Map<ResourceId, EnvironmentHealth> health;
    private volatile Links links;
    private final Map<Boolean, Map<String, Shadow>> shadows = new java.util.concurrent.ConcurrentHashMap<>();

    public Scope(AnalysisContext context, Audits audits) {
        this.context = context;
        this.audits = audits;
        this.topology = context.topology();
        for (Subnet s : topology.subnets()) {
            s.nsgId().ifPresent(n -> subnetsByNsg
                    .computeIfAbsent(n, k -> new ArrayList<>())
                    .add(s));
            s.routeTableId().ifPresent(t -> subnetsByRouteTable
                    .computeIfAbsent(t, k -> new ArrayList<>())
                    .add(s));
        }
        for (NetworkInterface nic : topology.nics()) {
            nic.nsgId()
                    .ifPresent(n ->
                            nicsByNsg.computeIfAbsent(n, k -> new ArrayList<>()).add(nic));
            nicsBySubnet.computeIfAbsent(nic.subnetId(), k -> new ArrayList<>()).add(nic);
        }
        AddressSet v = AddressSet.EMPTY;
        for (VirtualNetwork vnet : topology.vnets()) {
            v = v.union(AddressSet.of(vnet.addressSpace()));
        }
        virtualNetworks = v;
        tags = new PrefixResolver(context.policies(), EvaluationContext.unknown());
    }

    public List<Subnet> subnetsRoutedBy(ResourceId routeTable) {
        return subnetsByRouteTable.getOrDefault(routeTable, List.of());
    }

    /** A route's destination: a prefix, or a service tag (unresolved when not imported). */
    public ResolvedAddresses routePrefix(String prefix) {
        return tags.resolve(prefix);
    }

    public Estate estate() {
        return context.estate();
    }

    public Topology topology() {
        return topology;
    }

    public List<Subnet> subnetsOf(ResourceId nsg) {
        return subnetsByNsg.getOrDefault(nsg, List.of());
    }

    public List<NetworkInterface> nicsOf(ResourceId nsg) {
        return nicsByNsg.getOrDefault(nsg, List.of());
    }

    public List<NetworkInterface> nicsIn(ResourceId subnet) {
        return nicsBySubnet.getOrDefault(subnet, List.of());
    }

    /** The user rules of one NSG, resolved. */
    public List<RuleRow> rulesOf(ResourceId nsg) {
        Map<ResourceId, List<RuleRow>> m = rulesByNsg;
        if (m == null) {
            Map<ResourceId, List<RuleRow>> built = new HashMap<>();
            for (RuleRow r : rules(false)) {
                built.computeIfAbsent(r.nsg().id(), k -> new ArrayList<>()).add(r);
            }
            rulesByNsg = m = built;
        }
        return m.getOrDefault(nsg, List.of());
    }

    public NetworkSecurityGroup nsg(Optional<ResourceId> id) {
        return id.flatMap(i -> context.policies().nsg(i)).orElse(null);
    }

    public RouteTable routeTable(Optional<ResourceId> id) {
        return id.flatMap(topology::routeTable).orElse(null);
    }

    public Subnet subnet(ResourceId id) {
        return topology.subnet(id).orElse(null);
    }

    public List<PublicIpAddress> publicIps(NetworkInterface nic) {
        return links().publicIps(nic.publicIpIds());
    }

    /** The reverse relations of the network resources (built on first use). */
    Links links() {
        Links l = links;
        if (l == null) {
            links = l = new Links(topology);
        }
        return l;
    }

    /**
     * A filter value for an address condition: an IPv4 address or CIDR prefix, {@code *}/{@code Any}, Internet,
     * AzureLoadBalancer, VirtualNetwork (every VNet address space of the estate) or an imported service tag.
     *
     * @throws InvalidArgumentException naming {@code path} for anything else
     */
    public AddressSet addressValue(String text, String path) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new InvalidArgumentException(path + ": an empty string is not an address, prefix or service tag");
        }
        if (Character.isDigit(t.charAt(0)) || t.contains(":")) {
            try {
                return t.contains("/") ? Cidr.parsePrefix(t).toSet() : AddressSet.host(Ipv4.parse(t));
            } catch (InvalidAddressException e) {
                throw new InvalidArgumentException(
                        path + ": '" + t + "' is not an IPv4 address or prefix: " + e.getMessage());
            }
        }
        if (PrefixResolver.isVirtualNetworkTag(t)) {
            return virtualNetworks;
        }
        ResolvedAddresses r = tags.resolve(t);
        if (!r.isResolved()) {
            throw new InvalidArgumentException(path + ": '" + t + "' is neither an IPv4 address or prefix nor a"
                    + " service tag of the imported Service Tags (" + String.join("; ", r.unresolved()) + ")");
        }
        return r.addresses();
    }

    /** The health audit's answer for an ASE (environmentsHealth, computed once per snapshot). */
    public EnvironmentHealth health(ResourceId environment) {
        Map<ResourceId, EnvironmentHealth> m = health;
        if (m == null) {
            Map<ResourceId, EnvironmentHealth> built = new HashMap<>();
            audits.environmentsHealth().forEach(h -> built.put(h.environment(), h));
            health = m = built;
        }
        return m.get(environment);
    }

    public AppServiceEnvironment environment(ResourceId id) {
        return topology.environment(id).orElse(null);
    }

    /** Every user rule (and the six default rules of every NSG when asked), in listing order. */
    public List<RuleRow> rules(boolean includeDefaultRules) {
        if (includeDefaultRules) {
            List<RuleRow> r = allRules;
            if (r == null) {
                synchronized (this) {
                    if (allRules == null) {
                        allRules = build(true);
                    }
                    r = allRules;
                }
            }
            return r;
        }
        List<RuleRow> r = userRules;
        if (r == null) {
            synchronized (this) {
                if (userRules == null) {
                    userRules = build(false);
                }
                r = userRules;
            }
        }
        return r;
    }

    /**
     * For each row of {@link #rules}, in order, its (direction, access) bucket ({@link #bucket}): a byte array scanned
     * sequentially lets a filter on direction or access skip the rows of other buckets without reading them.
     */
    public byte[] ruleBuckets(boolean includeDefaultRules) {
        return ruleBuckets.computeIfAbsent(includeDefaultRules, d -> {
            List<RuleRow> rows = rules(d);
            byte[] b = new byte[rows.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = bucket(rows.get(i).direction(), rows.get(i).access());
            }
            return b;
        });
    }

    /** The bucket of a direction and an access: 0-3. */
    public static byte bucket(Direction direction, io.asegraph.policy.Access access) {
        return (byte) (direction.ordinal() * 2 + access.ordinal());
    }

    private List<RuleRow> build(boolean includeDefaultRules) {
        EvaluationContext unplaced = new EvaluationContext(Optional.empty(), Optional.empty(), context.asgMembers());
        PrefixResolver plain = new PrefixResolver(context.policies(), unplaced);
        List<NetworkSecurityGroup> nsgs = new ArrayList<>(context.policies().nsgs());
        nsgs.sort(Comparator.comparing((NetworkSecurityGroup n) -> n.name().toLowerCase(Locale.ROOT))
                .thenComparing(n -> n.id().key()));
        List<List<RuleRow>> perNsg = nsgs.parallelStream()
                .map(nsg -> rowsOf(nsg, includeDefaultRules, plain))
                .toList();
        List<RuleRow> out = new ArrayList<>();
        perNsg.forEach(out::addAll);
        return Collections.unmodifiableList(out);
    }

    private List<RuleRow> rowsOf(NetworkSecurityGroup nsg, boolean includeDefaultRules, PrefixResolver plain) {
        List<SecurityRule> rules = new ArrayList<>(nsg.rules());
        if (includeDefaultRules) {
            rules.addAll(DefaultRules.ALL);
        }
        rules.sort(Comparator.comparing(SecurityRule::direction)
                .thenComparingInt(SecurityRule::priority)
                .thenComparing(SecurityRule::isDefault));
        List<PrefixResolver> placed = null;
        List<RuleRow> out = new ArrayList<>(rules.size());
        for (SecurityRule r : rules) {
            ResolvedAddresses src;
            ResolvedAddresses dst;
            if (namesVirtualNetwork(r)) {
                if (placed == null) {
                    placed = placedResolvers(nsg, plain);
                }
                src = union(placed, p -> p.source(r));
                dst = union(placed, p -> p.destination(r));
            } else {
                src = plain.source(r);
                dst = plain.destination(r);
            }
            out.add(new RuleRow(
                    nsg,
                    r,
                    r.direction(),
                    r.access(),
                    r.protocol(),
                    r.priority(),
                    src,
                    dst,
                    ports(r.sourcePorts()),
                    ports(r.destinationPorts()),
                    shadowKey(nsg.id().key(), r.direction(), r.qualifiedName())));
        }
        return out;
    }

    /** One resolver per distinct VirtualNetwork expansion among the NSG's placements (the unplaced one if none). */
    private List<PrefixResolver> placedResolvers(NetworkSecurityGroup nsg, PrefixResolver plain) {
        Map<Optional<AddressSet>, PrefixResolver> distinct = new LinkedHashMap<>();
        List<Subnet> where = new ArrayList<>(subnetsOf(nsg.id()));
        for (NetworkInterface nic : nicsOf(nsg.id())) {
            topology.subnet(nic.subnetId()).ifPresent(where::add);
        }
        for (Subnet s : where) {
            EvaluationContext c = context.evaluationContext(s);
            distinct.computeIfAbsent(c.virtualNetwork(), k -> new PrefixResolver(context.policies(), c));
        }
        return distinct.isEmpty() ? List.of(plain) : List.copyOf(distinct.values());
    }

    private static ResolvedAddresses union(
            List<PrefixResolver> resolvers, java.util.function.Function<PrefixResolver, ResolvedAddresses> side) {
        ResolvedAddresses out = null;
        for (PrefixResolver p : resolvers) {
            ResolvedAddresses r = side.apply(p);
            out = out == null ? r : out.union(r);
        }
        return out;
    }

    private static boolean namesVirtualNetwork(SecurityRule rule) {
        return rule.sourcePrefixes().stream().anyMatch(PrefixResolver::isVirtualNetworkTag)
                || rule.destinationPrefixes().stream().anyMatch(PrefixResolver::isVirtualNetworkTag);
    }

    private static PortSet ports(List<PortRange> ranges) {
        return ranges.isEmpty() ? PortSet.ALL : PortSet.of(ranges);
    }

    /**
     * The rule's status in the shadow analysis ({@code shadowedRules}): TRUE when it is DEAD or REDUNDANT (at least
     * at some of the NSG's placements), UNKNOWN when only UNDECIDABLE (with the causes), FALSE when not reported.
     */
    public Shadow shadow(RuleRow row) {
        Map<String, Shadow> m = shadows.computeIfAbsent(row.rule().isDefault(), this::shadowMap);
        return m.getOrDefault(row.shadowKey(), Shadow.NONE);
    }

    public Shadow shadow(String nsgKey, Direction direction, String qualifiedName, boolean isDefault) {
        Map<String, Shadow> m = shadows.computeIfAbsent(isDefault, this::shadowMap);
        return m.getOrDefault(shadowKey(nsgKey, direction, qualifiedName), Shadow.NONE);
    }

    private Map<String, Shadow> shadowMap(boolean includeDefaultRules) {
        Map<String, Shadow> m = new HashMap<>();
        for (ShadowedRule s : audits.shadowedRules(includeDefaultRules)) {
            String k = shadowKey(s.nsg().key(), s.direction(), s.ruleName());
            Shadow found = s.kind() == ShadowFinding.Kind.UNDECIDABLE
                    ? new Shadow(Tri.UNKNOWN, s.causes())
                    : new Shadow(Tri.TRUE, List.of());
            m.merge(k, found, (a, b) -> a.shadowed() == Tri.TRUE ? a : b);
        }
        return m;
    }

    private static String shadowKey(String nsgKey, Direction direction, String qualifiedName) {
        return nsgKey + "\n" + direction + "\n" + qualifiedName;
    }
}
