package io.asegraph.api.read;

import io.asegraph.policy.DefaultRules;
import java.util.List;
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
        @Ignore String key) {
    static SecurityRule from(Map<String, Object> r) {
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
                Row.key(r));
    }

    /** The six default rules, in the same shape. */
    static List<SecurityRule> defaults() {
        return DefaultRules.ALL.stream()
                .map(d -> new SecurityRule(
                        d.name(),
                        d.qualifiedName(),
                        d.priority(),
                        d.direction().azureName(),
                        d.access().azureName(),
                        d.protocol().azureName(),
                        d.sourcePrefixes(),
                        List.of("*"),
                        d.destinationPrefixes(),
                        List.of("*"),
                        List.of(),
                        List.of(),
                        d.description(),
                        true,
                        null))
                .toList();
    }
}
