package io.asegraph.topology;

import java.util.List;
import java.util.Objects;

/**
 * A rule collection group of a firewall policy ({@code az network firewall policy rule-collection-group list}): its
 * priority (100-65000, lower first) and its rule collections, each of them carrying the group's priority.
 */
public record FirewallRuleCollectionGroup(
        ResourceId id, String name, ResourceId policyId, int priority, List<FirewallRuleCollection> ruleCollections)
        implements Resource {
    public FirewallRuleCollectionGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(policyId, "policyId");
        ruleCollections = ruleCollections.stream().map(c -> c.inGroup(priority)).toList();
    }
}
