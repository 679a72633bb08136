package io.asegraph.analysis.audit;

import io.asegraph.analysis.FirewallEvaluator;
import io.asegraph.analysis.FirewallEvaluator.Match;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Protocol;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.FirewallPolicy;
import io.asegraph.topology.FirewallRule;
import io.asegraph.topology.FirewallRuleCollection;
import io.asegraph.topology.FirewallRuleCollection.Action;
import io.asegraph.topology.FirewallRuleCollection.Kind;
import io.asegraph.topology.FirewallRuleCollectionGroup;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceSet;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the rule that admits a call an Azure Firewall denies goes, decided by the order
 * {@link io.asegraph.analysis.FirewallEvaluator} applies
 * (<a href="https://learn.microsoft.com/azure/firewall/rule-processing">rule processing</a>): network rule
 * collections (by rule collection group priority, then collection priority) before application rule collections, the
 * first match deciding, the implicit deny last.
 *
 * <ul>
 * <li>Classic rules: a new network rule collection on the firewall, at the <em>largest free collection priority that
 * still comes before every network rule collection that denies the call</em> (65000 when only the implicit deny
 * does), so every collection that came first keeps its place. Free means no collection of the firewall, of any kind,
 * has it.</li>
 * <li>A firewall policy: a new rule collection group of the firewall's own policy at the largest free group priority
 * that still comes before every group of that policy holding a network rule collection that denies the call, with one
 * filter collection holding the network rule. A deny in a parent policy ({@code basePolicy}) comes before every
 * group of the child policy, so no rule added there can win over it: that part gets a fix with a problem, naming the
 * parent's rule.</li>
 * </ul>
 * The rule admits exactly the sources the firewall denies (the private addresses that reach it, before its SNAT: the
 * ASE subnet's part, a NIC's address), to the destination the firewall sees, on the call's port and protocol. A deny
 * by an application rule collection needs no placement: network rules are processed first.
 */
final class FirewallFixPlanner {
    static final int LOWEST = 100;
    static final int HIGHEST = 65000;
    /** The one collection in a new rule collection group. */
    static final int COLLECTION_PRIORITY_IN_NEW_GROUP = 100;

    private final Topology topology;

    /** @param topology the estate as it is (the fixes are placed against it, never against a patched one) */
    FirewallFixPlanner(Topology topology) {
        this.topology = topology;
    }

    /**
     * The fixes that admit {@code toAdmit} through {@code firewall}: one placed rule for what a rule of the firewall's
     * own can win over, and one with a problem for what a parent policy denies (each only when there is some).
     *
     * @param denying the deny matches of the firewall's decisions for this call (over every round)
     */
    List<FirewallRuleFix> fixes(
            ResourceId firewall,
            AddressSet toAdmit,
            List<Match> denying,
            List<String> destinations,
            RequiredAccessAudit.Naming naming,
            int port,
            Protocol protocol) {
        AzureFirewall fw = topology.firewall(firewall)
                .orElseThrow(
                        () -> new IllegalStateException("a firewall that decided is in the snapshot: " + firewall));
        List<String> overrides = new ArrayList<>();
        List<String> parentRules = new ArrayList<>();
        AddressSet parentDenied = AddressSet.EMPTY;
        int ceiling = HIGHEST + 1;
        for (Match m : denying) {
            AddressSet part = m.sources().intersect(toAdmit);
            if (part.isEmpty()) {
                continue;
            }
            String rule = m.describe();
            if (!overrides.contains(rule)) {
                overrides.add(rule);
            }
            if (m.rule().equals(FirewallEvaluator.NO_RULE_MATCHES)) {
                continue;
            }
            Holder holder = holder(fw, m);
            if (holder.parentPolicy.isPresent()) {
                parentDenied = parentDenied.union(part);
                String named = rule + " of parent policy " + holder.parentPolicy.get();
                if (!parentRules.contains(named)) {
                    parentRules.add(named);
                }
            } else if (holder.order.isPresent()) {
                ceiling = Math.min(ceiling, holder.order.get());
            }
        }
        String ports = protocol.hasPorts() ? Integer.toString(port) : "*";
        List<FirewallRuleFix> out = new ArrayList<>();
        AddressSet own = toAdmit.minus(parentDenied);
        if (!own.isEmpty()) {
            out.add(place(fw, own, destinations, naming, ports, protocol, overrides, ceiling));
        }
        if (!parentDenied.isEmpty()) {
            String policy = fw.policyId().map(ResourceId::name).orElse("");
            out.add(new FirewallRuleFix(
                    fw.id(),
                    fw.name(),
                    fw.policyId(),
                    Optional.empty(),
                    Optional.empty(),
                    naming.base(),
                    Optional.empty(),
                    naming.base(),
                    protocol,
                    parentDenied.toCidrStrings(),
                    destinations,
                    ports,
                    parentRules,
                    naming.description(),
                    Optional.of(parentDenied + " is denied by " + String.join(", ", parentRules)
                            + ", whose rules come before every rule of " + policy + ", so no rule added to " + policy
                            + " can admit it; change that rule in the parent policy.")));
        }
        return out;
    }

    private FirewallRuleFix place(
            AzureFirewall fw,
            AddressSet sources,
            List<String> destinations,
            RequiredAccessAudit.Naming naming,
            String ports,
            Protocol protocol,
            List<String> overrides,
            int ceiling) {
        Set<Integer> used = new HashSet<>();
        Set<String> names = new HashSet<>();
        Optional<FirewallPolicy> policy = fw.policyId().flatMap(topology::firewallPolicy);
        if (policy.isEmpty()) {
            for (FirewallRuleCollection c : fw.ruleCollections()) {
                used.add(c.priority());
                names.add(c.name().toLowerCase(Locale.ROOT));
            }
        } else {
            for (FirewallRuleCollectionGroup g : groups(policy.get())) {
                used.add(g.priority());
                names.add(g.name().toLowerCase(Locale.ROOT));
            }
            policy.get()
                    .ruleCollectionGroupIds()
                    .forEach(id -> names.add(id.name().toLowerCase(Locale.ROOT)));
        }
        String name = naming.unique(names);
        Optional<Integer> priority = RequiredAccessAudit.largestFree(LOWEST, Math.min(ceiling - 1, HIGHEST), used);
        Optional<String> problem = Optional.empty();
        if (FirewallRuleFix.firewallProtocol(protocol).isEmpty()) {
            priority = Optional.empty();
            problem = Optional.of("Azure Firewall network rules name TCP, UDP, ICMP or Any; " + protocol
                    + " can only be admitted by an Any rule, which admits every protocol: add one yourself if that is"
                    + " what you want.");
        } else if (priority.isEmpty()) {
            problem = Optional.of("no " + (policy.isPresent() ? "rule collection group" : "rule collection")
                    + " priority between " + LOWEST + " and " + (ceiling - 1) + " is free to come before "
                    + String.join(", ", overrides) + "; change or remove that rule instead.");
        }
        boolean inPolicy = policy.isPresent();
        return new FirewallRuleFix(
                fw.id(),
                fw.name(),
                fw.policyId(),
                inPolicy ? Optional.of(name) : Optional.empty(),
                inPolicy ? priority : Optional.empty(),
                name,
                priority.map(p -> inPolicy ? COLLECTION_PRIORITY_IN_NEW_GROUP : p),
                name,
                protocol,
                sources.toCidrStrings(),
                destinations,
                ports,
                overrides,
                naming.description(),
                problem);
    }

    /**
     * Where the collection of a deny match sits: its place in the processing order ({@code order}: the classic
     * collection's priority, or the priority of the own policy's group holding it) when it is a network rule
     * collection the new rule must come before, or the parent policy holding it.
     */
    private record Holder(Optional<Integer> order, Optional<String> parentPolicy) {}

    private Holder holder(AzureFirewall fw, Match m) {
        if (fw.policyId().isEmpty()) {
            return new Holder(
                    fw.ruleCollections().stream()
                            .filter(c -> holds(c, m) && c.kind() == Kind.NETWORK)
                            .map(FirewallRuleCollection::priority)
                            .findFirst(),
                    Optional.empty());
        }
        boolean own = true;
        Set<ResourceId> seen = new HashSet<>();
        Optional<FirewallPolicy> policy = fw.policyId().flatMap(topology::firewallPolicy);
        while (policy.isPresent() && seen.add(policy.get().id())) {
            for (FirewallRuleCollectionGroup g : groups(policy.get())) {
                for (FirewallRuleCollection c : g.ruleCollections()) {
                    if (holds(c, m)) {
                        if (c.kind() != Kind.NETWORK) {
                            return new Holder(Optional.empty(), Optional.empty());
                        }
                        return own
                                ? new Holder(Optional.of(g.priority()), Optional.empty())
                                : new Holder(
                                        Optional.empty(),
                                        Optional.of(policy.get().name()));
                    }
                }
            }
            own = false;
            policy = policy.get().basePolicy().flatMap(topology::firewallPolicy);
        }
        return new Holder(Optional.empty(), Optional.empty());
    }

    private static boolean holds(FirewallRuleCollection c, Match m) {
        return c.action() == Action.DENY
                && c.name().equals(m.collection())
                && c.priority() == m.priority()
                && c.rules().stream().anyMatch(r -> r.name().equals(m.rule()));
    }

    /** The rule collection groups of a policy in the snapshot. */
    private List<FirewallRuleCollectionGroup> groups(FirewallPolicy policy) {
        return topology.ruleCollectionGroups().stream()
                .filter(g -> g.policyId().equals(policy.id()))
                .toList();
    }

    /**
     * {@code topology} with every placed fix in it: a classic firewall with its new network rule collection, a policy
     * with its new rule collection group (what the ARM, az and Terraform texts create), for the verification run.
     */
    static Topology patched(Topology topology, List<FirewallRuleFix> fixes) {
        if (fixes.stream().noneMatch(FirewallRuleFix::placed)) {
            return topology; // the common case (no firewall on the path): no copy of the estate
        }
        ResourceSet.Builder b = ResourceSet.builder().addAll(topology.resources());
        Map<ResourceId, List<FirewallRuleCollection>> classic = new LinkedHashMap<>();
        for (FirewallRuleFix f : fixes) {
            if (!f.placed()) {
                continue;
            }
            FirewallRule rule = new FirewallRule(
                    f.name(),
                    List.of(f.firewallProtocol().toUpperCase(Locale.ROOT)),
                    f.sourceAddresses(),
                    List.of(),
                    f.destinationAddresses(),
                    List.of(),
                    List.of(),
                    List.of(f.destinationPort()),
                    List.of(),
                    List.of(),
                    "",
                    "");
            FirewallRuleCollection c = new FirewallRuleCollection(
                    f.ruleCollection(), Kind.NETWORK, f.collectionPriority().get(), Action.ALLOW, List.of(rule));
            if (f.policy().isPresent()) {
                ResourceId policy = f.policy().get();
                String group = f.ruleCollectionGroup().orElseThrow();
                b.add(
                        NetworkTypes.RULE_COLLECTION_GROUP,
                        new FirewallRuleCollectionGroup(
                                ResourceId.of(policy.value() + "/ruleCollectionGroups/" + group),
                                group,
                                policy,
                                f.groupPriority().orElseThrow(),
                                List.of(c)));
            } else {
                classic.computeIfAbsent(f.firewall(), k -> new ArrayList<>()).add(c);
            }
        }
        classic.forEach((id, added) -> topology.firewall(id).ifPresent(fw -> {
            List<FirewallRuleCollection> all = new ArrayList<>(fw.ruleCollections());
            all.addAll(added);
            b.add(NetworkTypes.AZURE_FIREWALL, fw.withRules(all, fw.policyId()));
        }));
        return Topology.of(b.build());
    }
}
