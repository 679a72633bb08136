package io.asegraph.analysis;

import io.asegraph.net.AddressSet;
import io.asegraph.policy.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * One part of a flow's original (private) source range and what became of it: ALLOWED, DENIED, UNDETERMINED or
 * UNREACHABLE, with the rules that decided it ({@code nsg-name securityRules/NAME}, in evaluation order: for an allowed
 * part every allowing rule on the way, for a denied part the rule that denied it) or the causes of an undetermined part.
 * The parts of a {@link FlowResult} are disjoint and cover the caller's private source range.
 */
public record SourceOutcome(AddressSet sources, Verdict verdict, List<String> rules, List<String> causes) {
    public SourceOutcome {
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(verdict, "verdict");
        rules = List.copyOf(rules);
        causes = List.copyOf(causes);
        if (verdict == Verdict.PARTIAL) {
            throw new IllegalArgumentException(
                    "a source part is allowed, denied, undetermined or unreachable, never partial");
        }
    }

    @Override
    public String toString() {
        String by = rules.isEmpty() ? "" : " by " + String.join(", ", rules);
        String why = causes.isEmpty() ? "" : " (" + String.join("; ", causes) + ")";
        return sources + " " + verdict + by + why;
    }
}
