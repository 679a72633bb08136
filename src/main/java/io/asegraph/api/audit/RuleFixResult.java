package io.asegraph.api.audit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The rule to add on the destination's NSG so the whole source range is admitted.")
public record RuleFixResult(@NonNull @Description("The NSG's id") String nsg, @NonNull String nsgName, @NonNull String name,
        @Description("A free priority that wins over the blocking rule") Integer priority, @NonNull String direction,
        @Description("The rule as ARM JSON") String arm, @Description("The az network nsg rule create command") String azCli,
        @Description("A Terraform azurerm_network_security_rule block") String terraform,
        @Description("Why no rule can be given, when none can") String problem) {
}
