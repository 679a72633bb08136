package io.asegraph.api.path;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("What an Azure Firewall on the path decided, over the source range it saw.")
public record FirewallDecision(
        @NonNull @Description("The firewall's resource id.") String firewall,
        @Description("What the firewall decides over the source range it receives.") @NonNull Verdict verdict,
        @NonNull
                @Description("One entry per rule that decided some part of the source range; a range no rule matches is"
                        + " denied by the firewall's implicit deny, named `(no rule matches)`.")
                List<@NonNull FirewallRuleMatch> matches,
        @NonNull @Description("Why any part is UNDETERMINED (a rule by FQDN, a tag or IP group not imported ...).")
                List<@NonNull String> causes) {}
