package io.asegraph.analysis.audit;

import io.asegraph.net.Protocol;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NsgLevel;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The security rule to add to one NSG so that a call passes it: an Allow for exactly the call's sources, destination,
 * port and protocol, at a free priority that wins over every rule that denied (or might deny) it there. Rendered three
 * ways by {@link RuleFixFormats}: ARM JSON, an {@code az network nsg rule create} command, and a Terraform
 * {@code azurerm_network_security_rule} block.
 *
 * @param nsg                   the NSG to change
 * @param nsgName               its name
 * @param appliedTo             the subnet or network interface where it blocked the call
 * @param level                 subnet or network interface
 * @param direction             inbound (destination side) or outbound (source side)
 * @param name                  the new rule's name, unique in the NSG
 * @param priority              the chosen priority; empty when no priority is free above the blocking rules (then
 *                              {@code problem} says what to do instead)
 * @param protocol              the call's protocol
 * @param sourcePrefixes        what must be admitted: the VIP or NAT address as /32, the whole ASE subnet, a NIC's
 *                              address (on the source side: the private sources)
 * @param destinationPrefixes   where: the address the NSG sees as destination
 * @param destinationPorts      the port ({@code *} for a port-less protocol)
 * @param overrides             the rules it must win over, {@code securityRules/NAME (priority P)}
 * @param description           the rule's description
 * @param problem               why no rule could be placed, when {@code priority} is empty
 */
public record RuleFix(
        ResourceId nsg,
        String nsgName,
        ResourceId appliedTo,
        NsgLevel level,
        Direction direction,
        String name,
        Optional<Integer> priority,
        Protocol protocol,
        List<String> sourcePrefixes,
        List<String> destinationPrefixes,
        String destinationPorts,
        List<String> overrides,
        String description,
        Optional<String> problem) {
    public RuleFix {
        Objects.requireNonNull(nsg, "nsg");
        Objects.requireNonNull(nsgName, "nsgName");
        Objects.requireNonNull(appliedTo, "appliedTo");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(protocol, "protocol");
        sourcePrefixes = List.copyOf(sourcePrefixes);
        destinationPrefixes = List.copyOf(destinationPrefixes);
        Objects.requireNonNull(destinationPorts, "destinationPorts");
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(problem, "problem");
        if (priority.isEmpty() == problem.isEmpty()) {
            throw new IllegalArgumentException("a fix has either a priority or a problem");
        }
    }
}
