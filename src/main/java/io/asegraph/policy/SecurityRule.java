package io.asegraph.policy;

import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.topology.ResourceId;
import java.util.List;

/**
 * One NSG security rule as Azure stores it. Address prefixes are kept as written: CIDR blocks, single addresses,
 * {@code *}, or a service tag name; the singular and plural ARM fields are merged into one list here (a rule with
 * only plural prefixes is exactly those prefixes, never "any"). An empty prefix list together with empty ASG
 * lists is invalid and rejected at import. {@code isDefault} marks the six default rules.
 */
public record SecurityRule(
        String name,
        int priority,
        Direction direction,
        Access access,
        Protocol protocol,
        List<String> sourcePrefixes,
        List<PortRange> sourcePorts,
        List<String> destinationPrefixes,
        List<PortRange> destinationPorts,
        List<ResourceId> sourceAsgs,
        List<ResourceId> destinationAsgs,
        String description,
        boolean isDefault) {
    public SecurityRule {
        sourcePrefixes = List.copyOf(sourcePrefixes);
        sourcePorts = List.copyOf(sourcePorts);
        destinationPrefixes = List.copyOf(destinationPrefixes);
        destinationPorts = List.copyOf(destinationPorts);
        sourceAsgs = List.copyOf(sourceAsgs);
        destinationAsgs = List.copyOf(destinationAsgs);
        description = description == null ? "" : description;
    }

    /** {@code securityRules/NAME} or {@code defaultSecurityRules/NAME}, as Network Watcher names rules. */
    public String qualifiedName() {
        return (isDefault ? "defaultSecurityRules/" : "securityRules/") + name;
    }
}
