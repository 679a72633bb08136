package io.asegraph.api.path;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A security rule in force for a subnet or network interface, service tags expanded.")
public record EffectiveSecurityRule(
        @NonNull @Description("securityRules/NAME or defaultSecurityRules/NAME.") String name,
        @Description("The NSG's resource id.") @NonNull String nsg,
        @Description("Inbound or outbound.") @NonNull Direction direction,
        @Description("Whether the rule allows or denies.") @NonNull Access access,
        @Description("Lower first: 100–4096 for user rules, 65000–65500 for default rules.") @NonNull Integer priority,
        @Description("The protocol the rule matches.") @NonNull Protocol protocol,
        @Description("The source prefixes as written (CIDRs, addresses, service tags, *).") @NonNull
                List<@NonNull String> sourceAddressPrefixes,
        @Description(
                        "The source prefixes with every service tag expanded to its CIDRs (as the Service Tags file lists them).")
                @NonNull
                List<@NonNull String> expandedSourceAddressPrefixes,
        @Description("Source ports: numbers or ranges (80, 1024-65535) or *.") @NonNull
                List<@NonNull String> sourcePortRanges,
        @Description("The destination prefixes as written (CIDRs, addresses, service tags, *).") @NonNull
                List<@NonNull String> destinationAddressPrefixes,
        @Description("The destination prefixes with every service tag expanded to its CIDRs.") @NonNull
                List<@NonNull String> expandedDestinationAddressPrefixes,
        @Description("Destination ports: numbers or ranges (443, 8000-8999) or *.") @NonNull
                List<@NonNull String> destinationPortRanges,
        @Description("SUBNET or NETWORK_INTERFACE: where the NSG is attached") NsgLevel level,
        @Description("Set when a prefix could not be expanded (a service tag not imported), naming it")
                String unresolved) {}
