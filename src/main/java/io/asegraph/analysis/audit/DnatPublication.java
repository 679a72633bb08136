package io.asegraph.analysis.audit;

import io.asegraph.net.AddressSet;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Objects;

/**
 * The Azure Firewall DNAT rule through which an {@link Exposure} is reached: the firewall, the rule collection and
 * rule, the public addresses and ports it listens on, the private address and port it translates them to, and the
 * firewall's private addresses the target's NSGs see the call come from (Azure Firewall translates the source of
 * DNAT traffic to one of them).
 */
public record DnatPublication(
        ResourceId firewall,
        String firewallName,
        String ruleCollection,
        String rule,
        int priority,
        List<Long> publicAddresses,
        List<String> publicPorts,
        long translatedAddress,
        int translatedPort,
        AddressSet arrivesFrom) {
    public DnatPublication {
        Objects.requireNonNull(firewall, "firewall");
        Objects.requireNonNull(firewallName, "firewallName");
        Objects.requireNonNull(ruleCollection, "ruleCollection");
        Objects.requireNonNull(rule, "rule");
        publicAddresses = List.copyOf(publicAddresses);
        publicPorts = List.copyOf(publicPorts);
        Objects.requireNonNull(arrivesFrom, "arrivesFrom");
    }
}
