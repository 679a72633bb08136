package io.asegraph.api.read;

import io.asegraph.api.path.Access;
import io.asegraph.api.path.Direction;
import io.asegraph.api.path.Protocol;
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
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @NonNull @Description("securityRules/NAME or defaultSecurityRules/NAME") String qualifiedName,
        @Description("Lower first: 100–4096 for user rules, 65000–65500 for default rules.") @NonNull Integer priority,
        @Description("INBOUND or OUTBOUND (Azure's `direction`: Inbound, Outbound).") @NonNull Direction direction,
        @Description("ALLOW or DENY (Azure's `access`: Allow, Deny).") @NonNull Access access,
        @NonNull @Description("TCP, UDP, ICMP, ESP, AH or ANY (Azure's `protocol`: Tcp, Udp, Icmp, Esp, Ah or *)")
                Protocol protocol,
        @Description(
                        "Source prefixes as written: CIDRs, addresses, service tags or * (Azure's `sourceAddressPrefix(es)` merged).")
                @NonNull
                List<@NonNull String> sourceAddressPrefixes,
        @Description("Source ports as written: numbers, ranges or * (Azure's `sourcePortRange(s)` merged).") @NonNull
                List<@NonNull String> sourcePortRanges,
        @Description(
                        "Destination prefixes as written: CIDRs, addresses, service tags or * (Azure's `destinationAddressPrefix(es)` merged).")
                @NonNull
                List<@NonNull String> destinationAddressPrefixes,
        @Description("Destination ports as written: numbers, ranges or * (Azure's `destinationPortRange(s)` merged).")
                @NonNull
                List<@NonNull String> destinationPortRanges,
        @Description("Ids of the application security groups the rule's source names.") @NonNull
                List<@NonNull String> sourceApplicationSecurityGroups,
        @Description("Ids of the application security groups the rule's destination names.") @NonNull
                List<@NonNull String> destinationApplicationSecurityGroups,
        @Description("The rule's description as written in Azure; empty when none.") String description,
        @Description("True for the six default rules every NSG has (Azure's defaultSecurityRules).") @NonNull
                Boolean isDefault,
        @Ignore String key,
        @Ignore String nsgKey) {
    /** A rule node of the graph, of the NSG with key {@code nsgKey}. */
    static SecurityRule from(Map<String, Object> r, String nsgKey) {
        return new SecurityRule(
                Row.str(r, "name"),
                "securityRules/" + Row.str(r, "name"),
                Row.integer(r, "priority"),
                Direction.fromAzure(Row.str(r, "direction")),
                Access.fromAzure(Row.str(r, "access")),
                Protocol.fromAzure(Row.str(r, "protocol")),
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
                Direction.of(d.direction()),
                Access.of(d.access()),
                Protocol.of(d.protocol()),
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
