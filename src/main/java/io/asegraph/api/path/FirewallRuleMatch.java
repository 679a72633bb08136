package io.asegraph.api.path;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A firewall rule that decided part of the source range.")
public record FirewallRuleMatch(
        @Description("The rule collection (or policy rule collection group/collection) the rule is in.") @NonNull
                String ruleCollection,
        @Description("The rule's name, or `(no rule matches)` for the implicit deny.") @NonNull String rule,
        @Description("The rule collection's priority (100–65000; lower first).") int priority,
        @Description("Whether the rule allows or denies.") @NonNull Access access,
        @NonNull @Description("The source addresses it decided, as CIDR blocks.") List<@NonNull String> sourceRanges) {}
