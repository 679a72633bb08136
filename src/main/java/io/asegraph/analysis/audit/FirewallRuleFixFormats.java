package io.asegraph.analysis.audit;

import static io.asegraph.analysis.audit.RuleFixFormats.azScope;
import static io.asegraph.analysis.audit.RuleFixFormats.field;
import static io.asegraph.analysis.audit.RuleFixFormats.hcl;
import static io.asegraph.analysis.audit.RuleFixFormats.hclArray;
import static io.asegraph.analysis.audit.RuleFixFormats.json;
import static io.asegraph.analysis.audit.RuleFixFormats.jsonArray;
import static io.asegraph.analysis.audit.RuleFixFormats.resourceGroup;
import static io.asegraph.analysis.audit.RuleFixFormats.shell;
import static io.asegraph.analysis.audit.RuleFixFormats.shellWords;
import static io.asegraph.analysis.audit.RuleFixFormats.terraformResource;

import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Optional;

/**
 * Renders a {@link FirewallRuleFix} as the three artefacts engineers paste, in the style of {@link RuleFixFormats}
 * (whose helpers it uses):
 * <ul>
 * <li>classic rules: the network rule collection as it goes into the firewall's {@code properties
 * .networkRuleCollections} (classic collections are not a resource of their own: the firewall is deployed with it),
 * an {@code az network firewall network-rule create} command (which creates the collection with its priority and
 * action), and a Terraform {@code azurerm_firewall_network_rule_collection};</li>
 * <li>a policy: a {@code Microsoft.Network/firewallPolicies/ruleCollectionGroups} resource, the two az commands
 * {@code az network firewall policy rule-collection-group create} and {@code ... collection add-filter-collection}
 * (one a line), and a Terraform {@code azurerm_firewall_policy_rule_collection_group}.</li>
 * </ul>
 * (<a href="https://learn.microsoft.com/cli/azure/network/firewall/network-rule">az network firewall network-rule</a>,
 * <a href="https://learn.microsoft.com/cli/azure/network/firewall/policy/rule-collection-group/collection">az network
 * firewall policy rule-collection-group collection</a>.) Resource group and subscription come from the firewall's or
 * the policy's id. Every text is empty when the fix has no place.
 */
public final class FirewallRuleFixFormats {
    private FirewallRuleFixFormats() {}

    /** The ARM JSON: the classic collection to add to the firewall, or the policy's new rule collection group. */
    public static Optional<String> arm(FirewallRuleFix fix) {
        if (!fix.placed()) {
            return Optional.empty();
        }
        if (fix.policy().isEmpty()) {
            return Optional.of("{\n"
                    + "  \"name\": " + json(fix.ruleCollection()) + ",\n"
                    + "  \"properties\": {\n"
                    + allowCollection(fix, "    ", false)
                    + "  }\n"
                    + "}");
        }
        return Optional.of("{\n"
                + "  \"type\": \"Microsoft.Network/firewallPolicies/ruleCollectionGroups\",\n"
                + "  \"apiVersion\": " + json(RuleFixFormats.API_VERSION) + ",\n"
                + "  \"name\": " + json(fix.policy().get().name() + "/" + group(fix)) + ",\n"
                + "  \"properties\": {\n"
                + "    \"priority\": " + fix.groupPriority().orElseThrow() + ",\n"
                + "    \"ruleCollections\": [\n"
                + "      {\n"
                + "        \"ruleCollectionType\": \"FirewallPolicyFilterRuleCollection\",\n"
                + "        \"name\": " + json(fix.ruleCollection()) + ",\n"
                + allowCollection(fix, "        ", true)
                + "      }\n"
                + "    ]\n"
                + "  }\n"
                + "}");
    }

    /** A rule collection's priority, its Allow action and its one rule, each line indented by {@code indent}. */
    private static String allowCollection(FirewallRuleFix fix, String indent, boolean policy) {
        return indent + "\"priority\": " + fix.collectionPriority().get() + ",\n"
                + indent + "\"action\": {\n"
                + indent + "  \"type\": \"Allow\"\n"
                + indent + "},\n"
                + indent + "\"rules\": [\n"
                + rule(fix, indent + "  ", policy)
                + indent + "]\n";
    }

    /**
     * One network rule object, indented by {@code indent}: a classic rule ({@code protocols}), or a policy's
     * ({@code ruleType NetworkRule}, {@code ipProtocols}).
     */
    private static String rule(FirewallRuleFix fix, String indent, boolean policy) {
        String in = indent + "  ";
        return indent + "{\n"
                + (policy ? in + "\"ruleType\": \"NetworkRule\",\n" : "")
                + in + "\"name\": " + json(fix.name()) + ",\n"
                + in + "\"description\": " + json(fix.description()) + ",\n"
                + in + (policy ? "\"ipProtocols\": " : "\"protocols\": ") + jsonArray(List.of(fix.firewallProtocol()))
                + ",\n"
                + in + "\"sourceAddresses\": " + jsonArray(fix.sourceAddresses()) + ",\n"
                + in + "\"destinationAddresses\": " + jsonArray(fix.destinationAddresses()) + ",\n"
                + in + "\"destinationPorts\": " + jsonArray(List.of(fix.destinationPort())) + "\n"
                + indent + "}\n";
    }

    /** The az command(s), one a line. */
    public static Optional<String> azCli(FirewallRuleFix fix) {
        if (!fix.placed()) {
            return Optional.empty();
        }
        String addresses = " --source-addresses " + shellWords(fix.sourceAddresses())
                + " --destination-addresses " + shellWords(fix.destinationAddresses())
                + " --destination-ports " + shell(fix.destinationPort())
                + " --description " + shell(fix.description());
        if (fix.policy().isEmpty()) {
            return Optional.of("az network firewall network-rule create" + azScope(fix.firewall())
                    + " --firewall-name " + shell(fix.firewallName())
                    + " --collection-name " + shell(fix.ruleCollection())
                    + " --priority " + fix.collectionPriority().get()
                    + " --action Allow"
                    + " --name " + shell(fix.name())
                    + " --protocols " + fix.firewallProtocol()
                    + addresses);
        }
        ResourceId policy = fix.policy().get();
        String scope = azScope(policy) + " --policy-name " + shell(policy.name());
        return Optional.of("az network firewall policy rule-collection-group create" + scope
                + " --name " + shell(group(fix))
                + " --priority " + fix.groupPriority().orElseThrow()
                + "\n"
                + "az network firewall policy rule-collection-group collection add-filter-collection" + scope
                + " --rule-collection-group-name " + shell(group(fix))
                + " --name " + shell(fix.ruleCollection())
                + " --collection-priority " + fix.collectionPriority().get()
                + " --action Allow"
                + " --rule-type NetworkRule"
                + " --rule-name " + shell(fix.name())
                + " --ip-protocols " + fix.firewallProtocol()
                + addresses);
    }

    /** The Terraform resource: a network rule collection of the firewall, or a rule collection group of the policy. */
    public static Optional<String> terraform(FirewallRuleFix fix) {
        if (!fix.placed()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        int depth;
        if (fix.policy().isEmpty()) {
            b.append(terraformResource("azurerm_firewall_network_rule_collection", fix.ruleCollection()));
            field(b, 1, 20, "name", hcl(fix.ruleCollection()));
            field(b, 1, 20, "azure_firewall_name", hcl(fix.firewallName()));
            field(b, 1, 20, "resource_group_name", hcl(resourceGroup(fix.firewall())));
            field(
                    b,
                    1,
                    20,
                    "priority",
                    Integer.toString(fix.collectionPriority().get()));
            field(b, 1, 20, "action", hcl("Allow"));
            depth = 1;
        } else {
            b.append(terraformResource("azurerm_firewall_policy_rule_collection_group", group(fix)));
            field(b, 1, 19, "name", hcl(group(fix)));
            field(b, 1, 19, "firewall_policy_id", hcl(fix.policy().get().value()));
            field(b, 1, 19, "priority", Integer.toString(fix.groupPriority().orElseThrow()));
            b.append("\n  network_rule_collection {\n");
            field(b, 2, 9, "name", hcl(fix.ruleCollection()));
            field(b, 2, 9, "priority", Integer.toString(fix.collectionPriority().get()));
            field(b, 2, 9, "action", hcl("Allow"));
            depth = 2;
        }
        String in = "  ".repeat(depth);
        b.append("\n").append(in).append("rule {\n");
        field(b, depth + 1, 22, "name", hcl(fix.name()));
        field(b, depth + 1, 22, "description", hcl(fix.description()));
        field(b, depth + 1, 22, "protocols", hclArray(List.of(fix.firewallProtocol())));
        field(b, depth + 1, 22, "source_addresses", hclArray(fix.sourceAddresses()));
        field(b, depth + 1, 22, "destination_addresses", hclArray(fix.destinationAddresses()));
        field(b, depth + 1, 22, "destination_ports", hclArray(List.of(fix.destinationPort())));
        b.append(in).append("}\n");
        if (depth == 2) {
            b.append("  }\n");
        }
        b.append("}");
        return Optional.of(b.toString());
    }

    private static String group(FirewallRuleFix fix) {
        return fix.ruleCollectionGroup().orElseThrow();
    }
}
