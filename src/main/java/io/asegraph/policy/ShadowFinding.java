package io.asegraph.policy;

import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Objects;

/**
 * A rule that no packet can reach, or whose reachability cannot be decided.
 * <ul>
 *   <li>{@link Kind#DEAD}: higher-priority rules match everything it matches, and some of them with the other access
 *       ({@code differentAction} true): the rule looks like it does something and does nothing;</li>
 *   <li>{@link Kind#REDUNDANT}: covered entirely by higher rules with the same access ({@code differentAction} false):
 *       removing it changes nothing;</li>
 *   <li>{@link Kind#UNDECIDABLE}: whether it is reachable depends on an unresolved service tag or ASG (of the rule
 *       itself or of a higher rule that may cover it); {@code causes} names them. Such a rule is not called
 *       shadowed.</li>
 * </ul>
 * {@code coveringRules} are the qualified names of the higher rules that take some part of the rule's match in first-
 * match order (each one is needed for the cover as computed), highest priority first.
 */
public record ShadowFinding(
        ResourceId nsg,
        SecurityRule rule,
        Kind kind,
        List<String> coveringRules,
        boolean differentAction,
        List<String> causes) {
    public ShadowFinding {
        Objects.requireNonNull(nsg, "nsg");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(kind, "kind");
        coveringRules = List.copyOf(coveringRules);
        causes = List.copyOf(causes);
    }

    /** {@code securityRules/NAME} or {@code defaultSecurityRules/NAME}. */
    public String ruleName() {
        return rule.qualifiedName();
    }

    public enum Kind {
        DEAD,
        REDUNDANT,
        UNDECIDABLE
    }
}
