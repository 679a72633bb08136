package io.asegraph.api.audit;

import io.asegraph.api.path.NsgLevel;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The Allow rule to add on one NSG so the whole source range passes it, at the largest free priority that"
        + " still wins over every rule that blocks it.")
public record RuleFixResult(
        @NonNull @Description("The NSG's id") String nsg,
        @NonNull String nsgName,
        @NonNull String name,
        @Description("A free priority that wins over the blocking rule") Integer priority,
        @NonNull String direction,
        @Description("The rule as ARM JSON") String arm,
        @Description("The az network nsg rule create command") String azCli,
        @Description("A Terraform azurerm_network_security_rule block") String terraform,
        @Description("Why no rule can be given, when none can") String problem,
        @NonNull @Description("The subnet or network interface where the NSG blocks") String appliedTo,
        @NonNull NsgLevel level,
        @NonNull @Description("Tcp, Udp, Icmp, Esp, Ah or *") String protocol,
        @NonNull List<@NonNull String> sourceAddressPrefixes,
        @NonNull List<@NonNull String> destinationAddressPrefixes,
        @NonNull String destinationPortRange,
        @NonNull @Description("The rules it must win over, securityRules/NAME (priority P)")
                List<@NonNull String> overrides,
        @NonNull String description) {}
