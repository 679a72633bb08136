package io.asegraph.api.path;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A rule that decided part of the source range.")
public record RuleMatch(
        @NonNull @Description("securityRules/NAME or defaultSecurityRules/NAME.") String rule,
        @NonNull Integer priority,
        @NonNull Access access,
        @NonNull @Description("The part of the source range this rule decided, as CIDR blocks.")
                List<@NonNull String> sourceRanges,
        @Description("Set when the rule could not be decided (an unresolved service tag or ASG), naming the cause.")
                String undeterminedCause) {}
