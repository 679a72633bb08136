package io.asegraph.api.audit;

import io.asegraph.api.path.Direction;
import io.asegraph.api.path.NsgLevel;
import io.asegraph.api.path.Protocol;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The Allow rule to add to one NSG so the call passes it, at a free priority that wins over the rules that block it.")
public record RuleFix(
        @NonNull @Description("The NSG's resource id.") String nsg,
        @NonNull String nsgName,
        @NonNull @Description("The subnet or network interface where it blocks.") String appliedTo,
        @NonNull NsgLevel level,
        @NonNull Direction direction,
        @NonNull @Description("The new rule's name, unique in the NSG.") String name,
        @Description("The chosen priority: the largest free one that still wins over every blocking rule; null when none is free (see problem).") Integer priority,
        @NonNull Protocol protocol,
        @NonNull List<@NonNull String> sourceAddressPrefixes,
        @NonNull List<@NonNull String> destinationAddressPrefixes,
        @NonNull String destinationPortRange,
        @NonNull @Description("The rules it must win over, securityRules/NAME (priority P).") List<@NonNull String> overrides,
        @NonNull String description,
        @Description("Why no rule can be placed, when priority is null.") String problem,
        @Description("The rule as an ARM template resource (Microsoft.Network/networkSecurityGroups/securityRules).") String armJson,
        @Description("The rule as an `az network nsg rule create` command.") String azCli,
        @Description("The rule as a Terraform azurerm_network_security_rule block.") String terraform) {
}
