package io.asegraph.api.path;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A security rule in force for a subnet or network interface, service tags expanded.")
public record EffectiveSecurityRule(
        @NonNull @Description("securityRules/NAME or defaultSecurityRules/NAME.") String name,
        @NonNull String nsg,
        @NonNull Direction direction,
        @NonNull Access access,
        @NonNull Integer priority,
        @NonNull Protocol protocol,
        @NonNull List<@NonNull String> sourceAddressPrefixes,
        @NonNull List<@NonNull String> expandedSourceAddressPrefixes,
        @NonNull List<@NonNull String> sourcePortRanges,
        @NonNull List<@NonNull String> destinationAddressPrefixes,
        @NonNull List<@NonNull String> expandedDestinationAddressPrefixes,
        @NonNull List<@NonNull String> destinationPortRanges,
        @Description("SUBNET or NETWORK_INTERFACE: where the NSG is attached") NsgLevel level,
        @Description("Set when a prefix could not be expanded (a service tag not imported), naming it")
                String unresolved) {}
