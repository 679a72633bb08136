package io.asegraph.api.path;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A firewall rule that decided part of the source range.")
public record FirewallRuleMatch(
        @NonNull String ruleCollection,
        @NonNull String rule,
        int priority,
        @NonNull Access access,
        @NonNull @Description("The source addresses it decided, as CIDR blocks.") List<@NonNull String> sourceRanges) {}
