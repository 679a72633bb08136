package io.asegraph.analysis.audit;

import io.asegraph.net.Protocol;
import io.asegraph.policy.Direction;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders a {@link RuleFix} as the three artefacts engineers paste: an ARM child resource
 * ({@code Microsoft.Network/networkSecurityGroups/securityRules}), an {@code az network nsg rule create} command
 * (<a href="https://learn.microsoft.com/cli/azure/network/nsg/rule">az network nsg rule</a>) and a Terraform
 * {@code azurerm_network_security_rule} block. A single prefix uses the singular fields, several the plural ones
 * (ARM rejects a comma list in the singular field). Resource group and subscription come from the NSG's id.
 */
public final class RuleFixFormats {
    /** The ARM API version written into the template. */
    public static final String API_VERSION = "2023-09-01";

    private RuleFixFormats() {}

    /** The rule as an ARM template resource. Empty when the fix has no priority. */
    public static Optional<String> arm(RuleFix fix) {
        if (fix.priority().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        b.append("{\n");
        b.append("  \"type\": \"Microsoft.Network/networkSecurityGroups/securityRules\",\n");
        b.append("  \"apiVersion\": ").append(json(API_VERSION)).append(",\n");
        b.append("  \"name\": ").append(json(fix.nsgName() + "/" + fix.name())).append(",\n");
        b.append("  \"properties\": {\n");
        b.append("    \"description\": ").append(json(fix.description())).append(",\n");
        b.append("    \"protocol\": ").append(json(fix.protocol().azureName())).append(",\n");
        b.append("    \"sourcePortRange\": \"*\",\n");
        b.append("    \"destinationPortRange\": ")
                .append(json(fix.destinationPorts()))
                .append(",\n");
        prefixes(b, "sourceAddressPrefix", fix.sourcePrefixes());
        prefixes(b, "destinationAddressPrefix", fix.destinationPrefixes());
        b.append("    \"access\": \"Allow\",\n");
        b.append("    \"priority\": ").append(fix.priority().get()).append(",\n");
        b.append("    \"direction\": ").append(json(direction(fix.direction()))).append("\n");
        b.append("  }\n");
        b.append("}");
        return Optional.of(b.toString());
    }

    /** The rule as an {@code az network nsg rule create} command. Empty when the fix has no priority. */
    public static Optional<String> azCli(RuleFix fix) {
        if (fix.priority().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder("az network nsg rule create");
        b.append(azScope(fix.nsg()));
        b.append(" --nsg-name ").append(shell(fix.nsgName()));
        b.append(" --name ").append(shell(fix.name()));
        b.append(" --priority ").append(fix.priority().get());
        b.append(" --direction ").append(direction(fix.direction()));
        b.append(" --access Allow");
        b.append(" --protocol ")
                .append(fix.protocol() == Protocol.ANY ? "'*'" : fix.protocol().azureName());
        b.append(" --source-address-prefixes ").append(shellWords(fix.sourcePrefixes()));
        b.append(" --source-port-ranges '*'");
        b.append(" --destination-address-prefixes ").append(shellWords(fix.destinationPrefixes()));
        b.append(" --destination-port-ranges ").append(shell(fix.destinationPorts()));
        b.append(" --description ").append(shell(fix.description()));
        return Optional.of(b.toString());
    }

    /** The rule as a Terraform {@code azurerm_network_security_rule} resource. Empty when the fix has no priority. */
    public static Optional<String> terraform(RuleFix fix) {
        if (fix.priority().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        b.append(terraformResource("azurerm_network_security_rule", fix.name()));
        field(b, "name", hcl(fix.name()));
        field(b, "resource_group_name", hcl(resourceGroup(fix.nsg())));
        field(b, "network_security_group_name", hcl(fix.nsgName()));
        field(b, "priority", Integer.toString(fix.priority().get()));
        field(b, "direction", hcl(direction(fix.direction())));
        field(b, "access", hcl("Allow"));
        field(b, "protocol", hcl(fix.protocol().azureName()));
        field(b, "source_port_range", hcl("*"));
        field(b, "destination_port_range", hcl(fix.destinationPorts()));
        hclPrefixes(b, "source_address_prefix", fix.sourcePrefixes());
        hclPrefixes(b, "destination_address_prefix", fix.destinationPrefixes());
        field(b, "description", hcl(fix.description()));
        b.append("}");
        return Optional.of(b.toString());
    }

    /** {@code --subscription S --resource-group G} of an az command acting on {@code id} (no subscription if none). */
    static String azScope(ResourceId id) {
        StringBuilder b = new StringBuilder();
        subscription(id).ifPresent(s -> b.append(" --subscription ").append(s));
        b.append(" --resource-group ").append(shell(resourceGroup(id)));
        return b.toString();
    }

    /** The opening line of a Terraform resource block, labelled after {@code name}. */
    static String terraformResource(String type, String name) {
        return "resource \"" + type + "\" \"" + name.replaceAll("[^A-Za-z0-9_]", "_") + "\" {\n";
    }

    /** The resource group named in an ARM id, or {@code <resource-group>} when it names none. */
    static String resourceGroup(ResourceId id) {
        return segmentAfter(id, "resourcegroups").orElse("<resource-group>");
    }

    static Optional<String> subscription(ResourceId id) {
        return segmentAfter(id, "subscriptions");
    }

    private static Optional<String> segmentAfter(ResourceId id, String key) {
        String[] parts = id.value().split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].toLowerCase(Locale.ROOT).equals(key) && !parts[i + 1].isBlank()) {
                return Optional.of(parts[i + 1]);
            }
        }
        return Optional.empty();
    }

    private static String direction(Direction d) {
        return d == Direction.INBOUND ? "Inbound" : "Outbound";
    }

    private static void prefixes(StringBuilder b, String field, List<String> prefixes) {
        if (prefixes.size() == 1) {
            b.append("    \"")
                    .append(field)
                    .append("\": ")
                    .append(json(prefixes.get(0)))
                    .append(",\n");
        } else {
            b.append("    \"")
                    .append(field)
                    .append("es\": ")
                    .append(jsonArray(prefixes))
                    .append(",\n");
        }
    }

    private static void hclPrefixes(StringBuilder b, String field, List<String> prefixes) {
        if (prefixes.size() == 1) {
            field(b, field, hcl(prefixes.get(0)));
        } else {
            field(b, field + "es", hclArray(prefixes));
        }
    }

    private static void field(StringBuilder b, String name, String value) {
        field(b, 1, 28, name, value);
    }

    /** One {@code name = value} line of a Terraform block, {@code depth} levels in, the value at column {@code width}. */
    static void field(StringBuilder b, int depth, int width, String name, String value) {
        b.append("  ".repeat(depth))
                .append(name)
                .append(" ".repeat(Math.max(1, width - name.length())))
                .append("= ")
                .append(value)
                .append('\n');
    }

    /** A JSON array of strings, on one line. */
    static String jsonArray(List<String> values) {
        return "[" + values.stream().map(RuleFixFormats::json).collect(Collectors.joining(", ")) + "]";
    }

    /** An HCL list of strings, on one line. */
    static String hclArray(List<String> values) {
        return "[" + values.stream().map(RuleFixFormats::hcl).collect(Collectors.joining(", ")) + "]";
    }

    /** Shell words, space-separated. */
    static String shellWords(List<String> values) {
        return values.stream().map(RuleFixFormats::shell).collect(Collectors.joining(" "));
    }

    /** A JSON string literal. */
    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** An HCL string literal (JSON escapes, and {@code ${}} / {@code %{} interpolation escaped). */
    static String hcl(String s) {
        return json(s).replace("${", "$${").replace("%{", "%%{");
    }

    /** A POSIX shell word: bare when it holds only safe characters, else single-quoted. */
    static String shell(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }
}
