package io.asegraph.analysis.audit;

import io.asegraph.policy.Direction;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.ShadowFinding;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Objects;

/**
 * One NSG rule that no packet can reach (or whose reachability depends on something unresolved), as found by
 * {@link ShadowAudit}: the policy engine's {@link ShadowFinding} placed where the NSG is applied.
 *
 * @param nsg                the NSG's id
 * @param nsgName            its name
 * @param rule               the shadowed rule
 * @param kind               DEAD (covered by rules with another access), REDUNDANT (covered by rules with the same
 *                           access) or UNDECIDABLE (depends on an unresolved service tag or ASG, see {@code causes})
 * @param coveredBy          the higher-priority rules that take its match, highest priority first
 *                           ({@code securityRules/NAME} or {@code defaultSecurityRules/NAME})
 * @param differentAction    true when some covering rule has the other access (the rule looks like it does something
 *                           and does nothing)
 * @param causes             what did not resolve, for UNDECIDABLE
 * @param appliedTo          the subnets and network interfaces where the NSG is attached and this finding holds
 *                           (empty for an NSG attached nowhere)
 * @param dependsOnPlacement true when the finding holds at some attachments and not at others: the VirtualNetwork
 *                           tag expands differently for the subnets the NSG is applied to
 */
public record ShadowedRule(
        ResourceId nsg,
        String nsgName,
        SecurityRule rule,
        ShadowFinding.Kind kind,
        List<String> coveredBy,
        boolean differentAction,
        List<String> causes,
        List<ResourceId> appliedTo,
        boolean dependsOnPlacement) {
    public ShadowedRule {
        Objects.requireNonNull(nsg, "nsg");
        Objects.requireNonNull(nsgName, "nsgName");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(kind, "kind");
        coveredBy = List.copyOf(coveredBy);
        causes = List.copyOf(causes);
        appliedTo = List.copyOf(appliedTo);
    }

    /** {@code securityRules/NAME} or {@code defaultSecurityRules/NAME}. */
    public String ruleName() {
        return rule.qualifiedName();
    }

    public Direction direction() {
        return rule.direction();
    }
}
