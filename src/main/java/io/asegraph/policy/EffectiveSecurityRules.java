package io.asegraph.policy;

import io.asegraph.net.PortRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The security rules in force for a subnet or network interface, in evaluation order, with prefixes expanded by the
 * same {@link PrefixResolver} the evaluator uses (so what is shown is what is evaluated).
 */
public final class EffectiveSecurityRules {
    private EffectiveSecurityRules() {}

    /**
     * Every rule (user and default) of {@code nsgs} for {@code direction}: NSG by NSG in the given order, each NSG's
     * rules by priority ascending.
     */
    public static List<EffectiveSecurityRule> list(
            List<NetworkSecurityGroup> nsgs, Direction direction, PrefixResolver resolver) {
        List<EffectiveSecurityRule> out = new ArrayList<>();
        for (NetworkSecurityGroup nsg : nsgs) {
            for (SecurityRule rule : CompiledRule.ordered(nsg, direction)) {
                out.add(of(nsg, rule, resolver));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The effective rules of a network interface (or, with no NIC NSG, a subnet): inbound rules in inbound order
     * (subnet NSG, then NIC NSG), followed by outbound rules in outbound order (NIC NSG, then subnet NSG).
     */
    public static List<EffectiveSecurityRule> forAttachment(
            Optional<NetworkSecurityGroup> subnetNsg, Optional<NetworkSecurityGroup> nicNsg, PrefixResolver resolver) {
        List<NetworkSecurityGroup> inbound = new ArrayList<>();
        subnetNsg.ifPresent(inbound::add);
        nicNsg.ifPresent(inbound::add);
        List<NetworkSecurityGroup> outbound = new ArrayList<>();
        nicNsg.ifPresent(outbound::add);
        subnetNsg.ifPresent(outbound::add);
        List<EffectiveSecurityRule> out = new ArrayList<>(list(inbound, Direction.INBOUND, resolver));
        out.addAll(list(outbound, Direction.OUTBOUND, resolver));
        return List.copyOf(out);
    }

    /** One rule of {@code nsg} in effective form. */
    public static EffectiveSecurityRule of(NetworkSecurityGroup nsg, SecurityRule rule, PrefixResolver resolver) {
        return new EffectiveSecurityRule(
                nsg.id(),
                rule.qualifiedName(),
                rule.direction(),
                rule.access(),
                rule.priority(),
                rule.protocol(),
                rule.sourcePrefixes(),
                rule.sourceAsgs(),
                resolver.source(rule),
                ports(rule.sourcePorts()),
                rule.destinationPrefixes(),
                rule.destinationAsgs(),
                resolver.destination(rule),
                ports(rule.destinationPorts()));
    }

    private static List<String> ports(List<PortRange> ranges) {
        return ranges.stream().map(PortRange::toString).toList(); // "*" is PortRange.ALL, shown as 0-65535
    }
}
