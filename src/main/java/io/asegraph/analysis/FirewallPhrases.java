package io.asegraph.analysis;

import io.asegraph.analysis.FirewallEvaluator.Decision;
import io.asegraph.analysis.FirewallEvaluator.Match;
import io.asegraph.topology.FirewallRuleCollection.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sentences and trace step of an Azure Firewall's decision (beside {@link FlowExplainer} and {@link PathTrace}, for
 * the NSGs).
 */
final class FirewallPhrases {
    private FirewallPhrases() {}

    /** A deciding rule as outcomes name it: {@code hub-fw egress/allow-sql}, or {@code hub-fw (no rule matches)}. */
    static String ruleRef(Decision d, Match m) {
        return d.firewall().name() + " " + rule(m);
    }

    private static String rule(Match m) {
        return m.rule().equals(FirewallEvaluator.NO_RULE_MATCHES)
                ? FirewallEvaluator.NO_RULE_MATCHES
                : m.collection() + "/" + m.rule();
    }

    /** The FILTER step in the firewall's hop: its verdict and what each rule decided. */
    static Step filterStep(Decision d) {
        List<String> parts = new ArrayList<>();
        for (Match m : d.matches()) {
            parts.add(m.sources()
                    + (m.action() == Action.ALLOW ? " allowed by " : " denied by ")
                    + rule(m)
                    + (m.rule().equals(FirewallEvaluator.NO_RULE_MATCHES)
                            ? " (the implicit deny)"
                            : " (priority " + m.priority() + ")"));
        }
        if (!d.undetermined().isEmpty()) {
            parts.add(d.undetermined() + " undetermined: " + String.join("; ", d.causes()));
        }
        return new Step(
                StepType.FILTER,
                "Azure Firewall " + d.firewall().name() + ": " + d.verdict() + " — " + String.join("; ", parts) + ".");
    }

    /** What the firewall denies, for the flow's reason. */
    static String denials(Decision d) {
        return d.matches().stream()
                .filter(m -> m.action() == Action.DENY)
                .map(m -> (m.rule().equals(FirewallEvaluator.NO_RULE_MATCHES)
                                ? "the implicit deny of Azure Firewall "
                                        + d.firewall().name() + " (no rule matches)"
                                : "rule " + rule(m) + " of Azure Firewall "
                                        + d.firewall().name())
                        + " denies " + m.sources())
                .collect(Collectors.joining("; "));
    }

    /** The rules that allow, for the flow's reason. */
    static String allowing(Decision d) {
        return "Azure Firewall " + d.firewall().name() + " "
                + d.matches().stream()
                        .filter(m -> m.action() == Action.ALLOW)
                        .map(FirewallPhrases::rule)
                        .collect(Collectors.joining(", "));
    }
}
