package io.asegraph.analysis;

import io.asegraph.estate.Estate;
import io.asegraph.estate.Unresolved;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.policy.ApplicationSecurityGroup;
import io.asegraph.policy.AppliedNsg;
import io.asegraph.policy.EvaluationContext;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.NsgEvaluator;
import io.asegraph.policy.NsgLevel;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.topology.EffectiveRoute;
import io.asegraph.topology.EffectiveRoutes;
import io.asegraph.topology.HeldBack;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.RouteOrigin;
import io.asegraph.topology.Routing;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the path engine needs over one {@link Estate}, built once per estate and shared by every query (the
 * caller caches it per estate version): the topology index, {@link Routing} with the estate's imported service tags as
 * the tag callback of user routes, a {@link ReferenceResolver} over the topology and the policy resources, the call
 * source walker, and — computed lazily and cached — one {@link EvaluationContext} and {@link NsgEvaluator} per
 * (VNet, route table) pair.
 *
 * <p><b>VirtualNetwork per subnet</b> (design.md "Service tags";
 * <a href="https://learn.microsoft.com/azure/virtual-network/service-tags-overview">service tags overview</a>): the
 * subnet's {@link EffectiveRoutes#virtualNetworkTopology()} (own and peered address spaces, gateway-connected
 * prefixes), plus 168.63.129.16/32, plus the address prefixes of the user routes of the subnet's route table. A
 * 0.0.0.0/0 user route widens the set to every address, and the context then carries a warning naming the route
 * (MicrosoftDocs/azure-docs#22178): AllowVnetInBound / AllowVnetOutBound then allow everything. A user route whose
 * service tag is not imported leaves the expansion unknown ({@code virtualNetwork} empty): rules naming VirtualNetwork
 * are then UNDETERMINED, and {@link #virtualNetworkProblem} names the route. The set depends only on the VNet and the
 * route table, so subnets sharing both share one context and one evaluator (10,000 subnets hold about as many
 * contexts as VNet/route-table pairs).
 *
 * <p><b>ASG members</b>: every application security group of the policy set maps to the private addresses of the
 * network interfaces that name it (an ASG without members maps to the empty set: known to match nothing); an ASG
 * named by a NIC but absent from the policy set is included with its members. A rule naming an ASG that is in
 * neither stays UNDETERMINED.
 *
 * <p>Immutable after construction apart from its caches, which are safe for concurrent use.
 */
public final class AnalysisContext {
    /** 168.63.129.16/32: Azure's host address, part of every VirtualNetwork expansion. */
    public static final AddressSet AZURE_HOST = PrefixResolver.AZURE_LOAD_BALANCER;

    private final Estate estate;
    private final Topology topology;
    private final TopologyIndex index;
    private final PolicySet policies;
    private final Routing routing;
    private final ReferenceResolver resolver;
    private final CallSourceWalker walker;
    private final NextHopQuery nextHops;
    private final Map<ResourceId, AddressSet> asgMembers;
    private final ConcurrentHashMap<String, Evaluation> evaluations = new ConcurrentHashMap<>();

    /** The evaluation context and evaluator shared by the subnets of one (VNet, route table) pair. */
    private record Evaluation(EvaluationContext context, NsgEvaluator evaluator, Optional<String> problem) {}

    private AnalysisContext(Estate estate) {
        this.estate = Objects.requireNonNull(estate, "estate");
        this.topology = estate.topology();
        this.index = topology.index();
        this.policies = estate.policies();
        this.routing = new Routing(topology, policies::serviceTagAddresses, heldBack(estate.unresolved()));
        List<Resource> policyResources = new ArrayList<>(policies.nsgs());
        policyResources.addAll(policies.asgs());
        this.resolver = new ReferenceResolver(topology, policyResources, estate.unresolved());
        this.walker = new CallSourceWalker(routing);
        this.nextHops = new NextHopQuery(resolver, routing);
        this.asgMembers = asgMembers(topology, policies, estate.unresolved());
    }

    /**
     * {@code estate}'s context sharing {@code base}'s topology indexes, routing (with its cached effective routes),
     * call source walker, ASG members and VirtualNetwork expansions; only what reads NSGs is new (the reference
     * resolver, the next-hop query, one NSG evaluator per expansion already built). Only for an estate that differs
     * from {@code base}'s in its NSGs alone ({@link #derivable}).
     */
    private AnalysisContext(AnalysisContext base, Estate estate) {
        this.estate = estate;
        this.topology = base.topology;
        this.index = base.index;
        this.policies = estate.policies();
        this.policies.adoptTagExpansions(base.policies);
        this.routing = base.routing;
        List<Resource> policyResources = new ArrayList<>(policies.nsgs());
        policyResources.addAll(policies.asgs());
        this.resolver = new ReferenceResolver(topology, policyResources, estate.unresolved());
        this.walker = base.walker;
        this.nextHops = new NextHopQuery(resolver, routing);
        this.asgMembers = base.asgMembers;
        base.evaluations.forEach((key, e) -> evaluations.put(key, evaluation(e.context(), e.problem())));
    }

    /**
     * The context of {@code proposed}, derived from {@code base} (the context of the estate it was changed from) when
     * the change touched NSGs only: the same topology object (the overlay keeps it for a policy-only change), the same
     * placeholders, and the same ASG and service tag records. Then every index that does not read NSGs is shared, and
     * the result answers exactly as {@link #of} would. Any other change (a subnet, a route, an ASG, a tag) is built in
     * full by {@link #of}.
     */
    public static AnalysisContext derive(AnalysisContext base, Estate proposed) {
        return derivable(base, proposed) ? new AnalysisContext(base, proposed) : of(proposed);
    }

    private static boolean derivable(AnalysisContext base, Estate proposed) {
        return proposed.topology() == base.topology
                && proposed.unresolved().equals(base.estate.unresolved())
                && sameRecords(base.policies.asgs(), proposed.policies().asgs())
                && sameRecords(base.policies.serviceTags(), proposed.policies().serviceTags());
    }

    /** The same records (the same objects) in the same order. */
    private static boolean sameRecords(Collection<?> a, Collection<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<?> i = b.iterator();
        for (Object x : a) {
            if (x != i.next()) {
                return false;
            }
        }
        return true;
    }

    /**
     * When this context shares everything but its NSGs with {@code other} (one was derived from the other, or both
     * from a third, by {@link #derive}): the ids of the NSGs whose records differ between the two (added, removed or
     * replaced; a record written again unchanged counts as replaced). Empty when anything else may differ: then no
     * answer of {@code other} may be reused for this one.
     */
    public Optional<Set<ResourceId>> nsgChangesSince(AnalysisContext other) {
        if (other.routing != routing
                || other.asgMembers != asgMembers
                || !estate.unresolved().equals(other.estate.unresolved())
                || !sameRecords(other.policies.serviceTags(), policies.serviceTags())
                || !sameRecords(other.policies.asgs(), policies.asgs())) {
            return Optional.empty();
        }
        Set<ResourceId> changed = new LinkedHashSet<>();
        for (NetworkSecurityGroup n : policies.nsgs()) {
            if (other.policies.nsg(n.id()).orElse(null) != n) {
                changed.add(n.id());
            }
        }
        for (NetworkSecurityGroup n : other.policies.nsgs()) {
            if (policies.nsg(n.id()).isEmpty()) {
                changed.add(n.id());
            }
        }
        return Optional.of(Collections.unmodifiableSet(changed));
    }

    /**
     * The gateways and firewalls held out of the snapshot for a placeholder, with what routing needs of them: a
     * gateway's VNet (the placeholder VNet, or the VNet of its placeholder GatewaySubnet), a firewall's private address,
     * and why they cannot be placed.
     */
    private static List<HeldBack> heldBack(Unresolved unresolved) {
        Map<ResourceId, HeldBack> out = new java.util.LinkedHashMap<>();
        for (Unresolved.Placeholder p : unresolved.placeholders()) {
            for (Unresolved.Referrer r : p.referencedBy()) {
                boolean routed =
                        r.kind() == ResourceKind.VIRTUAL_NETWORK_GATEWAY || r.kind() == ResourceKind.AZURE_FIREWALL;
                if (!routed || !r.heldBack() || out.containsKey(r.id())) {
                    continue;
                }
                String why = unresolved.explain(r.id().value()).orElse(p.missing());
                if (r.kind() == ResourceKind.VIRTUAL_NETWORK_GATEWAY) {
                    String id = p.id().value();
                    int at = id.toLowerCase(java.util.Locale.ROOT).lastIndexOf("/subnets/");
                    ResourceId vnet =
                            p.kind() == ResourceKind.SUBNET && at > 0 ? ResourceId.of(id.substring(0, at)) : p.id();
                    out.put(r.id(), new HeldBack(r.id(), r.kind(), r.name(), Optional.of(vnet), Optional.empty(), why));
                } else if (r.kind() == ResourceKind.AZURE_FIREWALL) {
                    out.put(r.id(), new HeldBack(r.id(), r.kind(), r.name(), Optional.empty(), r.privateIp(), why));
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** Builds the context for {@code estate}; cheap (indexes only), per-subnet parts are computed on first use. */
    public static AnalysisContext of(Estate estate) {
        return new AnalysisContext(estate);
    }

    /**
     * ASG id to its members' addresses. An ASG never imported (a placeholder) has none, even when network interfaces
     * name it: a rule naming it is UNDETERMINED, naming it and how to import it.
     */
    private static Map<ResourceId, AddressSet> asgMembers(
            Topology topology, PolicySet policies, io.asegraph.estate.Unresolved unresolved) {
        Map<ResourceId, List<Cidr>> members = new HashMap<>();
        for (ApplicationSecurityGroup asg : policies.asgs()) {
            members.put(asg.id(), new ArrayList<>());
        }
        for (NetworkInterface nic : topology.nics()) {
            for (ResourceId asg : nic.asgIds()) {
                members.computeIfAbsent(asg, k -> new ArrayList<>()).add(Cidr.host(nic.privateIp()));
            }
        }
        Map<ResourceId, AddressSet> out = new HashMap<>();
        members.forEach((id, hosts) -> out.put(id, AddressSet.of(hosts)));
        unresolved.placeholders().forEach(p -> out.remove(p.id()));
        return Collections.unmodifiableMap(out);
    }

    public Estate estate() {
        return estate;
    }

    public Topology topology() {
        return topology;
    }

    public TopologyIndex index() {
        return index;
    }

    public PolicySet policies() {
        return policies;
    }

    public Routing routing() {
        return routing;
    }

    public ReferenceResolver resolver() {
        return resolver;
    }

    public CallSourceWalker walker() {
        return walker;
    }

    public NextHopQuery nextHops() {
        return nextHops;
    }

    /** ASG id to the private addresses of its member network interfaces. */
    public Map<ResourceId, AddressSet> asgMembers() {
        return asgMembers;
    }

    /** The evaluation context for NSGs evaluated on behalf of {@code subnet} (cached per VNet and route table). */
    public EvaluationContext evaluationContext(Subnet subnet) {
        return evaluation(subnet).context();
    }

    /** The NSG evaluator for {@code subnet}'s context (cached per VNet and route table). */
    public NsgEvaluator evaluator(Subnet subnet) {
        return evaluation(subnet).evaluator();
    }

    /**
     * Why the VirtualNetwork expansion of {@code subnet} is unknown (a user route with a service tag that is not
     * imported), if it is.
     */
    public Optional<String> virtualNetworkProblem(Subnet subnet) {
        return evaluation(subnet).problem();
    }

    /** A key shared by subnets whose NSG evaluation context is the same: VNet and route table. */
    String contextKey(Subnet subnet) {
        return subnet.vnetId().key() + "|"
                + subnet.routeTableId().map(ResourceId::key).orElse("");
    }

    private Evaluation evaluation(Subnet subnet) {
        return evaluations.computeIfAbsent(contextKey(subnet), key -> buildEvaluation(subnet));
    }

    private Evaluation buildEvaluation(Subnet subnet) {
        EffectiveRoutes routes = routing.effectiveRoutes(subnet);
        List<Cidr> userBlocks = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        Optional<EffectiveRoute> everything = Optional.empty();
        for (EffectiveRoute r : routes.missingResources()) {
            // A resource never imported: the user routes, or the peered or gateway-connected spaces, it adds are
            // part of VirtualNetwork and not known.
            unresolved.add(r.describeUnresolved());
        }
        for (EffectiveRoute r : routes.routes()) {
            if (r.origin() != RouteOrigin.USER || routes.missingResources().contains(r)) {
                continue;
            }
            if (r.unresolved().isPresent()) {
                unresolved.add("user route " + r.name() + " (" + r.unresolved().get() + ")");
                continue;
            }
            for (Cidr c : r.prefixes()) {
                userBlocks.add(c);
                if (c.length() == 0 && everything.isEmpty()) {
                    everything = Optional.of(r);
                }
            }
        }
        String where = subnet.routeTableId()
                .map(rt -> "the subnets of " + vnetName(subnet) + " using route table " + rt.name())
                .orElse("the subnets of " + vnetName(subnet) + " without a route table");
        EvaluationContext context;
        Optional<String> problem = Optional.empty();
        if (!unresolved.isEmpty()) {
            String why =
                    "The VirtualNetwork service tag of " + where + " cannot be expanded: it includes the prefixes of "
                            + "their user routes, and " + String.join("; ", unresolved) + " cannot be resolved.";
            problem = Optional.of(why);
            context = new EvaluationContext(Optional.empty(), Optional.empty(), asgMembers);
        } else if (everything.isPresent()) {
            EffectiveRoute r = everything.get();
            String warning = "The VirtualNetwork service tag is every address (0.0.0.0/0) for " + where
                    + ": their route "
                    + "table has the 0.0.0.0/0 user route " + r.name() + " (→ " + r.nextHopText() + "), and Azure adds "
                    + "user route prefixes to VirtualNetwork, so AllowVnetInBound/AllowVnetOutBound and every rule naming "
                    + "VirtualNetwork match any address (MicrosoftDocs/azure-docs#22178).";
            context = new EvaluationContext(Optional.of(AddressSet.ALL), Optional.of(warning), asgMembers);
        } else {
            AddressSet vnet = routes.virtualNetworkTopology().union(AZURE_HOST).union(AddressSet.of(userBlocks));
            context = new EvaluationContext(Optional.of(vnet), Optional.empty(), asgMembers);
        }
        return evaluation(context, problem);
    }

    private Evaluation evaluation(EvaluationContext context, Optional<String> problem) {
        return new Evaluation(context, new NsgEvaluator(new PrefixResolver(policies, context)), problem);
    }

    private String vnetName(Subnet subnet) {
        return topology.vnet(subnet.vnetId())
                .map(v -> v.name())
                .orElse(subnet.vnetId().name());
    }

    /** The NSG attached at a subnet, as applied there; empty when none is attached. */
    public Optional<Attached> subnetNsg(Subnet subnet) {
        return subnet.nsgId().map(id -> new Attached(id, subnet.id(), NsgLevel.SUBNET, policies.nsg(id)));
    }

    /** The NSG attached at a network interface, as applied there; empty when none is attached. */
    public Optional<Attached> nicNsg(NetworkInterface nic) {
        return nic.nsgId().map(id -> new Attached(id, nic.id(), NsgLevel.NETWORK_INTERFACE, policies.nsg(id)));
    }

    /**
     * An NSG association: the NSG's id, where it is attached, and the NSG itself when the policy set holds it (a
     * dangling association is kept, so that it shows as UNDETERMINED rather than as "no NSG").
     */
    public record Attached(ResourceId nsgId, ResourceId appliedTo, NsgLevel level, Optional<NetworkSecurityGroup> nsg) {
        public Attached {
            Objects.requireNonNull(nsgId, "nsgId");
            Objects.requireNonNull(appliedTo, "appliedTo");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(nsg, "nsg");
        }

        /** As the policy engine's {@link AppliedNsg}; present only when the NSG is known. */
        public Optional<AppliedNsg> applied() {
            return nsg.map(n -> new AppliedNsg(n, appliedTo, level));
        }
    }

    @Override
    public String toString() {
        return "AnalysisContext[estate version " + estate.version() + ", " + evaluations.size()
                + " evaluation contexts built]";
    }
}
