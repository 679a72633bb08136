package io.asegraph.policy;

import io.asegraph.net.AddressSet;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The evaluation of one NSG in one direction over a {@link FlowSpace}. The source range of the space is split into
 * three disjoint parts that together cover it: a source address is <em>allowed</em> when every flow from it in the
 * space (every destination address, port and protocol) is allowed, <em>undetermined</em> when some flow from it
 * reached an unresolved rule, and <em>denied</em> otherwise. {@code decisions} lists, in priority order, every rule
 * that decided some part of the space, with the exact source sub-ranges it decided.
 */
public record NsgEvaluation(
        ResourceId nsg,
        Direction direction,
        Verdict verdict,
        List<RuleDecision> decisions,
        AddressSet allowedSources,
        AddressSet deniedSources,
        AddressSet undeterminedSources,
        List<String> warnings) {
    public NsgEvaluation {
        Objects.requireNonNull(nsg, "nsg");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(verdict, "verdict");
        decisions = List.copyOf(decisions);
        Objects.requireNonNull(allowedSources, "allowedSources");
        Objects.requireNonNull(deniedSources, "deniedSources");
        Objects.requireNonNull(undeterminedSources, "undeterminedSources");
        warnings = List.copyOf(warnings);
    }

    /** The causes of every undetermined part, each naming the rule and what did not resolve. */
    public List<String> undeterminedCauses() {
        return decisions.stream()
                .map(RuleDecision::undeterminedCause)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }

    /** The decision of the named rule ({@code securityRules/NAME} or {@code defaultSecurityRules/NAME}), if it decided. */
    public Optional<RuleDecision> decision(String qualifiedRuleName) {
        return decisions.stream()
                .filter(d -> d.ruleName().equals(qualifiedRuleName))
                .findFirst();
    }
}
