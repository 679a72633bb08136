package io.asegraph.policy;

import io.asegraph.net.AddressSet;
import java.util.Objects;
import java.util.Optional;

/**
 * What one rule decided in an {@link NsgEvaluation}: {@code sources} are the source addresses for which this rule was
 * the first match for some part of the flow space (its {@code access} applied there); {@code undeterminedSources} are
 * the source addresses for which the rule could not be resolved and so may or may not have matched first, with
 * {@code undeterminedCause} naming the rule and the unresolved tag or ASG. Sources may be decided by several rules
 * when the space spans several destinations, ports or protocols.
 */
public record RuleDecision(
        SecurityRule rule,
        Access access,
        AddressSet sources,
        AddressSet undeterminedSources,
        Optional<String> undeterminedCause) {
    public RuleDecision {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(undeterminedSources, "undeterminedSources");
        Objects.requireNonNull(undeterminedCause, "undeterminedCause");
    }

    /** {@code securityRules/NAME} or {@code defaultSecurityRules/NAME}. */
    public String ruleName() {
        return rule.qualifiedName();
    }
}
