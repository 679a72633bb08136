package io.asegraph.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A firewall policy ({@code az network firewall policy show/list}): its SNAT private-range setting
 * ({@code snat.privateRanges}; empty when not set), the parent policy whose rules come first ({@code basePolicy}), and
 * the rule collection groups it lists ({@code ruleCollectionGroups[].id}), which are imported on their own
 * ({@link FirewallRuleCollectionGroup}).
 */
public record FirewallPolicy(
        ResourceId id,
        String name,
        String location,
        Optional<List<String>> snatPrivateRanges,
        Optional<ResourceId> basePolicy,
        List<ResourceId> ruleCollectionGroupIds)
        implements Resource {
    public FirewallPolicy {
        Objects.requireNonNull(id, "id");
        location = location == null ? "" : location;
        snatPrivateRanges = snatPrivateRanges.map(List::copyOf);
        ruleCollectionGroupIds = List.copyOf(ruleCollectionGroupIds);
    }
}
