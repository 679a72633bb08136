package io.asegraph.api.audit;

import io.asegraph.api.path.Direction;
import io.asegraph.api.path.NsgLevel;
import io.asegraph.api.path.Protocol;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The Allow rule to add on one NSG so the whole source range passes it, at the largest free priority that"
        + " still wins over every rule that blocks it.")
public record RuleFixResult(
        @NonNull @Description("The NSG's id") String nsg,
        @Description("The NSG the rule is for.") @NonNull String nsgName,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("A free priority that wins over the blocking rule") Integer priority,
        @Description("INBOUND or OUTBOUND (Azure's `direction`: Inbound, Outbound).") @NonNull Direction direction,
        @Description("The rule as ARM JSON") String arm,
        @Description("The az network nsg rule create command") String azCli,
        @Description("A Terraform azurerm_network_security_rule block") String terraform,
        @Description("Why no rule can be given, when none can") String problem,
        @NonNull @Description("The subnet or network interface where the NSG blocks") String appliedTo,
        @Description("Whether the NSG is on the subnet or the network interface.") @NonNull NsgLevel level,
        @NonNull @Description("TCP, UDP, ICMP, ESP, AH or ANY (Azure's `protocol`: Tcp, Udp, Icmp, Esp, Ah or *)")
                Protocol protocol,
        @Description("The proposed rule's source prefixes (the exact range the call comes from).") @NonNull
                List<@NonNull String> sourceAddressPrefixes,
        @Description("The proposed rule's destination prefixes.") @NonNull
                List<@NonNull String> destinationAddressPrefixes,
        @Description("The proposed rule's destination port or range.") @NonNull String destinationPortRange,
        @NonNull @Description("The rules it must win over, securityRules/NAME (priority P)")
                List<@NonNull String> overrides,
        @Description("What the proposed rule does, in one sentence.") @NonNull String description) {}
