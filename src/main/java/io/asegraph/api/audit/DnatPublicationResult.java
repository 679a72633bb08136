package io.asegraph.api.audit;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description(
        "The Azure Firewall DNAT rule that publishes an exposed target: the firewall, its rule collection and rule,"
                + " the public addresses and ports it listens on, and what it translates them to.")
public record DnatPublicationResult(
        @NonNull @Description("The firewall's resource id") String firewall,
        @Description("The Azure Firewall whose DNAT rule publishes the target.") @NonNull String firewallName,
        @Description("The NAT rule collection the rule is in.") @NonNull String ruleCollection,
        @Description("The DNAT rule's name.") @NonNull String rule,
        @NonNull @Description("The rule collection's priority") Integer priority,
        @NonNull @Description("The firewall's public addresses the rule listens on")
                List<@NonNull String> publicAddresses,
        @NonNull @Description("The public ports, as written") List<@NonNull String> publicPorts,
        @Description("The private address the firewall forwards to.") @NonNull String translatedAddress,
        @Description("The port the firewall forwards to.") @NonNull Integer translatedPort,
        @NonNull
                @Description("The firewall's private addresses the target's NSGs see the call come from (Azure Firewall"
                        + " translates the source of DNAT traffic), as CIDR blocks")
                List<@NonNull String> arrivesFrom) {}
