package io.asegraph.policy;

import io.asegraph.net.Protocol;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Objects;

/**
 * One rule as Network Watcher's effective security rules show it
 * (<a href="https://learn.microsoft.com/azure/network-watcher/effective-security-rules-overview">effective security
 * rules</a>): qualified name ({@code securityRules/NAME} or {@code defaultSecurityRules/NAME}), prefixes as written,
 * the expansion of the source and destination (service tags and ASGs to CIDR blocks; an unresolved part appears as an
 * explicit {@code UNRESOLVED: ...} entry, never as an empty list), and port ranges with {@code *} shown as
 * {@code 0-65535}.
 */
public record EffectiveSecurityRule(
        ResourceId nsg,
        String name,
        Direction direction,
        Access access,
        int priority,
        Protocol protocol,
        List<String> sourceAddressPrefixes,
        List<ResourceId> sourceApplicationSecurityGroups,
        ResolvedAddresses expandedSource,
        List<String> sourcePortRanges,
        List<String> destinationAddressPrefixes,
        List<ResourceId> destinationApplicationSecurityGroups,
        ResolvedAddresses expandedDestination,
        List<String> destinationPortRanges) {
    public EffectiveSecurityRule {
        Objects.requireNonNull(nsg, "nsg");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(protocol, "protocol");
        sourceAddressPrefixes = List.copyOf(sourceAddressPrefixes);
        sourceApplicationSecurityGroups = List.copyOf(sourceApplicationSecurityGroups);
        Objects.requireNonNull(expandedSource, "expandedSource");
        sourcePortRanges = List.copyOf(sourcePortRanges);
        destinationAddressPrefixes = List.copyOf(destinationAddressPrefixes);
        destinationApplicationSecurityGroups = List.copyOf(destinationApplicationSecurityGroups);
        Objects.requireNonNull(expandedDestination, "expandedDestination");
        destinationPortRanges = List.copyOf(destinationPortRanges);
    }

    /** CIDR blocks of the source expansion, then {@code UNRESOLVED: ...} entries. */
    public List<String> expandedSourceAddressPrefixes() {
        return expandedSource.display();
    }

    /** CIDR blocks of the destination expansion, then {@code UNRESOLVED: ...} entries. */
    public List<String> expandedDestinationAddressPrefixes() {
        return expandedDestination.display();
    }
}
