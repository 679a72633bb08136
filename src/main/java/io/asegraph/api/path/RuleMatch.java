package io.asegraph.api.path;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A rule that decided part of the source range.")
public record RuleMatch(
        @NonNull @Description("securityRules/NAME or defaultSecurityRules/NAME.") String rule,
        @Description("The rule's priority (100–4096 for user rules, 65000+ for default rules; lower first).") @NonNull
                Integer priority,
        @Description("Whether the rule allows or denies.") @NonNull Access access,
        @NonNull @Description("The part of the source range this rule decided, as CIDR blocks.")
                List<@NonNull String> sourceRanges,
        @Description("Set when the rule could not be decided (an unresolved service tag or ASG), naming the cause.")
                String undeterminedCause) {}
