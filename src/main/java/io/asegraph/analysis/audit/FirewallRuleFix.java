package io.asegraph.analysis.audit;

import io.asegraph.net.Protocol;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The network rule to add to an Azure Firewall so that a call it denies passes it: an Allow for exactly the sources it
 * denies (the private addresses that reach it, before its SNAT), the call's destination, port and protocol, placed
 * where it wins over every rule that denied them (see {@link FirewallFixPlanner}). Rendered three ways by
 * {@link FirewallRuleFixFormats}: ARM JSON, az commands and Terraform.
 *
 * <ul>
 * <li>A firewall with classic rules: a new network rule collection on the firewall, at {@code collectionPriority}.</li>
 * <li>A firewall with a policy: a new rule collection group of that policy at {@code groupPriority}, holding one
 * network rule collection (a filter collection) at {@code collectionPriority}.</li>
 * </ul>
 *
 * @param firewall           the firewall that denies the call
 * @param firewallName       its name
 * @param policy             the firewall policy to change; empty for a firewall with classic rules
 * @param ruleCollectionGroup the new rule collection group's name (policy only)
 * @param groupPriority      its priority (policy only; empty when not placed)
 * @param ruleCollection     the new rule collection's name
 * @param collectionPriority its priority; empty when no rule can be placed (then {@code problem} says why)
 * @param name               the network rule's name
 * @param protocol           the call's protocol
 * @param sourceAddresses    the sources to admit, as CIDR blocks: what the firewall denies of the call's private range
 * @param destinationAddresses the call's destination as the firewall sees it, as CIDR blocks
 * @param destinationPort    the port ({@code *} for a port-less protocol)
 * @param overrides          the rules it must win over ({@code collection/rule (priority P)}, or the implicit deny)
 * @param description        the rule's description
 * @param problem            why no rule can be placed, when {@code collectionPriority} is empty
 */
public record FirewallRuleFix(
        ResourceId firewall,
        String firewallName,
        Optional<ResourceId> policy,
        Optional<String> ruleCollectionGroup,
        Optional<Integer> groupPriority,
        String ruleCollection,
        Optional<Integer> collectionPriority,
        String name,
        Protocol protocol,
        List<String> sourceAddresses,
        List<String> destinationAddresses,
        String destinationPort,
        List<String> overrides,
        String description,
        Optional<String> problem) {
    public FirewallRuleFix {
        Objects.requireNonNull(firewall, "firewall");
        Objects.requireNonNull(firewallName, "firewallName");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(ruleCollectionGroup, "ruleCollectionGroup");
        Objects.requireNonNull(groupPriority, "groupPriority");
        Objects.requireNonNull(ruleCollection, "ruleCollection");
        Objects.requireNonNull(collectionPriority, "collectionPriority");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        sourceAddresses = List.copyOf(sourceAddresses);
        destinationAddresses = List.copyOf(destinationAddresses);
        Objects.requireNonNull(destinationPort, "destinationPort");
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(problem, "problem");
        if (collectionPriority.isEmpty() == problem.isEmpty()) {
            throw new IllegalArgumentException("a firewall fix has either a priority or a problem");
        }
        if (policy.isPresent() && collectionPriority.isPresent() != groupPriority.isPresent()) {
            throw new IllegalArgumentException("a placed policy fix has a rule collection group priority");
        }
    }

    /** Whether the rule can be added as given (it has a place). */
    public boolean placed() {
        return collectionPriority.isPresent();
    }

    /** The network rule protocol as Azure Firewall names it: TCP, UDP, ICMP or Any (ESP or AH, which it cannot name). */
    public String firewallProtocol() {
        return firewallProtocol(protocol).orElse(protocol.name());
    }

    /** TCP, UDP, ICMP or Any; empty for ESP and AH, which a network rule cannot name. */
    static Optional<String> firewallProtocol(Protocol p) {
        return switch (p) {
            case TCP -> Optional.of("TCP");
            case UDP -> Optional.of("UDP");
            case ICMP -> Optional.of("ICMP");
            case ANY -> Optional.of("Any");
            case ESP, AH -> Optional.empty();
        };
    }
}
