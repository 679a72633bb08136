package io.asegraph.topology;

import java.util.List;
import java.util.Objects;

/**
 * One rule of an Azure Firewall rule collection, as written (addresses, tags and FQDNs are resolved by the analysis).
 * One shape serves the three kinds of collection; the fields a kind does not have are empty:
 * <ul>
 * <li>network rule: {@code protocols} ({@code TCP}, {@code UDP}, {@code ICMP}, {@code Any}), source and destination
 * addresses (CIDR, address, range {@code a-b}, {@code *}, service tag), IP groups, {@code destinationFqdns},
 * {@code destinationPorts} ({@code 443}, {@code 8000-8999}, {@code *});</li>
 * <li>application rule: {@code protocols} as {@code Https:443}, source addresses and IP groups, {@code targetFqdns}
 * (wildcards such as {@code *.contoso.com}) and {@code fqdnTags};</li>
 * <li>NAT rule: as a network rule, plus {@code translatedAddress} and {@code translatedPort} (empty when none).</li>
 * </ul>
 */
public record FirewallRule(
        String name,
        List<String> protocols,
        List<String> sourceAddresses,
        List<ResourceId> sourceIpGroups,
        List<String> destinationAddresses,
        List<ResourceId> destinationIpGroups,
        List<String> destinationFqdns,
        List<String> destinationPorts,
        List<String> targetFqdns,
        List<String> fqdnTags,
        String translatedAddress,
        String translatedPort) {
    public FirewallRule {
        Objects.requireNonNull(name, "name");
        protocols = List.copyOf(protocols);
        sourceAddresses = List.copyOf(sourceAddresses);
        sourceIpGroups = List.copyOf(sourceIpGroups);
        destinationAddresses = List.copyOf(destinationAddresses);
        destinationIpGroups = List.copyOf(destinationIpGroups);
        destinationFqdns = List.copyOf(destinationFqdns);
        destinationPorts = List.copyOf(destinationPorts);
        targetFqdns = List.copyOf(targetFqdns);
        fqdnTags = List.copyOf(fqdnTags);
        translatedAddress = translatedAddress == null ? "" : translatedAddress;
        translatedPort = translatedPort == null ? "" : translatedPort;
    }
}
