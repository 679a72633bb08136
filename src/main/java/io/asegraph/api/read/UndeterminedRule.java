package io.asegraph.api.read;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A rule a filter could not decide, and why.")
public record UndeterminedRule(
        @Description("The rule, as securityRules/NAME.") @NonNull SecurityRule rule,
        @Description(
                        "Why it cannot be decided (an unresolved service tag, an application security group not imported).")
                @NonNull
                List<@NonNull String> causes) {}
