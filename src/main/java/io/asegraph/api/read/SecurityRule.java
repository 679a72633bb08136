package io.asegraph.api.read;

import io.asegraph.net.PortRange;
import io.asegraph.policy.DefaultRules;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A security rule as Azure stores it: prefixes and ports as written (singular and plural fields merged).")
public record SecurityRule(
        @NonNull String name,
        @NonNull @Description("securityRules/NAME or defaultSecurityRules/NAME") String qualifiedName,
        @NonNull Integer priority,
        @NonNull String direction,
        @NonNull String access,
        @NonNull @Description("Tcp, Udp, Icmp, Esp, Ah or * (any)") String protocol,
        @NonNull List<@NonNull String> sourceAddressPrefixes,
        @NonNull List<@NonNull String> sourcePortRanges,
        @NonNull List<@NonNull String> destinationAddressPrefixes,
        @NonNull List<@NonNull String> destinationPortRanges,
        @NonNull List<@NonNull String> sourceApplicationSecurityGroups,
        @NonNull List<@NonNull String> destinationApplicationSecurityGroups,
        String description,
        @NonNull Boolean isDefault,
        @Ignore String key,
        @Ignore String nsgKey) {
    /** A rule node of the graph, of the NSG with key {@code nsgKey}. */
    static SecurityRule from(Map<String, Object> r, String nsgKey) {
        return new SecurityRule(
                Row.str(r, "name"),
                "securityRules/" + Row.str(r, "name"),
                Row.integer(r, "priority"),
                Row.str(r, "direction"),
                Row.str(r, "access"),
                Row.str(r, "protocol"),
                Row.list(r, "sourceAddressPrefixes"),
                Row.list(r, "sourcePortRanges"),
                Row.list(r, "destinationAddressPrefixes"),
                Row.list(r, "destinationPortRanges"),
                Row.list(r, "sourceApplicationSecurityGroups"),
                Row.list(r, "destinationApplicationSecurityGroups"),
                Row.str(r, "description", ""),
                false,
                Row.key(r),
                nsgKey);
    }

    /** The six default rules, in the same shape, of the NSG with key {@code nsgKey}. */
    static List<SecurityRule> defaults(String nsgKey) {
        return DefaultRules.ALL.stream().map(d -> of(d, nsgKey)).toList();
    }

    /** A rule of the estate snapshot, of the NSG with key {@code nsgKey}. */
    static SecurityRule of(io.asegraph.policy.SecurityRule d, String nsgKey) {
        return new SecurityRule(
                d.name(),
                d.qualifiedName(),
                d.priority(),
                d.direction().azureName(),
                d.access().azureName(),
                d.protocol().azureName(),
                d.sourcePrefixes(),
                ports(d.sourcePorts()),
                d.destinationPrefixes(),
                ports(d.destinationPorts()),
                d.sourceAsgs().stream().map(ResourceId::value).toList(),
                d.destinationAsgs().stream().map(ResourceId::value).toList(),
                d.description(),
                d.isDefault(),
                d.isDefault() ? null : nsgKey + "/securityrules/" + d.name().toLowerCase(Locale.ROOT),
                nsgKey);
    }

    private static List<String> ports(List<PortRange> ranges) {
        return ranges.stream().map(r -> r.isAll() ? "*" : r.toString()).toList();
    }
}
