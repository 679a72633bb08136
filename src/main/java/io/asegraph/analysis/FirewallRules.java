package io.asegraph.analysis;

import io.asegraph.net.AddressSet;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.FirewallPolicy;
import io.asegraph.topology.FirewallRuleCollection;
import io.asegraph.topology.FirewallRuleCollectionGroup;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules an Azure Firewall applies and the destinations it does not translate, wherever they are written
 * (<a href="https://learn.microsoft.com/azure/firewall/rule-processing">rule processing</a>,
 * <a href="https://learn.microsoft.com/azure/firewall-manager/policy-overview">policy hierarchy</a>):
 * <ul>
 * <li>a firewall without a policy: its classic rule collections and its {@code Network.SNAT.PrivateRanges};</li>
 * <li>a firewall with a policy: the policy's rule collection groups, by group priority then collection priority, the
 * parent policy's ({@code basePolicy}) before the child's; the policy's {@code snat.privateRanges};</li>
 * <li>a policy, parent policy or listed rule collection group missing from the snapshot: {@code missing} names it, and
 * what the firewall admits is UNDETERMINED (never an implicit allow or deny).</li>
 * </ul>
 *
 * @param collections   every rule collection in the firewall's processing order within a kind
 * @param notTranslated the destinations network-rule traffic is not translated for
 * @param missing       what is not in the snapshot, for the cause; empty when the rules are complete
 */
public record FirewallRules(
        List<FirewallRuleCollection> collections, AddressSet notTranslated, Optional<String> missing) {
    /** Parent policies' groups sort before the child's whatever their priority. */
    private static final int PARENT_OFFSET = 100_000;

    public static FirewallRules of(AzureFirewall fw, Topology topology) {
        if (fw.policyId().isEmpty()) {
            return new FirewallRules(fw.ruleCollections(), fw.notTranslated(), Optional.empty());
        }
        Deque<FirewallPolicy> chain = new ArrayDeque<>();
        Set<ResourceId> seen = new HashSet<>();
        Optional<ResourceId> next = fw.policyId();
        List<String> missing = new ArrayList<>();
        while (next.isPresent() && seen.add(next.get())) {
            Optional<FirewallPolicy> policy = topology.firewallPolicy(next.get());
            if (policy.isEmpty()) {
                missing.add("firewall policy " + next.get().name() + " ("
                        + next.get().value() + ")");
                break;
            }
            chain.addFirst(policy.get());
            next = policy.get().basePolicy();
        }
        Map<ResourceId, FirewallRuleCollectionGroup> byPolicy = new LinkedHashMap<>();
        List<FirewallRuleCollection> collections = new ArrayList<>();
        int depth = chain.size();
        for (FirewallPolicy policy : chain) {
            depth--;
            byPolicy.clear();
            for (ResourceId g : policy.ruleCollectionGroupIds()) {
                Optional<FirewallRuleCollectionGroup> group = topology.ruleCollectionGroup(g);
                if (group.isEmpty()) {
                    missing.add("rule collection group " + g.name() + " of firewall policy " + policy.name());
                } else {
                    byPolicy.put(g, group.get());
                }
            }
            for (FirewallRuleCollectionGroup group : topology.ruleCollectionGroups()) {
                if (group.policyId().equals(policy.id())) {
                    byPolicy.putIfAbsent(group.id(), group);
                }
            }
            int offset = -PARENT_OFFSET * depth;
            for (FirewallRuleCollectionGroup group : byPolicy.values()) {
                group.ruleCollections().forEach(c -> collections.add(c.inGroup(c.groupPriority() + offset)));
            }
        }
        Optional<List<String>> ranges =
                chain.isEmpty() ? Optional.empty() : chain.getLast().snatPrivateRanges();
        return new FirewallRules(
                collections,
                AzureFirewall.notTranslated(ranges),
                missing.isEmpty()
                        ? Optional.empty()
                        : Optional.of(fw.name() + " takes its rules from " + String.join(" and ", missing)
                                + ", which is not in the snapshot, so what it admits cannot be told"));
    }

    /** The collections of one kind in processing order. */
    public List<FirewallRuleCollection> ofKind(FirewallRuleCollection.Kind kind) {
        return AzureFirewall.ofKind(collections, kind);
    }
}
