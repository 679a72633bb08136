package io.asegraph.api.audit;

import io.asegraph.api.path.Protocol;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The network rule to add to an Azure Firewall so the sources it denies pass it: for classic rules in a new"
        + " network rule collection of the firewall, for a firewall policy in a new rule collection group of that"
        + " policy; placed at the largest free priority that still comes before every rule that denies the call.")
public record FirewallRuleFixResult(
        @NonNull @Description("The firewall's id") String firewall,
        @Description("The Azure Firewall the rule is for.") @NonNull String firewallName,
        @Description("The firewall policy to change (its id); null for a firewall with classic rules") String policy,
        @Description("The new rule collection group's name (policy only)") String ruleCollectionGroup,
        @Description("Its priority (policy only)") Integer ruleCollectionGroupPriority,
        @NonNull @Description("The new network rule collection's name") String ruleCollection,
        @Description("Its priority; null when no rule can be placed (see problem)") Integer collectionPriority,
        @NonNull @Description("The network rule's name") String name,
        @NonNull
                @Description("TCP, UDP, ICMP or ANY (Azure Firewall's network rule `protocols`: TCP, UDP, ICMP, Any);"
                        + " ESP or AH, which a network rule cannot name, only with a problem")
                Protocol protocol,
        @NonNull
                @Description("What the firewall denies of the caller's private range (before its SNAT), as CIDR blocks:"
                        + " exactly what the rule admits")
                List<@NonNull String> sourceAddresses,
        @NonNull @Description("The destination as the firewall sees it, as CIDR blocks")
                List<@NonNull String> destinationAddresses,
        @NonNull @Description("The port (* for a port-less protocol)") String destinationPort,
        @NonNull
                @Description("The rules it must come before: collection/rule (priority P), or (no rule matches) (the"
                        + " implicit deny)")
                List<@NonNull String> overrides,
        @Description("What the proposed firewall rule does, in one sentence.") @NonNull String description,
        @Description("ARM JSON: for classic rules the collection to add to the firewall's"
                        + " properties.networkRuleCollections (classic collections are no resource of their own), for a"
                        + " policy the Microsoft.Network/firewallPolicies/ruleCollectionGroups resource")
                String arm,
        @Description("The az command (classic: az network firewall network-rule create), or the two commands (policy:"
                        + " rule-collection-group create, then collection add-filter-collection), one a line")
                String azCli,
        @Description("A Terraform azurerm_firewall_network_rule_collection or"
                        + " azurerm_firewall_policy_rule_collection_group block")
                String terraform,
        @Description("Why no rule can be given, when none can (a parent policy's deny, no free priority)")
                String problem) {}
